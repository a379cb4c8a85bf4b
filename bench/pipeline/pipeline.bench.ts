import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MailSink } from '@civicflow/notification';
import { createTestDatabase, waitFor } from '@civicflow/testing';

/**
 * Accept → acknowledgement e-mail received, over a real Kafka (scripts/kafka.sh start),
 * at a fixed arrival rate. Target: p99 <= 1 s at 200/s.
 *
 * The complaints and notification hosts run as processes of their own, as deployed: one
 * event loop for both would measure the loop, not the pipeline. This process runs only the
 * load and the SMTP sink that stamps each acknowledgement's arrival.
 * BENCH_PROFILE_DIR=<dir> writes a CPU profile of each host there.
 */
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const COMPLAINTS_PORT = 3801;
const NOTIFICATION_PORT = 3805;

function startHost(service: 'complaints' | 'notification', port: number, env: NodeJS.ProcessEnv): ChildProcess {
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${service}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...profile, '-r', '@swc-node/register', `apps/${service}/src/main.ts`], {
    env: { ...env, PORT: String(port), SWC_NODE_PROJECT: 'tsconfig.base.json' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`${service} host exited (${code ?? signal})`);
  });
  return child;
}

async function ready(port: number): Promise<void> {
  await waitFor(async () => ((await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200 ? true : undefined), {
    timeoutMs: 90_000,
    intervalMs: 250,
    what: `the host on port ${port} to be ready`,
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function main(): Promise<void> {
  const database = await createTestDatabase('bench_pipeline');
  const sink = new MailSink(mkdtempSync(join(tmpdir(), 'cf-bench-mail-')), RATE * SECONDS);
  const sinkPort = await sink.start(0);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'error',
    DATABASE_URL: database.url,
    MESSAGING_TRANSPORT: 'kafka',
    KAFKA_TOPIC_PREFIX: `bench${randomBytes(3).toString('hex')}.`,
    SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
    RATE_LIMIT_INTAKE_POINTS: '1000000000',
  };
  const hosts: ChildProcess[] = [];
  try {
    hosts.push(startHost('complaints', COMPLAINTS_PORT, env));
    // The complaints host migrates and provisions the topics first; two hosts racing for the migration lock only slows the start.
    await ready(COMPLAINTS_PORT);
    hosts.push(startHost('notification', NOTIFICATION_PORT, env));
    await ready(NOTIFICATION_PORT);
    const url = `http://127.0.0.1:${COMPLAINTS_PORT}/api/v1/complaints`;
    const submittedAt = new Map<string, number>();
    console.log(`pipeline benchmark: ${RATE}/s for ${SECONDS} s over Kafka, one process per service`);
    const total = RATE * SECONDS;
    const t0 = Date.now();
    const posts: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const sentAt = Date.now();
      posts.push(
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ description: `bench ${i}`, location: { lat: 31.2, lng: 121.4 }, reporter: { name: 'Bench', email: `bench${i}@example.org`, locale: 'en' } }),
        }).then(async (response) => {
          const { trackingCode } = (await response.json()) as { trackingCode: string };
          submittedAt.set(trackingCode, sentAt);
        }),
      );
      if (i % RATE === 0) console.log(`  submitted ${i}/${total}, acknowledged ${sink.received}`);
    }
    await Promise.all(posts);
    const deadline = Date.now() + 60_000;
    while (sink.received < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const latencies = sink
      .list()
      .map((mail) => {
        const code = /CF-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(mail.subject)?.[0];
        const sent = code ? submittedAt.get(code) : undefined;
        return sent === undefined ? undefined : Date.parse(mail.receivedAt) - sent;
      })
      .filter((latency): latency is number => latency !== undefined)
      .sort((a, b) => a - b);
    const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    console.log(`accept → acknowledgement received: ${latencies.length}/${total} delivered, p50 ${at(50)} ms, p99 ${at(99)} ms, max ${latencies.at(-1)} ms`);
  } finally {
    await Promise.all(hosts.map(stop));
    await sink.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
