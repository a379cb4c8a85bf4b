import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { CONFIG } from '@civicflow/config';
import { MessageDeliveredV1Event } from '@civicflow/contracts';
import { maskEmail } from '@civicflow/domain';
import type { EventContext } from '@civicflow/messaging';
import { MailSender } from '../mail/mail-sender';
import type { Locale } from '../mail/mail-layout';
import { NotificationConfig } from '../notification.config';
import { type ComplaintUpdate, renderComplaintUpdateMail } from './complaint-update-mail';

interface Contact {
  tracking_code: string;
  reporter_name: string | null;
  reporter_email: string | null;
  reporter_locale: Locale | null;
}

/** What the mailer needs of the triggering event: which complaint, and the event itself for idempotency. */
export interface ComplaintEventRef {
  id: string;
  type: string;
  data: { complaintId: string; trackingCode: string };
}

/**
 * Mails one update to a complaint's reporter, once per event: the message row (unique per
 * source event, channel and template) is claimed before sending, in the consumer's
 * transaction, so a redelivered event sends nothing. Anonymous reporters and those
 * reachable only by phone get no mail (SMS comes with the notification channels).
 */
@Injectable()
export class ReporterMailer {
  constructor(
    private readonly mail: MailSender,
    @Inject(CONFIG) private readonly config: NotificationConfig,
  ) {}

  async tell(context: Pick<EventContext, 'manager' | 'emit'>, event: ComplaintEventRef, update: ComplaintUpdate, template: string): Promise<boolean> {
    const { complaintId } = event.data;
    const [contact]: Contact[] = await context.manager.query(
      `SELECT tracking_code, reporter_name, reporter_email, reporter_locale FROM notification.complaint_acknowledgement WHERE complaint_id = $1`,
      [complaintId],
    );
    if (!contact?.reporter_email) return false;

    const messageId = uuidv7();
    const recipient = maskEmail(contact.reporter_email);
    const claimed: unknown[] = await context.manager.query(
      `INSERT INTO notification.message (id, source_event_id, source_event_type, about_kind, about_id, channel, template, recipient_masked, status)
       VALUES ($1, $2, $3, 'complaint', $4, 'email', $5, $6, 'sending') ON CONFLICT (source_event_id, channel, template) DO NOTHING RETURNING id`,
      [messageId, event.id, event.type, complaintId, template, recipient],
    );
    if (claimed.length === 0) return false;

    const trackingUrl = `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/api/v1/complaints/${contact.tracking_code}`;
    const content = renderComplaintUpdateMail({ locale: contact.reporter_locale ?? 'zh-CN', name: contact.reporter_name, trackingCode: contact.tracking_code, trackingUrl, update });
    // A failure rolls the claim back with the transaction; the event is retried, then dead-lettered.
    await this.mail.send({ to: contact.reporter_email, ...content, messageId: `<${messageId}@civicflow>` });
    const deliveredAt = new Date().toISOString();
    await context.manager.query(`UPDATE notification.message SET status = 'delivered', sent_at = $2 WHERE id = $1`, [messageId, deliveredAt]);
    await context.emit(MessageDeliveredV1Event, {
      messageId,
      sourceEventId: event.id,
      sourceEventType: event.type,
      about: { kind: 'complaint', id: complaintId },
      channel: 'email',
      template,
      recipient,
      deliveredAt,
    });
    return true;
  }
}
