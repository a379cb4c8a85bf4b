import { Injectable } from '@nestjs/common';
import { CloudEvent } from '@civicflow/contracts';
import { MessagingMetrics, ProcessingOutcome } from '@civicflow/messaging';
import { consumerLag, consumerMessagesTotal, deadLettersTotal, outboxBacklog, outboxPublishedTotal, RequestContext } from '@civicflow/observability';

/** Messaging's figures as Prometheus metrics, and each handled event's correlation id in the logs. */
@Injectable()
export class PrometheusMessagingMetrics implements MessagingMetrics {
  withEventContext<T>(event: CloudEvent, work: () => Promise<T>): Promise<T> {
    return RequestContext.run({ correlationId: event.correlationid, causationId: event.id }, work);
  }

  countMessage(group: string, type: string, outcome: ProcessingOutcome): void {
    consumerMessagesTotal.inc({ group, type, outcome });
  }

  countDeadLetter(group: string, topic: string): void {
    deadLettersTotal.inc({ group, topic });
  }

  countPublished(service: string, count: number): void {
    outboxPublishedTotal.inc({ service }, count);
  }

  setOutboxBacklog(service: string, count: number): void {
    outboxBacklog.set({ service }, count);
  }

  setConsumerLag(group: string, topic: string, partition: number, lag: number): void {
    consumerLag.set({ group, topic, partition: String(partition) }, lag);
  }
}
