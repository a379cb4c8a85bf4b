import { Admin, Consumer, IHeaders, Kafka, KafkaMessage, logLevel as KafkaLogLevel, LogEntry, Partitioners, Producer } from 'kafkajs';
import { handleKeyedBatch } from './keyed-batch';
import { IncomingMessage, MessageBroker, OutgoingMessage, Subscription, SubscriptionOptions, TopicSpec } from './broker.port';

export interface KafkaBrokerOptions {
  brokers: string[];
  /** Used verbatim: no `-client`/`-server` suffix, so ACLs and dashboards match. */
  clientId: string;
  /** Prepended to every topic and group id (isolates environments sharing one cluster). */
  topicPrefix: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  heartbeatIntervalMs: number;
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
  /** -1 takes the broker's default.replication.factor. */
  replicationFactor?: number;
  /** Partitions of one group handled at once; order within a partition is always kept. */
  partitionsConsumedConcurrently?: number;
  /** Messages of different keys handled at once within one partition's batch; order per key is always kept. */
  keysHandledConcurrently?: number;
  log?: (level: 'error' | 'warn' | 'info' | 'debug', message: string, fields: Record<string, unknown>) => void;
}

const DEFAULT_KEYS_HANDLED_CONCURRENTLY = 8;

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
  [KafkaLogLevel.DEBUG]: 'debug',
};

export function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}

export class KafkaBroker implements MessageBroker {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private admin?: Promise<Admin>;
  private readonly consumers = new Set<Consumer>();

