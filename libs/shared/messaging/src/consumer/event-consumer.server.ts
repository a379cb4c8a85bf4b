import { Inject, Injectable, Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { DEAD_LETTER_PARTITIONS, DEAD_LETTER_RETENTION_MS, deadLetterTopicName, findEventDefinition } from '@civicflow/contracts';
import { MESSAGE_BROKER, MessageBroker, Subscription } from '../broker/broker.port';
import { EventHandler, EventProcessor } from '../inbox/event-processor';
import { MESSAGING_OPTIONS, MessagingOptions } from '../messaging.options';
import { MessagingServiceRegistry } from '../service-registry';
import { MessagingMetrics, MESSAGING_METRICS } from '../messaging.metrics';
import { parseEventRoute } from './on-event.decorator';

/**
 * The @nestjs/microservices transport for CivicFlow events. Nest's own Kafka transport
 * hides suffixes in client and group ids, joins a group even to produce, and lets a
 * failing handler block its partition; this one consumes through our broker port with
 * one group per `@OnEvent` group name, an inbox, bounded retries and dead letters.
 */
@Injectable()
export class EventConsumerServer extends Server implements CustomTransportStrategy {
  private readonly subscriptions: Subscription[] = [];
  private readonly log = new Logger('EventConsumer');

  constructor(
    @Inject(MESSAGE_BROKER) private readonly broker: MessageBroker,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(MESSAGING_METRICS) private readonly metrics: MessagingMetrics,
    private readonly registry: MessagingServiceRegistry,
  ) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      for (const [group, handlers] of this.handlersByGroup()) {
        this.subscriptions.push(await this.subscribeGroup(group, handlers));
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    const subscriptions = this.subscriptions.splice(0);
    await Promise.all(subscriptions.map((subscription) => subscription.stop()));
  }

  on(): void {
    // Broker-level events are reported through logs and metrics, not Nest's status stream.
  }

  unwrap<T>(): T {
    return this.broker as T;
  }

  /** Groups that consume here, with the topics they read (for lag metrics). */
  groups(): Array<{ group: string; topics: string[] }> {
    return [...this.handlersByGroup()].map(([group, handlers]) => ({ group, topics: this.topicsOf(handlers) }));
  }

  private handlersByGroup(): Map<string, Map<string, EventHandler>> {
    const groups = new Map<string, Map<string, EventHandler>>();
    for (const [pattern, handler] of this.getHandlers()) {
      const route = parseEventRoute(pattern);
      if (!route) continue;
      if (!findEventDefinition(route.type)) throw new Error(`@OnEvent handler for unknown event type "${route.type}"`);
      const handlers = groups.get(route.group) ?? new Map<string, EventHandler>();
      handlers.set(route.type, this.adapt(handler));
      groups.set(route.group, handlers);
    }
    return groups;
  }

  private adapt(handler: MessageHandler): EventHandler {
    return async (event, context) => {
      const result = await handler(event, context);
      await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    };
  }

  private topicsOf(handlers: Map<string, EventHandler>): string[] {
    return [...new Set([...handlers.keys()].map((type) => findEventDefinition(type)!.topic))];
  }

  private async subscribeGroup(group: string, handlers: Map<string, EventHandler>): Promise<Subscription> {
    const service = this.registry.forGroup(group);
    const topics = this.topicsOf(handlers);
    await this.broker.ensureTopics(
      topics.map((topic) => ({ name: deadLetterTopicName(topic, group), partitions: DEAD_LETTER_PARTITIONS, retentionMs: DEAD_LETTER_RETENTION_MS })),
    );
    const processor = new EventProcessor({
      group,
      schema: service.schema,
      dataSource: service.dataSource,
      outbox: service.outbox,
      broker: this.broker,
      handlers,
      maxAttempts: this.options.consumer.maxAttempts,
      retryBackoffMs: this.options.consumer.retryBackoffMs,
      heartbeatIntervalMs: this.options.consumer.heartbeatIntervalMs,
      withContext: this.metrics.withEventContext,
      onOutcome: (type, outcome) => this.metrics.countMessage(group, type, outcome),
      onDeadLetter: (topic) => this.metrics.countDeadLetter(group, topic),
      log: (level, message, fields) => this.log[level === 'error' ? 'error' : 'warn']({ msg: message, ...fields }),
    });
    this.log.log(`consumer group ${group} reads ${topics.join(', ')}`);
    return this.broker.subscribe({ groupId: group, topics, handle: processor.handle });
  }
}
