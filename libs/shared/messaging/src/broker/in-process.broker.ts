import { IncomingMessage, MessageBroker, OutgoingMessage, Subscription, SubscriptionOptions, TopicSpec } from './broker.port';

interface StoredMessage extends IncomingMessage {
  value: Buffer;
}

/** Keeps the newest messages only (like retention.ms), so a long-running process stays small. */
class PartitionLog {
  private base = 0;
  private messages: StoredMessage[] = [];

  constructor(private readonly capacity = 10_000) {}

  get end(): number {
    return this.base + this.messages.length;
  }

  get start(): number {
    return this.base;
  }

  append(build: (offset: number) => StoredMessage): StoredMessage {
    const message = build(this.end);
    this.messages.push(message);
    if (this.messages.length > this.capacity) {
      const dropped = this.messages.length - this.capacity / 2;
      this.messages = this.messages.slice(dropped);
      this.base += dropped;
    }
    return message;
  }

  at(offset: number): StoredMessage | undefined {
    return this.messages[offset - this.base];
  }
}

interface GroupState {
  options: SubscriptionOptions;
  /** One promise chain per topic-partition: messages of one key are handled in order. */
  queues: Map<string, Promise<void>>;
  committed: Map<string, bigint>;
  stopped: boolean;
}

/** Java-compatible enough for us: a stable hash of the key picks the partition. */
function partitionFor(key: string, partitions: number): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (Math.imul(31, hash) + key.charCodeAt(i)) | 0;
  return Math.abs(hash) % partitions;
}

/**
 * The embedded default's broker: one process, no network. It keeps Kafka's semantics that
 * the services rely on — topics must exist, order per key, at-least-once to each group —
 * and `publish` resolves only once every subscribed group has handled (or dead-lettered)
 * the messages, so the outbox row stays unpublished until its effects are durable.
 */
export class InProcessBroker implements MessageBroker {
  readonly kind = 'in-process' as const;
  private readonly topics = new Map<string, { partitions: number; log: PartitionLog[] }>();
  private readonly groups = new Map<string, GroupState>();
  private readonly drained = new Map<string, Map<number, number>>();

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    for (const topic of topics) {
      if (!this.topics.has(topic.name)) {
        this.topics.set(topic.name, { partitions: topic.partitions, log: Array.from({ length: topic.partitions }, () => new PartitionLog()) });
      }
    }
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    const deliveries: Promise<void>[] = [];
    for (const message of messages) {
      const topic = this.topics.get(message.topic);
      if (!topic) throw new Error(`topic "${message.topic}" does not exist (topics are provisioned, never auto-created)`);
      const partition = partitionFor(message.key, topic.partitions);
      const stored = topic.log[partition].append((offset) => ({
        topic: message.topic,
        partition,
        offset: String(offset),
        key: message.key,
        value: Buffer.from(message.value),
        headers: { ...message.headers },
      }));
      for (const group of this.groups.values()) {
        if (!group.stopped && group.options.topics.includes(message.topic)) deliveries.push(this.deliver(group, stored));
      }
    }
    await Promise.all(deliveries);
  }

  private deliver(group: GroupState, message: StoredMessage): Promise<void> {
    const queueKey = `${message.topic}:${message.partition}`;
    const delivered = (group.queues.get(queueKey) ?? Promise.resolve()).then(async () => {
      await group.options.handle(message, { heartbeat: async () => undefined });
      group.committed.set(queueKey, BigInt(message.offset) + 1n);
    });
    // The chain must survive a failed delivery; the publisher sees the failure and retries.
    group.queues.set(
      queueKey,
      delivered.catch(() => undefined),
    );
    return delivered;
  }

  async subscribe(options: SubscriptionOptions): Promise<Subscription> {
    for (const topic of options.topics) {
      if (!this.topics.has(topic)) throw new Error(`cannot subscribe to "${topic}": it does not exist`);
    }
    if (this.groups.has(options.groupId)) throw new Error(`group "${options.groupId}" is already subscribed in this process`);
    const group: GroupState = { options, queues: new Map(), committed: new Map(), stopped: false };
    this.groups.set(options.groupId, group);
    return {
      stop: async () => {
        group.stopped = true;
        await Promise.all(group.queues.values());
        this.groups.delete(options.groupId);
      },
    };
  }

  async drain(groupId: string, topicName: string, onMessage: (message: IncomingMessage) => Promise<void>): Promise<number> {
    const topic = this.topics.get(topicName);
    if (!topic) return 0;
    const positions = this.drained.get(`${groupId}|${topicName}`) ?? new Map<number, number>();
    this.drained.set(`${groupId}|${topicName}`, positions);
    let count = 0;
    for (const [partition, log] of topic.log.entries()) {
      const end = log.end;
      for (let offset = Math.max(positions.get(partition) ?? 0, log.start); offset < end; offset++) {
        const message = log.at(offset);
        if (message) await onMessage(message);
        positions.set(partition, offset + 1);
        count += 1;
      }
    }
    return count;
  }

  async lag(groupId: string, topics: string[]): Promise<Array<{ topic: string; partition: number; lag: number }>> {
    const group = this.groups.get(groupId);
    return topics.flatMap((name) =>
      (this.topics.get(name)?.log ?? []).map((log, partition) => ({
        topic: name,
        partition,
        lag: log.end - Math.max(log.start, Number(group?.committed.get(`${name}:${partition}`) ?? 0n)),
      })),
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.groups.values()].map((group) => Promise.all(group.queues.values())));
    this.groups.clear();
  }
}
