import { KafkaBrokerOptions } from './broker/kafka.broker';

export interface MessagingOptions {
  transport: 'kafka' | 'in-process';
  kafka: Omit<KafkaBrokerOptions, 'log'>;
  consumer: { maxAttempts: number; retryBackoffMs: number; heartbeatIntervalMs: number };
  outbox: { batchSize: number; pollIntervalMs: number };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const MESSAGING_SERVICE_NAME = Symbol('MESSAGING_SERVICE_NAME');
