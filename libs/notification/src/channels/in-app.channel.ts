import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ChannelMessage, ChannelReceipt, NotificationChannel } from './notification-channel';

/** The user's inbox in the app. The delivery id is the inbox row's id, so a retry after a lost answer stores nothing twice. */
@Injectable()
export class InAppChannel implements NotificationChannel {
  readonly kind = 'in-app' as const;

  constructor(@InjectDataSource('notification') private readonly dataSource: DataSource) {}

  async send(message: ChannelMessage): Promise<ChannelReceipt> {
    await this.dataSource.query(
      `INSERT INTO notification.inbox_message (id, user_id, template, subject, body) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
      [message.deliveryId, message.address, message.template, message.subject, message.text],
    );
    return { acceptedAt: new Date() };
  }
}
