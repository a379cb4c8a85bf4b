/**
 * The port every service talks to instead of a Kafka client. Two adapters implement it:
 * Kafka (kafkajs) for deployments and an in-process log for the embedded default, so that
 * kafkajs can be replaced without touching a service (STYLE.md: kafkajs is unmaintained).
 * Topic and group names here are the canonical ones from the contracts; an adapter may map
 * them to physical names (a configured prefix) and back.
 */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export interface TopicSpec {
  name: string;
  partitions: number;
  retentionMs: number;
}

export interface DeliveryControls {
  /** Tells the broker the consumer is alive while a slow handler runs. */
  heartbeat(): Promise<void>;
}

export interface SubscriptionOptions {
  groupId: string;
  topics: string[];
  /**
   * Called once per message, serially within a partition. The offset is committed only
   * after the returned promise resolves; a rejection leaves it uncommitted for redelivery.
   */
  handle(message: IncomingMessage, controls: DeliveryControls): Promise<void>;
}

export interface Subscription {
  /** Stops fetching, lets in-flight messages finish, commits, then leaves the group. */
  stop(): Promise<void>;
}

export interface MessageBroker {
  readonly kind: 'kafka' | 'in-process';
  /** Creates missing topics; the broker never creates topics on its own. */
  ensureTopics(topics: TopicSpec[]): Promise<void>;
  /** Publishes in the given order, waiting for every in-sync replica to acknowledge. */
  publish(messages: OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscriptionOptions): Promise<Subscription>;
  /**
   * Reads `topic` from the group's committed position up to the end it has now, then stops
   * (dead-letter replay: each run takes only what arrived since the last one).
   */
  drain(groupId: string, topic: string, onMessage: (message: IncomingMessage) => Promise<void>): Promise<number>;
  /** Messages not yet consumed by the group, per topic (lag), for metrics. */
  lag(groupId: string, topics: string[]): Promise<Array<{ topic: string; partition: number; lag: number }>>;
  close(): Promise<void>;
}

export const MESSAGE_BROKER = Symbol('MESSAGE_BROKER');
