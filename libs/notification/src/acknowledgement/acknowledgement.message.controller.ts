import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CONFIG } from '@civicflow/config';
import { CloudEvent, ComplaintReceivedV2, ComplaintReceivedV2Event, ReporterRegisteredV2, ReporterRegisteredV2Event } from '@civicflow/contracts';
import { EventContext, OnEvent } from '@civicflow/messaging';
import { MailOnce } from '../mail/mail-once';
import { NotificationConfig } from '../notification.config';
import { Locale, renderAcknowledgementMail } from './acknowledgement-mail';

const ACKNOWLEDGEMENT_GROUP = 'notification.acknowledgement';
const TEMPLATE = 'complaint.acknowledgement';
const ROW_COLUMNS = 'tracking_code, received_event_id, received_event_type, reporter_name, reporter_email, reporter_locale, status';

interface AcknowledgementRow {
  tracking_code: string;
  received_event_id: string | null;
  received_event_type: string | null;
  reporter_name: string | null;
  reporter_email: string | null;
  reporter_locale: Locale | null;
  status: 'waiting' | 'sent';
}

/**
 * Acknowledges every complaint to its reporter by e-mail with the tracking code. The
 * complaint (public topic) and its reporter's contact (restricted topic) arrive separately
 * and in either order; whichever comes second sends.
 */
@Controller()
export class AcknowledgementMessageController {
  constructor(
    private readonly mail: MailOnce,
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
    await this.sendWhenComplete(context, event.data.complaintId, row);
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
    await this.sendWhenComplete(context, event.data.complaintId, row);
  }

  /**
   * `row` comes from an upsert, which holds the row's lock until this transaction ends: of
   * the two events, whichever commits second sees the other's half and sends.
   */
  private async sendWhenComplete(context: EventContext, complaintId: string, row: AcknowledgementRow | undefined): Promise<void> {
    // A reporter reachable only by phone is acknowledged once the SMS channel exists; the row keeps the contact for it.
    if (!row || row.status !== 'waiting' || !row.received_event_id || !row.reporter_email) return;

    const trackingUrl = `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/api/v1/complaints/${row.tracking_code}`;
    const email = row.reporter_email;
    const messageId = await this.mail.send(context, {
      source: { id: row.received_event_id, type: row.received_event_type ?? ComplaintReceivedV2Event.type },
      about: { kind: 'complaint', id: complaintId },
      to: email,
      template: TEMPLATE,
      render: () => renderAcknowledgementMail({ locale: row.reporter_locale ?? 'zh-CN', name: row.reporter_name, trackingCode: row.tracking_code, trackingUrl }),
    });
    await context.manager.query(`UPDATE notification.complaint_acknowledgement SET status = 'sent', message_id = $2, sent_at = now() WHERE complaint_id = $1`, [
      complaintId,
      messageId ?? null,
    ]);
  }
}
