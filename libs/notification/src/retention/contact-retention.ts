import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONFIG } from '@civicflow/config';
import { PeriodicTask } from '@civicflow/messaging';
import type { RetentionConfig } from '../notification.config';

const DAY_MS = 86_400_000;
const SCAN_INTERVAL_MS = 60 * 60_000;

export interface ErasedCounts {
  reporters: number;
  messages: number;
}

/**
 * Contact details are kept only as long as the bureau still has something to tell: a reporter's
 * name, e-mail and phone go a set number of days after the satisfaction survey (the last notice
 * promised), or after a longest period for a complaint that never closed; the text of sent
 * messages, which names the recipient, goes on the same clock. What stays is what the proofs
 * need: the masked recipient, the channel and the times.
 */
@Injectable()
export class ContactRetention extends PeriodicTask {
  constructor(
    @InjectDataSource('notification') private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: RetentionConfig,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return SCAN_INTERVAL_MS;
  }

  protected runOnce(): Promise<ErasedCounts> {
    return this.eraseExpired();
  }

  async eraseExpired(now = new Date()): Promise<ErasedCounts> {
    const afterLastNotice = new Date(now.getTime() - this.config.CONTACT_RETENTION_DAYS * DAY_MS);
    const longest = new Date(now.getTime() - this.config.CONTACT_MAX_RETENTION_DAYS * DAY_MS);
    return this.dataSource.transaction(async (manager) => {
      const reporters: unknown[] = await manager.query(
        `WITH erased AS (
           UPDATE notification.complaint_acknowledgement a SET reporter_name = NULL, reporter_email = NULL, reporter_phone = NULL
            WHERE (a.reporter_name IS NOT NULL OR a.reporter_email IS NOT NULL OR a.reporter_phone IS NOT NULL)
              AND (EXISTS (SELECT 1 FROM notification.satisfaction_survey s WHERE s.complaint_id = a.complaint_id AND s.sent_at < $1) OR a.sent_at < $2)
            RETURNING 1)
         SELECT * FROM erased`,
        [afterLastNotice, longest],
      );
      const messages: unknown[] = await manager.query(
        `WITH erased AS (
           UPDATE notification.delivery SET payload = '{"erased": true}'::jsonb
            WHERE status IN ('delivered', 'failed') AND coalesce(delivered_at, failed_at) < $1 AND NOT (payload ? 'erased')
            RETURNING 1)
         SELECT * FROM erased`,
        [afterLastNotice],
      );
      return { reporters: reporters.length, messages: messages.length };
    });
  }
}