  constructor(private readonly options: KafkaBrokerOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: options.connectionTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      logLevel: KafkaLogLevel.WARN,
      logCreator:
        () =>
        ({ level, log }: LogEntry) => {
          const { message, ...fields } = log;
          options.log?.(LEVELS[level] ?? 'info', `kafka: ${message}`, fields);
        },
      // Short client retries: the outbox relay and the consumer loop own the long-term retrying.
      retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 5_000 },
    });
  }

  private physical(topic: string): string {
    return `${this.options.topicPrefix}${topic}`;
  }

  private canonical(topic: string): string {
    return topic.startsWith(this.options.topicPrefix) ? topic.slice(this.options.topicPrefix.length) : topic;
  }

  private getAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }

  private getProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        // Idempotence with one request in flight keeps per-partition order across retries.
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      this.producer = producer.connect().then(() => producer);
      this.producer.catch(() => (this.producer = undefined));
    }
    return this.producer;
  }

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    const admin = await this.getAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(this.physical(topic.name)));
    if (missing.length === 0) return;
    await admin.createTopics({
      // kafkajs waits for leaders but gives up on the UNKNOWN_TOPIC_OR_PARTITION that Kafka 4
      // answers for a moment after creation; waitUntilServed retries that.
      waitForLeaders: false,
      topics: missing.map((topic) => ({
        topic: this.physical(topic.name),
        numPartitions: topic.partitions,
        replicationFactor: this.options.replicationFactor ?? -1,
        configEntries: [{ name: 'retention.ms', value: String(topic.retentionMs) }],
      })),
    });
    await this.waitUntilServed(admin, missing.map((topic) => this.physical(topic.name)));
  }

  private async waitUntilServed(admin: Admin, topics: string[]): Promise<void> {
    const deadline = Date.now() + this.options.requestTimeoutMs;
    for (;;) {
      try {
        const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
        if (metadata.every((topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0))) return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} have no leader after ${this.options.requestTimeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const message of messages) byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
    const producer = await this.getProducer();
    try {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, batch]) => ({
          topic: this.physical(topic),
          messages: batch.map(({ key, value, headers }) => ({ key, value, headers })),
        })),
      });
    } catch (error) {
      // A producer that lost its broker can keep a stale idempotence epoch; start afresh next time.
      this.producer = undefined;
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async subscribe(options: SubscriptionOptions): Promise<Subscription> {
    const consumer = this.kafka.consumer({
      groupId: this.physical(options.groupId),
      sessionTimeout: this.options.sessionTimeoutMs,
      rebalanceTimeout: this.options.rebalanceTimeoutMs,
      heartbeatInterval: this.options.heartbeatIntervalMs,
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 300, retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 10_000 },
    });
    await consumer.connect();
    this.consumers.add(consumer);
    await consumer.subscribe({ topics: options.topics.map((topic) => this.physical(topic)), fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      autoCommitInterval: 1_000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 12,
      eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
        const { handledThrough, error } = await handleKeyedBatch(
          batch.messages.map((message) => this.toIncoming(batch.topic, batch.partition, message)),
          async (message) => {
            await options.handle(message, { heartbeat });
            await heartbeat();
          },
          { concurrency: this.options.keysHandledConcurrently ?? DEFAULT_KEYS_HANDLED_CONCURRENTLY, shouldContinue: () => isRunning() && !isStale() },
        );
        if (handledThrough !== undefined) {
          resolveOffset(handledThrough);
          await commitOffsetsIfNecessary({
            topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: (BigInt(handledThrough) + 1n).toString() }] }],
          });
        }
        // kafkajs then refetches from the first unhandled offset; the inbox makes the redelivery of the rest harmless.
        if (error !== undefined) throw error;
      },
    });
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async drain(groupId: string, topic: string, onMessage: (message: IncomingMessage) => Promise<void>): Promise<number> {
    const admin = await this.getAdmin();
    const physicalTopic = this.physical(topic);
    const ends = await admin.fetchTopicOffsets(physicalTopic);
    const committed = await admin.fetchOffsets({ groupId: this.physical(groupId), topics: [physicalTopic] });
    const position = new Map(committed[0]?.partitions.map((p) => [p.partition, BigInt(p.offset)]) ?? []);
    const remaining = new Map<number, bigint>();
    for (const end of ends) {
      const from = position.get(end.partition) ?? -1n;
      const start = from < 0n ? BigInt(end.low) : from;
      if (BigInt(end.high) > start) remaining.set(end.partition, BigInt(end.high));
    }
    if (remaining.size === 0) return 0;
    let count = 0;
    const consumer = this.kafka.consumer({ groupId: this.physical(groupId), allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [physicalTopic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer
          .run({
            autoCommit: true,
            eachMessage: async ({ partition, message }) => {
              const end = remaining.get(partition);
              if (end === undefined || BigInt(message.offset) >= end) return;
              await onMessage(this.toIncoming(physicalTopic, partition, message));
              count += 1;
              if (BigInt(message.offset) + 1n >= end) remaining.delete(partition);
              if (remaining.size === 0) resolve();
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return count;
  }

  async lag(groupId: string, topics: string[]): Promise<Array<{ topic: string; partition: number; lag: number }>> {
    const admin = await this.getAdmin();
    const result: Array<{ topic: string; partition: number; lag: number }> = [];
    const committed = await admin.fetchOffsets({ groupId: this.physical(groupId), topics: topics.map((t) => this.physical(t)) });
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      for (const end of ends) {
        const offset = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
        const from = BigInt(offset) < 0n ? BigInt(end.low) : BigInt(offset);
        result.push({ topic: this.canonical(topic), partition: end.partition, lag: Number(BigInt(end.high) - from) });
      }
    }
    return result;
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.disconnect().catch(() => undefined)));
    this.consumers.clear();
    const producer = this.producer;
    const admin = this.admin;
    this.producer = undefined;
    this.admin = undefined;
    await Promise.all([
      producer?.then((p) => p.disconnect()).catch(() => undefined),
      admin?.then((a) => a.disconnect()).catch(() => undefined),
    ]);
  }

  private toIncoming(physicalTopic: string, partition: number, message: KafkaMessage): IncomingMessage {
    return {
      topic: this.canonical(physicalTopic),
      partition,
      offset: message.offset,
      key: message.key ? message.key.toString() : null,
      value: message.value,
      headers: headersToStrings(message.headers),
    };
  }
}
