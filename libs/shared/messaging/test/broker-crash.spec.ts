import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ComplaintReceivedV1Event } from '@civicflow/contracts';
import { KafkaBroker, Subscription } from '../src';
import { waitFor } from '@civicflow/testing';
import { kafkaOptionsForTest, PROBE_GROUP, ProbeService, provisionAllTopics } from './harness';

const run = promisify(execFile);
const KAFKA_SCRIPT = resolve(__dirname, '../../../../scripts/kafka.sh');

/**
 * This test kills its broker, so it runs one of its own on other ports rather than the
 * shared one the other suites use at the same time.
 */
describe('a broker killed with SIGKILL during publishing', () => {
  const env = {
    ...process.env,
    KAFKA_PORT: '19092',
    KAFKA_CONTROLLER_PORT: '19093',
    KAFKA_HOME_DIR: mkdtempSync(join(tmpdir(), 'cf-kafka-crash-')),
    KAFKA_HEAP_OPTS: '-Xms128m -Xmx384m',
  };
  const kafka = (command: string) => run('bash', [KAFKA_SCRIPT, command], { env, timeout: 180_000 });
  let probe: ProbeService;
  let broker: KafkaBroker;
  let subscription: Subscription | undefined;

  beforeAll(async () => {
    await kafka('start');
    probe = await ProbeService.start();
    broker = new KafkaBroker(kafkaOptionsForTest(19092));
    await provisionAllTopics(broker);
  }, 240_000);

  afterAll(async () => {
    await subscription?.stop().catch(() => undefined);
    await broker?.close();
    await probe?.stop();
    await kafka('stop').catch(() => undefined);
    rmSync(env.KAFKA_HOME_DIR, { recursive: true, force: true });
  }, 120_000);

  it('loses nothing and doubles nothing once it is back', async () => {
    subscription = await broker.subscribe({ groupId: PROBE_GROUP, topics: [ComplaintReceivedV1Event.topic], handle: probe.processor(broker).handle });
    const relay = probe.relay(broker);
    relay.start();

    const staged = await probe.stageEvents(60, 6);
    await waitFor(async () => ((await probe.effects()).length >= 30 ? true : undefined), { what: 'effects before the crash', timeoutMs: 60_000 });
    await kafka('kill9');
    // Writes go on while the broker is down; they wait in the outbox.
    staged.push(...(await probe.stageEvents(60, 6)));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await probe.unpublished()).toBeGreaterThan(0);
    await kafka('restart');

    const effects = await waitFor(
      async () => {
        const rows = await probe.effects();
        return rows.length >= staged.length ? rows : undefined;
      },
      { what: 'every effect after the restart', timeoutMs: 150_000, intervalMs: 250 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await relay.stop();

    const handled = (await probe.effects()).map((e) => e.event_id);
    expect(handled).toHaveLength(staged.length);
    expect(new Set(handled)).toEqual(new Set(staged.map((e) => e.id)));
    expect(effects.length).toBe(staged.length);
    expect(await probe.unpublished()).toBe(0);
  }, 300_000);
});
