import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { SMTPServer } from 'smtp-server';
import { v7 as uuidv7 } from 'uuid';
import { buildExampleEvent, type CloudEvent, type EnforcementDocumentServiceRequestedV1, EnforcementDocumentServiceRequestedV1Event, toBinaryMessage } from '@civicflow/contracts';
import { createTestDatabase, waitFor } from '@civicflow/testing';

/**
 * E-mails sent per second by one notification host to a local SMTP sink, over a real Kafka
 * (scripts/kafka.sh start), with the host forced to restart mid-run. Target: >= 200 e-mails/s
 * sustained, every e-mail received, none twice.
 *
 * Each event asks for one e-mail to an address of its own, so the sink can count duplicates by
 * recipient: what a person would see. BENCH_RESTART=kill (default) kills the host with SIGKILL,
 * as a crash would; BENCH_RESTART=term stops it as a rolling restart does; none measures capacity
 * alone. BENCH_PROFILE_DIR=<dir> writes a CPU profile of each host run there. The load keeps coming
 * while it is down. A crash is the hard case: a message the SMTP server took in the instant
 * before the crash, whose outcome was not yet recorded, is sent again after the claim lease
 * (DELIVERY_CLAIM_LEASE_MS, set short here), with the same Message-ID; the figure shows how often.
 */
const RATE = Number(process.env.BENCH_RATE ?? 250);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const RESTART_MODE = process.env.BENCH_RESTART ?? 'kill';
const RESTART_SIGNALS: Readonly<Record<string, NodeJS.Signals | null>> = { kill: 'SIGKILL', term: 'SIGTERM', none: null };
if (!(RESTART_MODE in RESTART_SIGNALS)) throw new Error(`BENCH_RESTART must be kill, term or none, not ${RESTART_MODE}`);
const RESTART = RESTART_SIGNALS[RESTART_MODE];
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const LEASE_MS = 5_000;
const PORT = 3815;

let starts = 0;
function startHost(env: NodeJS.ProcessEnv): ChildProcess {
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=notification-${++starts}.cpuprofile`] : [];
  return spawn(process.execPath, [...profile, '-r', '@swc-node/register', 'apps/notification/src/main.ts'], {
    env: { ...env, PORT: String(PORT), SWC_NODE_PROJECT: 'tsconfig.base.json' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function ready(): Promise<void> {
  await waitFor(async () => ((await fetch(`http://127.0.0.1:${PORT}/health/ready`).catch(() => undefined))?.status === 200 ? true : undefined), {
    timeoutMs: 90_000,
    intervalMs: 100,
    what: 'the notification host to be ready',
  });
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

function serviceRequest(index: number, template: CloudEvent<EnforcementDocumentServiceRequestedV1>): CloudEvent<EnforcementDocumentServiceRequestedV1> {
  const serviceId = uuidv7();
  const caseId = uuidv7();
  return {
    ...template,
    id: uuidv7(),
    subject: caseId,
    correlationid: serviceId,
    data: {
      ...template.data,
      serviceId,
      caseId,
      partyId: uuidv7(),
      recipient: { name: `Bench ${index}`, email: `party${index}@bench.example.org`, locale: 'zh-CN' },
    },
  };
}

/**
 * The local SMTP sink: it takes every message and notes when and for whom (the envelope), without
 * parsing or storing it, so that the harness spends as little as it can of the CPU it measures.
 */
