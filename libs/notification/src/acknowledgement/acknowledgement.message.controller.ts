import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { v7 as uuidv7 } from 'uuid';
import { CONFIG } from '@civicflow/config';
import { CloudEvent, ComplaintReceivedV2, ComplaintReceivedV2Event, MessageDeliveredV1Event, ReporterRegisteredV2, ReporterRegisteredV2Event } from '@civicflow/contracts';
import { maskEmail } from '@civicflow/domain';
import { EventContext, OnEvent } from '@civicflow/messaging';
import { MailSender } from '../mail/mail-sender';
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
    private readonly mail: MailSender,
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

    const messageId = uuidv7();
    const trackingUrl = `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/api/v1/complaints/${row.tracking_code}`;
    const content = renderAcknowledgementMail({ locale: row.reporter_locale ?? 'zh-CN', name: row.reporter_name, trackingCode: row.tracking_code, trackingUrl });
    // A failure here rolls the transaction back and the event is retried, then dead-lettered.
    await this.mail.send({ to: row.reporter_email, ...content, messageId: `<${messageId}@civicflow>` });
    const deliveredAt = new Date().toISOString();
    const recipient = maskEmail(row.reporter_email);

    await context.manager.query(
      `UPDATE notification.complaint_acknowledgement SET status = 'sent', message_id = $2, sent_at = $3 WHERE complaint_id = $1`,
      [complaintId, messageId, deliveredAt],
    );
    await context.manager.query(
      `INSERT INTO notification.message (id, source_event_id, source_event_type, about_kind, about_id, channel, template, recipient_masked, status, sent_at)
       VALUES ($1, $2, $3, 'complaint', $4, 'email', $5, $6, 'delivered', $7)`,
      [messageId, row.received_event_id, row.received_event_type, complaintId, TEMPLATE, recipient, deliveredAt],
    );
    await context.emit(MessageDeliveredV1Event, {
      messageId,
      sourceEventId: row.received_event_id,
      sourceEventType: row.received_event_type ?? ComplaintReceivedV2Event.type,
      about: { kind: 'complaint', id: complaintId },
      channel: 'email',
      template: TEMPLATE,
      recipient,
      deliveredAt,
    });
  }
}
