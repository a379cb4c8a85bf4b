import { Inject, Injectable } from '@nestjs/common';
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
import { fitSms } from './sms-segments';

/**
 * SMS through an HTTP gateway: `POST SMS_GATEWAY_URL` with a bearer token and
 * `{ messageId, to, text, encoding, segments }`. The message id lets the gateway drop a
 * retry of a message it already took. Only the text part is sent; see sms-segments.ts for
 * how it is fitted into segments.
 */
@Injectable()
export class SmsChannel implements NotificationChannel {
  readonly kind = 'sms' as const;

  constructor(@Inject(CONFIG) private readonly config: DeliveryConfig) {}

  async send(message: ChannelMessage): Promise<ChannelReceipt> {
    if (!this.config.SMS_GATEWAY_URL) throw new PermanentChannelError('no SMS gateway is configured (SMS_GATEWAY_URL)');
    const sms = fitSms(message.text, this.config.SMS_MAX_SEGMENTS);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.config.SMS_GATEWAY_TOKEN) headers['authorization'] = `Bearer ${this.config.SMS_GATEWAY_TOKEN}`;
    const body = JSON.stringify({ messageId: message.deliveryId, to: message.address, text: sms.text, encoding: sms.encoding, segments: sms.segments });
    const response = await postWithTimeout('SMS gateway', this.config.SMS_GATEWAY_URL, { headers, body }, this.config.CHANNEL_TIMEOUT_MS);
    await response.body?.cancel();
    classifyHttpStatus('SMS gateway', response.status, response.statusText);
    return { acceptedAt: new Date(), detail: `${sms.segments} ${sms.encoding} segment(s)${sms.truncated ? ', truncated' : ''}` };
  }
}
