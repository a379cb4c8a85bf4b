import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONFIG } from '@civicflow/config';
import { PeriodicTask } from '@civicflow/messaging';
import { NotificationConfig } from '../notification.config';
import { renderComplaintUpdateMail } from './complaint-update-mail';
import { ReporterNotices } from './reporter-notices';

const SCAN_INTERVAL_MS = 30_000;
const BATCH = 100;

interface DueSurvey {
  complaint_id: string;
  source_event_id: string;
  source_event_type: string;
  tracking_code: string | null;
}

/**
 * Queues each satisfaction survey on its day. The survey's "source event" is the closed event
 * that booked it, so the delivery's unique key makes it once across replicas and restarts;
 * SKIP LOCKED gives each due survey to one replica.
 */
@Injectable()
export class SatisfactionSurveys extends PeriodicTask {
  constructor(
    @InjectDataSource('notification') private readonly dataSource: DataSource,
    private readonly notices: ReporterNotices,
    @Inject(CONFIG) private readonly config: NotificationConfig,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return SCAN_INTERVAL_MS;
  }

  protected runOnce(): Promise<number> {
    return this.sendDue();
  }

  /** Sends every survey due at `now`; returns how many were handled. */
  async sendDue(now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due: DueSurvey[] = await manager.query(
        `SELECT s.complaint_id, s.source_event_id, s.source_event_type, a.tracking_code
         FROM notification.satisfaction_survey s LEFT JOIN notification.complaint_acknowledgement a ON a.complaint_id = s.complaint_id
         WHERE s.sent_at IS NULL AND s.due_at <= $1 ORDER BY s.due_at LIMIT ${BATCH} FOR UPDATE OF s SKIP LOCKED`,
        [now],
      );
      const base = this.config.PUBLIC_BASE_URL.replace(/\/$/, '');
      for (const survey of due) {
        if (survey.tracking_code) {
          const ratingUrl = `${base}/complaints/${survey.tracking_code}/rate`;
          await this.notices.tell(manager, survey.complaint_id, { id: survey.source_event_id, type: survey.source_event_type }, 'complaint.satisfaction-survey', (locale, reporter) =>
            renderComplaintUpdateMail({ locale, name: reporter.name, trackingCode: reporter.trackingCode, trackingUrl: `${base}/api/v1/complaints/${reporter.trackingCode}`, update: { kind: 'survey', ratingUrl } }),
          );
        }
        await manager.query(`UPDATE notification.satisfaction_survey SET sent_at = $2 WHERE complaint_id = $1`, [survey.complaint_id, now]);
      }
      return due.length;
    });
  }
}
