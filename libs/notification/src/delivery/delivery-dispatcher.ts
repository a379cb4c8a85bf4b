import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONFIG } from '@civicflow/config';
import { type MessageDeliveredV1, MessageDeliveredV1Event, MessageFailedV1Event } from '@civicflow/contracts';
import { OutboxPublisher } from '@civicflow/messaging';
import { CHANNEL_KINDS, type ChannelKind, type ChannelReceipt, NOTIFICATION_CHANNEL_ADAPTERS, type NotificationChannel, PermanentChannelError } from '../channels/notification-channel';
import type { Locale } from '../mail/mail-layout';
import type { DeliveryConfig } from '../notification.config';
import { composeMessage, type StoredPayload } from './delivery-message';
import { DELIVERY_OUTCOME_OBSERVERS, type DeliveryOutcomeObserver } from './delivery-outcome-observer';
import { retryDelayMs } from './retry-backoff';
import { TokenBucket } from './token-bucket';

const MAX_REASON_LENGTH = 1000;
/** How often the outcomes of a batch in flight are recorded: the most a crash can make go twice. */
const OUTCOME_FLUSH_MS = 25;

interface ClaimedDelivery {
  id: string;
  source_event_id: string;
  source_event_type: string;
  about_kind: string;
  about_id: string;
  correlation_id: string;
  recipient_masked: string;
  address: string;
  channel: ChannelKind;
  template: string;
  locale: Locale;
  payload: StoredPayload;
  mandatory: boolean;
  attempts: number;
}

/** TypeORM answers an UPDATE with [rows, count] on pg but with rows on PGlite; a SELECT over it is rows on both. */
const rowsOf = (update: string) => `WITH changed AS (${update}) SELECT * FROM changed`;

type Outcome = { kind: 'delivered'; receipt: ChannelReceipt } | { kind: 'retry'; reason: string; at: Date } | { kind: 'failed'; reason: string };