class CountingSink {
  readonly arrivals: Array<{ at: number; to: string; messageId: string }> = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const at = Date.now();
        const messageId = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '';
        for (const recipient of session.envelope.rcptTo) this.arrivals.push({ at, to: recipient.address, messageId });
        callback();
      });
    },
  });

  get received(): number {
    return this.arrivals.length;
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.server.address() as { port: number }).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function main(): Promise<void> {
  const total = RATE * SECONDS;
  const database = await createTestDatabase('bench_email');
  const sink = new CountingSink();
  const sinkPort = await sink.start();
  const prefix = `bench${randomBytes(3).toString('hex')}.`;
  const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'error',
    DATABASE_URL: database.url,
    MESSAGING_TRANSPORT: 'kafka',
    KAFKA_BROKERS: brokers,
    KAFKA_TOPIC_PREFIX: prefix,
    SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
    RATE_LIMIT_EMAIL_PER_SECOND: '2000',
    DELIVERY_CLAIM_LEASE_MS: String(LEASE_MS),
  };
  const kafka = new Kafka({ clientId: 'civicflow-bench-email', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  let host = startHost(env);
  try {
    await ready();
    await producer.connect();
    const template = buildExampleEvent(EnforcementDocumentServiceRequestedV1Event);
    const topic = `${prefix}${EnforcementDocumentServiceRequestedV1Event.topic}`;
    console.log(`e-mail benchmark: ${total} service notices at ${RATE}/s over Kafka, ${RESTART ? `host restarted (${RESTART}) at the half` : 'no restart'}`);

    const t0 = Date.now();
    // Where the load stands each second: queued by the consumer, sent by the dispatcher, received.
    const pool = new Pool({ connectionString: database.url, max: 1 });
    const progress = setInterval(() => {
      void pool
        .query<{ queued: string; sent: string }>(`SELECT count(*) AS queued, count(*) FILTER (WHERE status = 'delivered') AS sent FROM notification.delivery`)
        .then(({ rows: [row] }) => console.log(`  ${((Date.now() - t0) / 1000).toFixed(0)} s: queued ${row.queued}, sent ${row.sent}, received ${sink.received}`))
        .catch(() => undefined);
    }, 2000);
    let restart: Promise<void> | undefined;
    for (let sent = 0; sent < total; ) {
      const due = Math.min(total, Math.floor(((Date.now() - t0) * RATE) / 1000) + 1);
      if (due > sent) {
        const batch = Array.from({ length: due - sent }, (_, offset) => serviceRequest(sent + offset, template));
        await producer.send({ topic, messages: batch.map((event) => toBinaryMessage(event)) });
        sent = due;
      }
      if (RESTART && !restart && sent >= total / 2) {
        console.log(`  restarting the host: ${sink.received} received so far`);
        const old = host;
        restart = stop(old, RESTART).then(async () => {
          host = startHost(env);
          await ready();
          console.log(`  host back after ${((Date.now() - t0) / 1000).toFixed(1)} s, ${sink.received} received`);
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await restart;
    // Allow for the load still in flight and, after a crash, for the claim lease to run out.
    const settleBy = Date.now() + 60_000 + LEASE_MS;
    while (sink.received < total && Date.now() < settleBy) await new Promise((resolve) => setTimeout(resolve, 200));
    // Duplicates sent after a lease would come now: wait a lease more before counting.
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 2_000));

    clearInterval(progress);
    await pool.end();
    const perRecipient = new Map<string, number>();
    for (const { to } of sink.arrivals) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    const duplicates = [...perRecipient.values()].reduce((sum, count) => sum + count - 1, 0);
    // A resent message keeps its Message-ID (the delivery id); two different ones would be two notices.
    const messageIds = new Map<string, Set<string>>();
    for (const { to, messageId } of sink.arrivals) messageIds.set(to, (messageIds.get(to) ?? new Set()).add(messageId));
    const distinctDuplicates = [...messageIds.values()].filter((ids) => ids.size > 1).length;
    const missing = total - perRecipient.size;
    const arrivals = sink.arrivals.map(({ at }) => at).sort((a, b) => a - b);
    const first = arrivals[0] ?? 0;
    const elapsed = ((arrivals.at(-1) ?? first) - first) / 1000;
    // Sustained: the arrival rate second by second.
    const perSecond = new Map<number, number>();
    for (const at of arrivals) {
      const second = Math.floor((at - first) / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    const busySeconds = [...perSecond.values()].sort((a, b) => b - a);
    const median = busySeconds[Math.floor(busySeconds.length / 2)];
    console.log(
      `e-mails: ${sink.received} received for ${total} asked; ${perRecipient.size} recipients, ${missing} missing, ${duplicates} duplicate(s) (${distinctDuplicates} with a different Message-ID); ` +
        `${(sink.received / elapsed).toFixed(0)}/s from first to last${RESTART ? ', restart included' : ''} (${elapsed.toFixed(1)} s); busiest second ${busySeconds[0]}/s, median second ${median}/s`,
    );
  } finally {
    await producer.disconnect().catch(() => undefined);
    await stop(host, 'SIGTERM');
    await sink.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
