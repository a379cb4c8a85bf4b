import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  ModuleMetadata,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
  Provider,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@civicflow/contracts';
import { schemaNameFor } from '@civicflow/persistence';
import { MESSAGE_BROKER, MessageBroker } from './broker/broker.port';
import { InProcessBroker } from './broker/in-process.broker';
import { KafkaBroker } from './broker/kafka.broker';
import { EventConsumerServer } from './consumer/event-consumer.server';
import { MESSAGING_METRICS, MessagingMetrics, NO_MESSAGING_METRICS } from './messaging.metrics';
import { MESSAGING_OPTIONS, MESSAGING_SERVICE_NAME, MessagingOptions } from './messaging.options';
import { OutboxPublisher } from './outbox/outbox.publisher';
import { OutboxRelay } from './outbox/outbox.relay';
import { MessagingServiceRegistry } from './service-registry';

export function createBroker(options: MessagingOptions): MessageBroker {
  if (options.transport === 'in-process') return new InProcessBroker();
  const logger = new Logger('Kafka');
  return new KafkaBroker({
    ...options.kafka,
    log: (level, message, fields) => (level === 'error' ? logger.error({ msg: message, ...fields }) : level === 'warn' ? logger.warn({ msg: message, ...fields }) : logger.debug?.({ msg: message, ...fields })),
  });
}

@Injectable()
class BrokerLifecycle implements OnModuleInit, OnApplicationShutdown {
  private lagTimer?: NodeJS.Timeout;

  constructor(
    @Inject(MESSAGE_BROKER) private readonly broker: MessageBroker,
    @Inject(MESSAGING_METRICS) private readonly metrics: MessagingMetrics,
    private readonly consumers: EventConsumerServer,
  ) {}

  /** Topics come from the registry in contracts; brokers run with auto-creation off. */
  async onModuleInit(): Promise<void> {
    await this.broker.ensureTopics(TOPICS.map((topic) => ({ name: topic.name, partitions: topic.partitions, retentionMs: topic.retentionMs })));
    this.lagTimer = setInterval(() => void this.reportLag().catch(() => undefined), 15_000);
    this.lagTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.lagTimer);
    await this.broker.close();
  }

  private async reportLag(): Promise<void> {
    for (const { group, topics } of this.consumers.groups()) {
      for (const { topic, partition, lag } of await this.broker.lag(group, topics)) this.metrics.setConsumerLag(group, topic, partition, lag);
    }
  }
}

export interface MessagingModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: never[] | Array<string | symbol | (abstract new (...args: never[]) => unknown)>;
  useFactory: (...args: never[]) => MessagingOptions | Promise<MessagingOptions>;
  metrics?: Provider;
}

/** Registers one hosted service's outbox and runs its relay for the life of the app. */
class ServiceMessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly service: string,
    private readonly registry: MessagingServiceRegistry,
    private readonly outbox: OutboxPublisher,
    private readonly relay: OutboxRelay,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({ service: this.service, schema: schemaNameFor(this.service), dataSource: this.dataSource, outbox: this.outbox, relay: this.relay });
    // Wake the relay when any transaction commits, so an event leaves within milliseconds.
    this.dataSource.subscribers.push({ afterTransactionCommit: () => this.relay.nudge() });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

const SERVICE_MESSAGING_LIFECYCLE = Symbol('SERVICE_MESSAGING_LIFECYCLE');

@Global()
@Module({})
export class MessagingModule {
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: options.imports ?? [],
      providers: [
        { provide: MESSAGING_OPTIONS, useFactory: options.useFactory, inject: (options.inject ?? []) as never[] },
        { provide: MESSAGE_BROKER, useFactory: createBroker, inject: [MESSAGING_OPTIONS] },
        options.metrics ?? { provide: MESSAGING_METRICS, useValue: NO_MESSAGING_METRICS },
        MessagingServiceRegistry,
        EventConsumerServer,
        BrokerLifecycle,
      ],
      exports: [MESSAGING_OPTIONS, MESSAGE_BROKER, MESSAGING_METRICS, MessagingServiceRegistry, EventConsumerServer],
    };
  }

  /**
   * The outbox of one service, on the data source TypeORM registered under the service's
   * name. Import it in the service's module; inject OutboxPublisher to emit events.
   */
  static forService(service: string): DynamicModule {
    const schema = schemaNameFor(service);
    return {
      module: ServiceMessagingModule,
      providers: [
        // A distinct value per service also keeps Nest from merging two forService() modules.
        { provide: MESSAGING_SERVICE_NAME, useValue: service },
        { provide: OutboxPublisher, useFactory: () => new OutboxPublisher(service, schema) },
        {
          provide: OutboxRelay,
          inject: [getDataSourceToken(service), MESSAGE_BROKER, MESSAGING_OPTIONS, MESSAGING_METRICS],
          useFactory: (dataSource: DataSource, broker: MessageBroker, options: MessagingOptions, metrics: MessagingMetrics) => {
            const logger = new Logger(`OutboxRelay:${service}`);
            return new OutboxRelay(dataSource, broker, {
              service,
              schema,
              batchSize: options.outbox.batchSize,
              pollIntervalMs: options.outbox.pollIntervalMs,
              log: (level, message, fields) => (level === 'warn' ? logger.warn({ msg: message, ...fields }) : logger.log({ msg: message, ...fields })),
              onPublished: (count) => metrics.countPublished(service, count),
              onBacklog: (count) => metrics.setOutboxBacklog(service, count),
            });
          },
        },
        {
          provide: SERVICE_MESSAGING_LIFECYCLE,
          inject: [MessagingServiceRegistry, OutboxPublisher, OutboxRelay, getDataSourceToken(service)],
          useFactory: (registry: MessagingServiceRegistry, outbox: OutboxPublisher, relay: OutboxRelay, dataSource: DataSource) =>
            new ServiceMessagingLifecycle(service, registry, outbox, relay, dataSource),
        },
      ],
      exports: [OutboxPublisher, OutboxRelay],
    };
  }
}

@Module({})
class ServiceMessagingModule {}
