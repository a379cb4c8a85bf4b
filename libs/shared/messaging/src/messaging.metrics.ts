import { CloudEvent } from '@civicflow/contracts';
import type { ProcessingOutcome } from './inbox/event-processor';

/** What messaging reports to observability; kept as a port so messaging has no metric names. */
export interface MessagingMetrics {
  withEventContext<T>(event: CloudEvent, work: () => Promise<T>): Promise<T>;
  countMessage(group: string, type: string, outcome: ProcessingOutcome): void;
  countDeadLetter(group: string, topic: string): void;
  countPublished(service: string, count: number): void;
  setOutboxBacklog(service: string, count: number): void;
  setConsumerLag(group: string, topic: string, partition: number, lag: number): void;
}

export const MESSAGING_METRICS = Symbol('MESSAGING_METRICS');

export const NO_MESSAGING_METRICS: MessagingMetrics = {
  withEventContext: (_event, work) => work(),
  countMessage: () => undefined,
  countDeadLetter: () => undefined,
  countPublished: () => undefined,
  setOutboxBacklog: () => undefined,
  setConsumerLag: () => undefined,
};
