import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Every metric of this process, served at GET /metrics. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpServerRequestDuration = new Histogram({
  name: 'http_server_request_duration_seconds',
  help: 'Duration of HTTP requests, by route pattern.',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const outboxBacklog = new Gauge({
  name: 'outbox_backlog',
  help: 'Outbox rows waiting to be published.',
  labelNames: ['service'] as const,
  registers: [metricsRegistry],
});

export const outboxPublishedTotal = new Counter({
  name: 'outbox_published_total',
  help: 'Outbox rows published to the transport.',
  labelNames: ['service'] as const,
  registers: [metricsRegistry],
});

export const consumerLag = new Gauge({
  name: 'consumer_lag',
  help: 'Messages between the committed offset and the end of the partition.',
  labelNames: ['group', 'topic', 'partition'] as const,
  registers: [metricsRegistry],
});

export type ConsumerOutcome = 'processed' | 'duplicate' | 'retried' | 'dead_lettered';

export const consumerMessagesTotal = new Counter({
  name: 'consumer_messages_total',
  help: 'Messages handled by consumers, by outcome (processed, duplicate, retried, dead_lettered).',
  labelNames: ['group', 'type', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const deadLettersTotal = new Counter({
  name: 'dead_letters_total',
  help: 'Messages moved to a dead-letter topic after their retries ran out.',
  labelNames: ['group', 'topic'] as const,
  registers: [metricsRegistry],
});
