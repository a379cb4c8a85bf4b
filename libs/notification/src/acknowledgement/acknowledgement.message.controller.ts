import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CONFIG } from '@civicflow/config';
import { CloudEvent, ComplaintReceivedV2, ComplaintReceivedV2Event, ReporterRegisteredV2, ReporterRegisteredV2Event } from '@civicflow/contracts';
import { EventContext, OnEvent } from '@civicflow/messaging';
import { ReporterNotices } from '../complaint-updates/reporter-notices';
import { NotificationConfig } from '../notification.config';
import { renderAcknowledgementMail } from './acknowledgement-mail';

const ACKNOWLEDGEMENT_GROUP = 'notification.acknowledgement';
const TEMPLATE = 'complaint.acknowledgement';
const ROW_COLUMNS = 'received_event_id, received_event_type, reporter_email, reporter_phone, status';

interface AcknowledgementRow {
  received_event_id: string | null;
  received_event_type: string | null;
  reporter_email: string | null;
  reporter_phone: string | null;
  status: 'waiting' | 'sent';
}

/**
 * Acknowledges every complaint to its reporter with the tracking code, by e-mail or, for a
 * caller who left only a phone number, by SMS. The
 * complaint (public topic) and its reporter's contact (restricted topic) arrive separately
 * and in either order; whichever comes second sends.
 */
@Controller()
export class AcknowledgementMessageController {
  constructor(
    private readonly notices: ReporterNotices,
    @Inject(CONFIG) private readonly config: NotificationConfig,
  ) {}

  @OnEvent(ACKNOWLEDGEMENT_GROUP, ComplaintReceivedV2Event)
  async complaintReceived(@Payload() event: CloudEvent<ComplaintReceivedV2>, @Ctx() context: EventContext): Promise<void> {
    const [row]: AcknowledgementRow[] = await context.manager.query(
      `INSERT INTO notification.complaint_acknowledgement (complaint_id, tracking_code, received_event_id, received_event_type) VALUES ($1, $2, $3, $4)
       ON CONFLICT (complaint_id) DO UPDATE SET received_event_id = EXCLUDED.received_event_id, received_event_type = EXCLUDED.received_event_type
       RETURNING ${ROW_COLUMNS}`,
      [event.data.complaintId, event.data.trackingCode, event.id, event.type],
    );
    await this.sendWhenComplete(context, event.data.complaintId, row, event.correlationid);
  }

  @OnEvent(ACKNOWLEDGEMENT_GROUP, ReporterRegisteredV2Event)
  async reporterRegistered(@Payload() event: CloudEvent<ReporterRegisteredV2>, @Ctx() context: EventContext): Promise<void> {
    const { complaintId, trackingCode, name, email, phone, locale, channel } = event.data;
    const [row]: AcknowledgementRow[] = await context.manager.query(
      `INSERT INTO notification.complaint_acknowledgement (complaint_id, tracking_code, reporter_name, reporter_email, reporter_phone, reporter_locale, reporter_channel)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (complaint_id) DO UPDATE SET reporter_name = EXCLUDED.reporter_name, reporter_email = EXCLUDED.reporter_email, reporter_phone = EXCLUDED.reporter_phone,
         reporter_locale = EXCLUDED.reporter_locale, reporter_channel = EXCLUDED.reporter_channel
       RETURNING ${ROW_COLUMNS}`,
      [complaintId, trackingCode, name ?? null, email ?? null, phone ?? null, locale, channel],
    );
    await this.sendWhenComplete(context, event.data.complaintId, row, event.correlationid);
  }

  /**
   * `row` comes from an upsert, which holds the row's lock until this transaction ends: of
   * the two events, whichever commits second sees the other's half and sends.
   */
  private async sendWhenComplete(context: EventContext, complaintId: string, row: AcknowledgementRow | undefined, correlationId: string): Promise<void> {
    if (!row || row.status !== 'waiting' || !row.received_event_id || (!row.reporter_email && !row.reporter_phone)) return;

    const base = this.config.PUBLIC_BASE_URL.replace(/\/$/, '');
    await this.notices.tell(
      context.manager,
      complaintId,
      { id: row.received_event_id, type: row.received_event_type ?? ComplaintReceivedV2Event.type, correlationid: correlationId },
      TEMPLATE,
      (locale, reporter) => renderAcknowledgementMail({ locale, name: reporter.name, trackingCode: reporter.trackingCode, trackingUrl: `${base}/api/v1/complaints/${reporter.trackingCode}` }),
    );
    await context.manager.query(`UPDATE notification.complaint_acknowledgement SET status = 'sent', sent_at = now() WHERE complaint_id = $1`, [complaintId]);
  }
}
