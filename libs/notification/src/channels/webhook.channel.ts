import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONFIG } from '@civicflow/config';
import type { DeliveryConfig } from '../notification.config';
import {
  type ChannelMessage,
  type ChannelReceipt,
  classifyHttpStatus,
  type NotificationChannel,
  PermanentChannelError,
  postWithTimeout,
} from './notification-channel';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook } from './webhook-signature';

interface Subscription {
  url: string;
  secret: string;
  active: boolean;
}

/**
 * Webhooks to other departments' systems. The address is a subscription id; the
 * subscription holds the URL and the secret the body is signed with. The delivery id goes
 * in `X-CivicFlow-Delivery` and stays the same across retries, so a receiver that has seen
 * it answers 2xx and does nothing.
 */
@Injectable()
export class WebhookChannel implements NotificationChannel {
  readonly kind = 'webhook' as const;

  constructor(
    @InjectDataSource('notification') private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: DeliveryConfig,
  ) {}

  async send(message: ChannelMessage): Promise<ChannelReceipt> {
    const [subscription]: Subscription[] = await this.dataSource.query(`SELECT url, secret, active FROM notification.webhook_subscription WHERE id = $1`, [message.address]);
    if (!subscription?.active) throw new PermanentChannelError(`webhook subscription ${message.address} does not exist or is disabled`);
    const body = JSON.stringify({ id: message.deliveryId, template: message.template, subject: message.subject, text: message.text, data: message.data });
    const headers = {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signWebhook(subscription.secret, body),
      [DELIVERY_HEADER]: message.deliveryId,
    };
    const response = await postWithTimeout('webhook receiver', subscription.url, { headers, body }, this.config.CHANNEL_TIMEOUT_MS);
    await response.body?.cancel();
    classifyHttpStatus('webhook receiver', response.status, response.statusText);
    return { acceptedAt: new Date() };
  }
}
