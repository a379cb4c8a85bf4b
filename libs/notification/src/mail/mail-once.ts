import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { MessageDeliveredV1Event } from '@civicflow/contracts';
import { maskEmail } from '@civicflow/domain';
import type { EventContext } from '@civicflow/messaging';
import type { RenderedMail } from './mail-layout';
import { MailSender } from './mail-sender';

export interface OnceMail {
  /** The event that caused the mail: with channel, template and subject, the key that makes it once. */
  source: { id: string; type: string };
  about: { kind: string; id: string };
  to: string;
  template: string;
  render: () => RenderedMail;
}

/**
 * Sends one mail at most once per source event, subject, channel and template. The message
 * row is claimed before sending, in the caller's transaction: a redelivered event finds it
 * and sends nothing; a failed send rolls the claim back so that the retry sends.
 */
@Injectable()
export class MailOnce {
  constructor(private readonly mail: MailSender) {}

  /** Returns the message id when this call sent the mail, undefined when it had been sent already. */
  async send(context: Pick<EventContext, 'manager' | 'emit'>, mail: OnceMail): Promise<string | undefined> {
    const messageId = uuidv7();
    const recipient = maskEmail(mail.to);
    const claimed: unknown[] = await context.manager.query(
      `INSERT INTO notification.message (id, source_event_id, source_event_type, about_kind, about_id, channel, template, recipient_masked, status)
       VALUES ($1, $2, $3, $4, $5, 'email', $6, $7, 'sending') ON CONFLICT (source_event_id, channel, template, about_id) DO NOTHING RETURNING id`,
      [messageId, mail.source.id, mail.source.type, mail.about.kind, mail.about.id, mail.template, recipient],
    );
    if (claimed.length === 0) return undefined;

    await this.mail.send({ to: mail.to, ...mail.render(), messageId: `<${messageId}@civicflow>` });
    const deliveredAt = new Date().toISOString();
    await context.manager.query(`UPDATE notification.message SET status = 'delivered', sent_at = $2 WHERE id = $1`, [messageId, deliveredAt]);
    await context.emit(MessageDeliveredV1Event, {
      messageId,
      sourceEventId: mail.source.id,
      sourceEventType: mail.source.type,
      about: mail.about,
      channel: 'email',
      template: mail.template,
      recipient,
      deliveredAt,
    });
    return messageId;
  }
}