/**
 * Sends due deliveries. Rows are claimed in a short transaction (FOR UPDATE SKIP LOCKED, so
 * replicas share the work), sent with no transaction open, then the outcome and its event
 * are written together in one transaction through the outbox.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private readonly channels: Map<ChannelKind, NotificationChannel>;
  private readonly buckets: Map<ChannelKind, TokenBucket>;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    @InjectDataSource('notification') private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Inject(NOTIFICATION_CHANNEL_ADAPTERS) adapters: NotificationChannel[],
    @Inject(CONFIG) private readonly config: DeliveryConfig,
    @Inject(DELIVERY_OUTCOME_OBSERVERS) private readonly observers: DeliveryOutcomeObserver[],
  ) {
    this.channels = new Map(adapters.map((adapter) => [adapter.kind, adapter]));
    const rates: Record<ChannelKind, number> = {
      email: config.RATE_LIMIT_EMAIL_PER_SECOND,
      sms: config.RATE_LIMIT_SMS_PER_SECOND,
      webhook: config.RATE_LIMIT_WEBHOOK_PER_SECOND,
      'in-app': config.RATE_LIMIT_IN_APP_PER_SECOND,
    };
    this.buckets = new Map(CHANNEL_KINDS.map((kind) => [kind, new TokenBucket(rates[kind])]));
  }

  onApplicationBootstrap(): void {
    this.schedule(this.config.DELIVERY_POLL_INTERVAL_MS);
  }

  /** Before the data source closes: the batch in flight records its outcomes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Sends what is due on every channel, as far as the rate limits allow; returns how many were attempted. */
  async dispatchDue(now = new Date()): Promise<number> {
    const claimed = (await Promise.all(CHANNEL_KINDS.map((channel) => this.claim(channel, now)))).flat();
    if (claimed.length === 0) return 0;
    // Outcomes are recorded as they come, a few at a time, not once for the whole batch: should the
    // process die, only the messages sent in the last moments go again when the lease ends.
    let pending: Array<{ delivery: ClaimedDelivery; outcome: Outcome }> = [];
    let recording: Promise<void> = Promise.resolve();
    const flush = () => {
      const batch = pending;
      pending = [];
      // One recording at a time, in the order the outcomes came. If one fails, its rows stay
      // 'sending' and are taken over when their lease ends.
      recording = recording.then(() => (batch.length > 0 ? this.record(batch) : undefined)).catch((error: unknown) => {
        this.logger.error(`delivery outcomes not recorded: ${error instanceof Error ? error.message : String(error)}`);
      });
    };
    const flusher = setInterval(flush, OUTCOME_FLUSH_MS);
    try {
      // send() turns every channel error into an outcome, so each attempt runs to its end.
      await Promise.all(
        claimed.map(async (delivery) => {
          // Awaited before `pending` is read: a flush meanwhile replaces the array.
          const outcome = await this.send(delivery);
          pending.push({ delivery, outcome });
        }),
      );
    } finally {
      clearInterval(flusher);
      flush();
      await recording;
    }
    return claimed.length;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    let attempted = 0;
    const run = this.dispatchDue();
    this.running = run;
    try {
      attempted = await run;
    } catch (error) {
      this.logger.error(`deliveries not dispatched: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = undefined;
    }
    // A full batch means more may be waiting: go again at once.
    this.schedule(attempted > 0 ? 0 : this.config.DELIVERY_POLL_INTERVAL_MS);
  }

  private async claim(channel: ChannelKind, now: Date): Promise<ClaimedDelivery[]> {
    const bucket = this.buckets.get(channel);
    const limit = bucket ? Math.min(this.config.DELIVERY_BATCH_SIZE, bucket.available()) : 0;
    if (!bucket || limit === 0) return [];
    const rows: ClaimedDelivery[] = await this.dataSource.query(
      rowsOf(`UPDATE notification.delivery SET status = 'sending', attempts = attempts + 1, next_attempt_at = $3
       WHERE id IN (
         SELECT id FROM notification.delivery
         WHERE channel = $1 AND status IN ('queued', 'sending') AND next_attempt_at <= $2
         ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
       RETURNING id, source_event_id, source_event_type, about_kind, about_id, correlation_id, recipient_masked, address, channel, template, locale, payload, mandatory, attempts`),
      // A replica that dies mid-send leaves the row in `sending`; once the lease is over another retries it.
      [channel, now, new Date(now.getTime() + this.config.DELIVERY_CLAIM_LEASE_MS)],
    );
    bucket.take(rows.length);
    return rows;
  }

  /**
   * Records a batch's outcomes and their events in one transaction: one statement for all the
   * deliveries that went out (the common case), one per retry or failure.
   */
  private async record(attempts: ReadonlyArray<{ delivery: ClaimedDelivery; outcome: Outcome }>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const outcomeFields = (delivery: ClaimedDelivery) => ({
        messageId: delivery.id,
        sourceEventId: delivery.source_event_id,
        sourceEventType: delivery.source_event_type,
        about: { kind: delivery.about_kind, id: delivery.about_id },
        channel: delivery.channel,
        template: delivery.template,
        recipient: delivery.recipient_masked,
      });
      const metadataOf = (delivery: ClaimedDelivery) => ({ correlationId: delivery.correlation_id, causationId: delivery.source_event_id });

      const delivered = attempts.filter((attempt): attempt is { delivery: ClaimedDelivery; outcome: Extract<Outcome, { kind: 'delivered' }> } => attempt.outcome.kind === 'delivered');
      if (delivered.length > 0) {
        // The attempts guard keeps a replica whose lease ran out from overwriting a newer attempt's outcome.
        const updated: Array<{ id: string }> = await manager.query(
          rowsOf(`UPDATE notification.delivery AS d SET status = 'delivered', delivered_at = v.at, address = NULL, last_error = NULL
           FROM unnest($1::text[], $2::int[], $3::timestamptz[]) AS v(id, attempts, at)
           WHERE d.id = v.id AND d.status = 'sending' AND d.attempts = v.attempts RETURNING d.id`),
          [delivered.map(({ delivery }) => delivery.id), delivered.map(({ delivery }) => delivery.attempts), delivered.map(({ outcome }) => outcome.receipt.acceptedAt)],
        );
        const recorded = new Set(updated.map((row) => row.id));
        const outcomes = delivered.filter(({ delivery }) => recorded.has(delivery.id));
        // One statement; each event keeps its own correlation and causation ids.
        await this.outbox.emitAll(
          manager,
          outcomes.map(({ delivery, outcome }) => ({
            definition: MessageDeliveredV1Event,
            data: { ...outcomeFields(delivery), deliveredAt: outcome.receipt.acceptedAt.toISOString() } satisfies MessageDeliveredV1,
            metadata: metadataOf(delivery),
          })),
          metadataOf(outcomes[0]?.delivery ?? delivered[0].delivery),
        );
        const messages = outcomes.map(({ delivery, outcome }) => ({
          messageId: delivery.id,
          about: { kind: delivery.about_kind, id: delivery.about_id },
          channel: delivery.channel,
          recipientMasked: delivery.recipient_masked,
          deliveredAt: outcome.receipt.acceptedAt,
        }));
        for (const observer of this.observers) await observer.delivered(manager, messages);
      }

      const guard = `WHERE id = $1 AND status = 'sending' AND attempts = $2`;
      for (const { delivery, outcome } of attempts) {
        if (outcome.kind === 'retry') {
          await manager.query(`UPDATE notification.delivery SET status = 'queued', next_attempt_at = $3, last_error = $4 ${guard}`, [delivery.id, delivery.attempts, outcome.at, outcome.reason]);
        } else if (outcome.kind === 'failed') {
          const failedAt = new Date();
          const updated: unknown[] = await manager.query(rowsOf(`UPDATE notification.delivery SET status = 'failed', failed_at = $3, address = NULL, last_error = $4 ${guard} RETURNING id`), [
            delivery.id,
            delivery.attempts,
            failedAt,
            outcome.reason,
          ]);
          if (updated.length > 0) {
            await this.outbox.emit(manager, MessageFailedV1Event, { ...outcomeFields(delivery), reason: outcome.reason, failedAt: failedAt.toISOString(), attempts: delivery.attempts }, metadataOf(delivery));
          }
        }
      }
    });
  }

  private async send(delivery: ClaimedDelivery): Promise<Outcome> {
    const channel = this.channels.get(delivery.channel);
    try {
      if (!channel) throw new PermanentChannelError(`no adapter for the ${delivery.channel} channel`);
      return { kind: 'delivered', receipt: await channel.send(composeMessage(delivery)) };
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).replaceAll(delivery.address, delivery.recipient_masked).slice(0, MAX_REASON_LENGTH) || 'unknown error';
      if (error instanceof PermanentChannelError || delivery.attempts >= this.config.DELIVERY_MAX_ATTEMPTS) return { kind: 'failed', reason };
      this.logger.warn(`delivery ${delivery.id} (${delivery.channel}) attempt ${delivery.attempts} failed, will retry: ${reason}`);
      return { kind: 'retry', reason, at: new Date(Date.now() + retryDelayMs(delivery.attempts, this.config.DELIVERY_RETRY_BASE_MS, this.config.DELIVERY_RETRY_MAX_MS)) };
    }
  }
}
