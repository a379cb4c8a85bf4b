import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { ChannelKind } from '../channels/notification-channel';
import { DEFAULT_CHANNEL_ORDER } from '../preferences/preference';
import { Preferences } from '../preferences/preferences';
import { quietHoursEnd } from '../preferences/quiet-hours';
import { type DeliveryRequest, type EnqueueResult, InvalidDeliveryRequestError, type RecipientContacts } from './delivery-request';
import { maskAddress } from './recipient-mask';

// The delivery events' schemas constrain these; refusing them here keeps a bad request from failing only at the outcome.
const EVENT_TYPE = /^[a-z]+\.[a-z-]+\.[a-z-]+\.v[0-9]+$/;
const TEMPLATE = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
const ABOUT_KIND = /^[a-z][a-z-]*$/;

const addressFor = (channel: ChannelKind, recipient: RecipientContacts): string | undefined =>
  ({ email: recipient.email, sms: recipient.phone, 'in-app': recipient.userId, webhook: recipient.webhookSubscriptionId })[channel]?.trim() || undefined;

/**
 * Turns a request into queued deliveries, in the caller's transaction (a consumer's, so the
 * deliveries exist if and only if the event was processed). The channel is the first one of
 * the recipient's preference that can reach them; a mandatory notice goes out on every
 * channel that can, opt-out or not. The unique key (event, recipient, channel, template)
 * makes a redelivered event queue nothing new.
 */
@Injectable()
export class DeliveryRequests {
  constructor(private readonly preferences: Preferences) {}

  async enqueue(manager: EntityManager, request: DeliveryRequest, now = new Date()): Promise<EnqueueResult> {
    assertValid(request);
    const preference = await this.preferences.of(request.recipient.key, manager, request.language);
    const reachable = (channel: ChannelKind) => addressFor(channel, request.recipient) !== undefined;
    let channels: ChannelKind[];
    if (request.mandatory) {
      channels = [...preference.channels, ...DEFAULT_CHANNEL_ORDER.filter((channel) => !preference.channels.includes(channel))].filter(reachable);
    } else {
      if (preference.channels.length === 0) return { deliveries: [], skipped: 'opted-out' };
      channels = preference.channels.filter(reachable).slice(0, 1);
    }
    if (channels.length === 0) return { deliveries: [], skipped: 'unreachable' };

    const deferredUntil = request.mandatory || request.urgent || !preference.quietHours ? undefined : quietHoursEnd(preference.quietHours, now);
    const nextAttemptAt = deferredUntil ?? now;
    const payload = { content: request.content, data: request.data ?? {} };
    const deliveries = [];
    for (const channel of channels) {
      const address = addressFor(channel, request.recipient) ?? '';
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO notification.delivery (id, source_event_id, source_event_type, about_kind, about_id, correlation_id, recipient_key, recipient_masked, address,
           channel, template, locale, payload, mandatory, urgent, next_attempt_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         ON CONFLICT (source_event_id, recipient_key, channel, template) DO NOTHING RETURNING id`,
        [
          uuidv7(),
          request.sourceEvent.id,
          request.sourceEvent.type,
          request.about.kind,
          request.about.id,
          request.correlationId,
          request.recipient.key,
          maskAddress(channel, address),
          address,
          channel,
          request.template,
          preference.language,
          JSON.stringify(payload),
          request.mandatory === true,
          request.urgent === true,
          nextAttemptAt,
          now,
        ],
      );
      if (inserted.length > 0) {
        deliveries.push({ id: inserted[0].id, channel, created: true, nextAttemptAt });
        continue;
      }
      const [existing]: Array<{ id: string; next_attempt_at: Date }> = await manager.query(
        `SELECT id, next_attempt_at FROM notification.delivery WHERE source_event_id = $1 AND recipient_key = $2 AND channel = $3 AND template = $4`,
        [request.sourceEvent.id, request.recipient.key, channel, request.template],
      );
      deliveries.push({ id: existing.id, channel, created: false, nextAttemptAt: existing.next_attempt_at });
    }
    return { deliveries };
  }
}

function assertValid(request: DeliveryRequest): void {
  const problems: string[] = [];
  if (!request.sourceEvent.id) problems.push('sourceEvent.id must not be empty');
  if (!EVENT_TYPE.test(request.sourceEvent.type)) problems.push('sourceEvent.type must be a CloudEvents type like complaints.complaint.received.v1');
  if (!ABOUT_KIND.test(request.about.kind)) problems.push('about.kind must be lower-case words joined by "-"');
  if (!request.about.id) problems.push('about.id must not be empty');
  if (!TEMPLATE.test(request.template)) problems.push('template must be lower-case words joined by "." or "-"');
  if (!request.recipient.key) problems.push('recipient.key must not be empty');
  for (const locale of ['zh-CN', 'en'] as const) {
    if (!request.content[locale]?.subject || !request.content[locale]?.text) problems.push(`content.${locale} needs a subject and a text`);
  }
  if (problems.length > 0) throw new InvalidDeliveryRequestError(problems.join('; '));
}
