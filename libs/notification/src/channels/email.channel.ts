import { Injectable } from '@nestjs/common';
import { MailSender } from '../mail/mail-sender';
import { plainTextToHtml } from './plain-text-html';
import { type ChannelMessage, type ChannelReceipt, type NotificationChannel, PermanentChannelError, RetryableChannelError } from './notification-channel';

/** E-mail through the service's SMTP sender, always with a plain-text and an HTML part. */
@Injectable()
export class EmailChannel implements NotificationChannel {
  readonly kind = 'email' as const;

  constructor(private readonly mail: MailSender) {}

  async send(message: ChannelMessage): Promise<ChannelReceipt> {
    const html = message.html ?? plainTextToHtml(message.text);
    try {
      await this.mail.send({ to: message.address, subject: message.subject, text: message.text, html, messageId: `<${message.deliveryId}@civicflow>` });
    } catch (error) {
      const responseCode = (error as { responseCode?: number }).responseCode;
      const reason = `SMTP: ${error instanceof Error ? error.message : String(error)}`.replace(message.address, '<recipient>');
      // 5xx replies are the server's final word on this message; 4xx and lost connections may pass later.
      if (responseCode !== undefined && responseCode >= 500) throw new PermanentChannelError(reason);
      throw new RetryableChannelError(reason);
    }
    return { acceptedAt: new Date() };
  }
}
