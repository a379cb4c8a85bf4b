import { ComplaintReceivedV1Event, deadLetterTopicName, toBinaryMessage } from '@civicflow/contracts';
import { DEAD_LETTER_HEADERS, IncomingMessage, InProcessBroker, MessageBroker, replayDeadLetters, Subscription } from '../src';
import { waitFor } from '@civicflow/testing';
import { complaintData, newKafkaBroker, PROBE_GROUP, ProbeService, provisionAllTopics, recordEffect } from './harness';

const TOPIC = ComplaintReceivedV1Event.topic;
const DEAD_LETTERS = deadLetterTopicName(TOPIC, PROBE_GROUP);

describe.each([
  ['Kafka', () => newKafkaBroker()],
  ['the in-process transport', () => new InProcessBroker()],
])('delivery semantics over %s', (_transport, makeBroker: () => MessageBroker) => {
  let probe: ProbeService;
  let broker: MessageBroker;
  let subscription: Subscription | undefined;

  beforeEach(async () => {
    probe = await ProbeService.start();
    broker = makeBroker();
    await provisionAllTopics(broker);
    await broker.ensureTopics([{ name: DEAD_LETTERS, partitions: 1, retentionMs: 86_400_000 }]);
  });

  afterEach(async () => {
    await subscription?.stop();
    subscription = undefined;
    await broker.close();
    await probe.stop();
  });

  const consume = async (handler = recordEffect) => {
    subscription = await broker.subscribe({ groupId: PROBE_GROUP, topics: [TOPIC], handle: probe.processor(broker, handler).handle });
  };

  it('an event delivered twice has its effect once', async () => {
    await consume();
    const [event] = await probe.stageEvents(1);
    const message = { topic: TOPIC, ...toBinaryMessage(event) };
    await broker.publish([message]);
    await broker.publish([message]);

    await waitFor(() => (probe.outcomes.length === 2 ? true : undefined), { what: 'both deliveries' });
    expect(probe.outcomes.map((o) => o.outcome)).toEqual(['processed', 'duplicate']);
    expect(await probe.effects()).toHaveLength(1);
  });

  it('a poison message is dead-lettered and the messages behind it on its partition are still processed', async () => {
    let handlerFixed = false;
    await consume(async (event, context) => {
      if (!handlerFixed && String((event.data as { description: string }).description).includes('explode')) throw new Error('handler exploded');
      await recordEffect(event, context);
    });
    const [first, failing, last] = await probe.stageEvents(3, 1);
    const failingMessage = toBinaryMessage({ ...failing, data: { ...(failing.data as object), description: 'this will explode' } });
    const malformed = { ...toBinaryMessage(first), value: '{not json', headers: { ...toBinaryMessage(first).headers, ce_id: 'malformed-1' } };
    await broker.publish([
      { topic: TOPIC, ...toBinaryMessage(first) },
      { topic: TOPIC, ...malformed },
      { topic: TOPIC, ...failingMessage },
      { topic: TOPIC, ...toBinaryMessage(last) },
    ]);

    const effects = await waitFor(async () => {
      const rows = await probe.effects();
      return rows.length === 2 ? rows : undefined;
    }, { what: 'both healthy events handled' });
    expect(effects.map((e) => e.event_id)).toEqual([first.id, last.id]);

    const deadLetters: IncomingMessage[] = [];
    await waitFor(async () => {
      await broker.drain('probe.dlq-reader', DEAD_LETTERS, async (m) => void deadLetters.push(m));
      return deadLetters.length >= 2 ? true : undefined;
    }, { what: 'two dead letters' });
    expect(deadLetters.map((m) => m.headers[DEAD_LETTER_HEADERS.reason])).toEqual(['invalid-event', 'handler-failed']);
    expect(deadLetters[1].headers[DEAD_LETTER_HEADERS.error]).toBe('handler exploded');
    expect(deadLetters[1].headers[DEAD_LETTER_HEADERS.attempts]).toBe('3');
    expect(deadLetters[1].headers[DEAD_LETTER_HEADERS.originalTopic]).toBe(TOPIC);
    expect(deadLetters[1].headers['ce_id']).toBe(failing.id);

    handlerFixed = true;
    expect(await replayDeadLetters(broker, DEAD_LETTERS)).toBe(2);
    const afterReplay = await waitFor(async () => {
      const rows = await probe.effects();
      return rows.length === 3 ? rows : undefined;
    }, { what: 'the replayed event handled' });
    expect(afterReplay.map((e) => e.event_id)).toEqual([first.id, last.id, failing.id]);
  });

  it('a relay stopped with a backlog publishes every event once it is restarted, in order per key', async () => {
    await consume();
    const firstRelay = probe.relay(broker);
    firstRelay.start();
    const events = await probe.stageEvents(20, 4);
    await waitFor(async () => ((await probe.unpublished()) === 0 ? true : undefined), { what: 'the first events published' });
    await firstRelay.stop();
    events.push(...(await probe.stageEvents(100, 4)));
    expect(await probe.unpublished()).toBe(100);

    const secondRelay = probe.relay(broker);
    secondRelay.start();
    const effects = await waitFor(async () => {
      const rows = await probe.effects();
      return rows.length >= 120 ? rows : undefined;
    }, { what: 'every effect', timeoutMs: 30_000 });
    await secondRelay.stop();

    expect(new Set(effects.map((e) => e.event_id)).size).toBe(120);
    expect(effects).toHaveLength(120);
    for (const subject of new Set(events.map((e) => e.subject))) {
      const staged = events.filter((e) => e.subject === subject).map((e) => e.id);
      const handled = effects.filter((e) => e.subject === subject).map((e) => e.event_id);
      expect(handled).toEqual(staged);
    }
  });

  it('two relays on one outbox publish each event in order, one relaying at a time', async () => {
    await consume();
    const relays = [probe.relay(broker), probe.relay(broker)];
    relays.forEach((relay) => relay.start());
    const events = await probe.stageEvents(60, 3);
    const effects = await waitFor(async () => {
      const rows = await probe.effects();
      return rows.length >= 60 ? rows : undefined;
    }, { what: 'every effect', timeoutMs: 30_000 });
    await Promise.all(relays.map((relay) => relay.stop()));
    for (const subject of new Set(events.map((e) => e.subject))) {
      expect(effects.filter((e) => e.subject === subject).map((e) => e.event_id)).toEqual(events.filter((e) => e.subject === subject).map((e) => e.id));
    }
  });

  it('a consumer shut down mid-stream finishes what it holds, and its successor handles the rest once', async () => {
    const slowEffect: typeof recordEffect = async (event, context) => {
      await new Promise((resolve) => setTimeout(resolve, 15));
      await recordEffect(event, context);
    };
    await consume(slowEffect);
    const relay = probe.relay(broker);
    relay.start();
    await probe.stageEvents(80, 8);
    await waitFor(async () => ((await probe.effects()).length >= 20 ? true : undefined), { what: 'some effects' });
    if (broker.kind === 'in-process') {
      // In-process, publish waits for delivery; stopping the relay first mirrors the app's shutdown order.
      await relay.stop();
    }
    await subscription!.stop();
    subscription = undefined;
    const afterStop = (await probe.effects()).length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await probe.effects()).length).toBe(afterStop);

    await consume(slowEffect);
    if (broker.kind === 'in-process') relay.start();
    const effects = await waitFor(async () => {
      const rows = await probe.effects();
      return rows.length >= 80 ? rows : undefined;
    }, { what: 'the rest', timeoutMs: 40_000 });
    await relay.stop();
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(80);
    expect(effects).toHaveLength(80);
  });

  it('refuses to publish to a topic that was never provisioned', async () => {
    await expect(broker.publish([{ topic: 'nobody.nothing.v1', key: 'k', value: '{}', headers: {} }])).rejects.toThrow();
  });
});

describe('complaint data used by these tests', () => {
  it('is a valid complaint received event', () => {
    expect(complaintData('0190a0c0-0000-7000-8000-000000000000', 1).description).toMatch(/#1$/);
  });
});
