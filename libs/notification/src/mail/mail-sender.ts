import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { CONFIG } from '@civicflow/config';
import { NotificationConfig } from '../notification.config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Lets a reply thread back to the complaint (used by the e-mail intake later). */
  messageId: string;
}

/** E-mail over SMTP. Behind this class so a provider's API can replace SMTP later. */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(CONFIG) private readonly config: NotificationConfig) {
    const options: SMTPPool.Options = { url: config.SMTP_URL, pool: true, maxConnections: config.SMTP_MAX_CONNECTIONS, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 };
    this.transport = createTransport(options);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      replyTo: this.config.MAIL_REPLY_TO,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
