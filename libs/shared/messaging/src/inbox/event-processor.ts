import { DataSource, EntityManager } from 'typeorm';
import { Static, TObject } from '@sinclair/typebox';
import { ceHeader, CloudEvent, deadLetterTopicName, EventDefinition, fromBinaryMessage, isEventType, validateEnvelope } from '@civicflow/contracts';
import { DeliveryControls, IncomingMessage, MessageBroker } from '../broker/broker.port';
import { OutboxPublisher } from '../outbox/outbox.publisher';

/** What a handler gets besides the event: the transaction its effects must join. */
export interface EventContext {
  readonly event: CloudEvent;
  readonly group: string;
  /** The inbox transaction: write effects through it, or they are not exactly-once. */
  readonly manager: EntityManager;
  /** Emits a follow-up event in the same transaction, caused by this one. */
  emit<S extends TObject>(definition: EventDefinition<S>, data: Static<S>): Promise<CloudEvent<Static<S>>>;
}

export type EventHandler = (event: CloudEvent, context: EventContext) => Promise<void>;

export type ProcessingOutcome = 'processed' | 'duplicate' | 'ignored' | 'retried' | 'dead_lettered';

export interface EventProcessorOptions {
  group: string;
  schema: string;
  dataSource: DataSource;
  outbox: OutboxPublisher;
  broker: MessageBroker;
  handlers: ReadonlyMap<string, EventHandler>;
  maxAttempts: number;
  retryBackoffMs: number;
  heartbeatIntervalMs: number;
  /** Runs the handler inside the event's correlation context (for logs). */
  withContext?: <T>(event: CloudEvent, work: () => Promise<T>) => Promise<T>;
  onOutcome?: (type: string, outcome: ProcessingOutcome) => void;
  onDeadLetter?: (topic: string) => void;
  log?: (level: 'warn' | 'error', message: string, fields: Record<string, unknown>) => void;
}

export const DEAD_LETTER_HEADERS = {
  reason: 'x-dlq-reason',
  error: 'x-dlq-error',
  group: 'x-dlq-group',
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  attempts: 'x-dlq-attempts',
  failedAt: 'x-dlq-failed-at',
} as const;

class PoisonMessage extends Error {}

/**
 * Consumes one group's messages: validates the envelope, skips what the inbox has seen,
 * runs the handler in the same transaction as the inbox row, retries a bounded number of
 * times, then dead-letters so the partition keeps flowing.
 */
export class EventProcessor {
  constructor(private readonly options: EventProcessorOptions) {}

  readonly handle = async (message: IncomingMessage, controls: DeliveryControls): Promise<void> => {
    // A group reads whole topics but handles a few types: skip the others of the catalogue
    // before parsing and validating them. Anything else goes the long way, to its dead letter.
    const announcedType = message.headers[ceHeader('type')];
    if (announcedType && isEventType(announcedType) && !this.options.handlers.has(announcedType)) {
      this.options.onOutcome?.(announcedType, 'ignored');
      return;
    }
    let event: CloudEvent;
    try {
      event = this.decode(message);
    } catch (error) {
      await this.deadLetter(message, 'invalid-event', error, 0);
      return;
    }
    const handler = this.options.handlers.get(event.type);
    if (!handler) {
      this.options.onOutcome?.(event.type, 'ignored');
      return;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const fresh = await this.withHeartbeat(controls, () => this.processOnce(event, handler));
        this.options.onOutcome?.(event.type, fresh ? 'processed' : 'duplicate');
        return;
      } catch (error) {
        if (attempt >= this.options.maxAttempts) {
          await this.deadLetter(message, 'handler-failed', error, attempt);
          return;
        }
        this.options.onOutcome?.(event.type, 'retried');
        const delay = this.options.retryBackoffMs * 2 ** (attempt - 1) * (0.75 + Math.random() / 2);
        await this.withHeartbeat(controls, () => new Promise((resolve) => setTimeout(resolve, delay)));
      }
    }
  };

  private decode(message: IncomingMessage): CloudEvent {
    const event = fromBinaryMessage({ key: message.key, value: message.value, headers: message.headers });
    const validation = validateEnvelope(event);
    if (!validation.valid) throw new PoisonMessage(validation.errors.join('; '));
    return event;
  }

  /** Returns false when the inbox already holds the event (a redelivery). */
  private async processOnce(event: CloudEvent, handler: EventHandler): Promise<boolean> {
    const { dataSource, schema, group, outbox } = this.options;
    const work = () =>
      dataSource.transaction(async (manager) => {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO "${schema}".inbox (consumer_group, event_source, event_id, event_type) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [group, event.source, event.id, event.type],
        );
        if (inserted.length === 0) return false;
        await handler(event, {
          event,
          group,
          manager,
          emit: (definition, data) => outbox.emit(manager, definition, data, { correlationId: event.correlationid, causationId: event.id }),
        });
        return true;
      });
    return this.options.withContext ? this.options.withContext(event, work) : work();
  }

  private async withHeartbeat<T>(controls: DeliveryControls, work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => void controls.heartbeat().catch(() => undefined), this.options.heartbeatIntervalMs);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  private async deadLetter(message: IncomingMessage, reason: string, error: unknown, attempts: number): Promise<void> {
    const topic = deadLetterTopicName(message.topic, this.options.group);
    const description = error instanceof Error ? error.message : String(error);
    this.options.log?.('error', 'message dead-lettered', {
      group: this.options.group,
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      reason,
      error: description,
      attempts,
    });
    // If the dead-letter write fails the offset stays uncommitted and the message comes back.
    await this.options.broker.publish([
      {
        topic,
        key: message.key ?? '',
        value: message.value?.toString('utf8') ?? '',
        headers: {
          ...message.headers,
          [DEAD_LETTER_HEADERS.reason]: reason,
          [DEAD_LETTER_HEADERS.error]: description.slice(0, 2000),
          [DEAD_LETTER_HEADERS.group]: this.options.group,
          [DEAD_LETTER_HEADERS.originalTopic]: message.topic,
          [DEAD_LETTER_HEADERS.originalPartition]: String(message.partition),
          [DEAD_LETTER_HEADERS.originalOffset]: message.offset,
          [DEAD_LETTER_HEADERS.attempts]: String(attempts),
          [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
        },
      },
    ]);
    this.options.onOutcome?.(message.headers['ce_type'] ?? 'unknown', 'dead_lettered');
    this.options.onDeadLetter?.(message.topic);
  }
}
