import type { DataSource } from 'typeorm';
import { buildExampleEvent, ComplaintReceivedV1Event, toBinaryMessage } from '@civicflow/contracts';
import type { IncomingMessage, MessageBroker } from '../broker/broker.port';
import { OutboxPublisher } from '../outbox/outbox.publisher';
import { EventProcessor, type ProcessingOutcome } from './event-processor';

function processorWithoutHandlers() {
  const outcomes: Array<[string, ProcessingOutcome]> = [];
  const published: string[] = [];
  const broker = { publish: async (messages: Array<{ topic: string }>) => void published.push(...messages.map((message) => message.topic)) } as unknown as MessageBroker;
  const processor = new EventProcessor({
    group: 'test.group',
    schema: 'test',
    // Never reached on the paths below: a database call would throw.
    dataSource: {} as DataSource,
    outbox: new OutboxPublisher('test', 'test'),
    broker,
    handlers: new Map(),
    maxAttempts: 1,
    retryBackoffMs: 1,
    heartbeatIntervalMs: 1_000,
    onOutcome: (type, outcome) => void outcomes.push([type, outcome]),
  });
  return { processor, outcomes, published };
}

const controls = { heartbeat: async () => undefined };

function incoming(headers: Record<string, string>, value: string): IncomingMessage {
  return { topic: 'complaints.complaint.v1', partition: 0, offset: '7', key: 'k', value: Buffer.from(value), headers };
}

describe('EventProcessor', () => {
  it('skips an event type of the catalogue that the group does not handle, without reading its body', async () => {
    const { processor, outcomes, published } = processorWithoutHandlers();
    const wire = toBinaryMessage(buildExampleEvent(ComplaintReceivedV1Event, 0));
    await processor.handle(incoming(wire.headers, 'not even JSON'), controls);
    expect(outcomes).toEqual([['complaints.complaint.received.v1', 'ignored']]);
    expect(published).toEqual([]);
  });

  it('still dead-letters a message whose type is not in the catalogue', async () => {
    const { processor, published } = processorWithoutHandlers();
    const wire = toBinaryMessage(buildExampleEvent(ComplaintReceivedV1Event, 0));
    await processor.handle(incoming({ ...wire.headers, ce_type: 'complaints.complaint.teleported.v1' }, wire.value), controls);
    expect(published).toEqual(['complaints.complaint.v1.dlq.test.group']);
  });
});
