import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComplaintsModule } from '@civicflow/complaints';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { MailSink, NotificationModule, notificationVariables } from '@civicflow/notification';
import { createTestDatabase } from '@civicflow/testing';

/**
 * Accept → acknowledgement e-mail received, over a real Kafka (scripts/kafka.sh start),
 * at a fixed arrival rate. Target: p99 <= 1 s at 200/s.
 */
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

async function main(): Promise<void> {
  const database = await createTestDatabase('bench_pipeline');
  const sink = new MailSink(mkdtempSync(join(tmpdir(), 'cf-bench-mail-')));
  const sinkPort = await sink.start(0);
  const env = {
    ...process.env,
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    MESSAGING_TRANSPORT: 'kafka',
    KAFKA_TOPIC_PREFIX: `bench${randomBytes(3).toString('hex')}.`,
    SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
    RATE_LIMIT_INTAKE_POINTS: '1000000000',
  };
  const start = (name: string, services: [typeof ComplaintsModule] | [typeof NotificationModule]) =>
    bootstrapHost(
      HostModule.forRoot({ name, env, services, configSchema: hostConfigSchema({ port: 3000, kafkaClientId: `civicflow-${name}`, transport: 'kafka' }, notificationVariables) }),
      { title: name, description: name, port: 0, host: '127.0.0.1', handleSignals: false },
    );
  const complaints = await start('complaints', [ComplaintsModule]);
  const notification = await start('notification', [NotificationModule]);
  const url = `${(await complaints.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1/complaints`;
  const submittedAt = new Map<string, number>();
  try {
    console.log(`pipeline benchmark: ${RATE}/s for ${SECONDS} s over Kafka`);
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
      if (i % RATE === 0) process.stdout.write(`  submitted ${i}/${total}\r`);
    }
    await Promise.all(posts);
    const deadline = Date.now() + 60_000;
    while (sink.list().length < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
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
    await complaints.close();
    await notification.close();
    await sink.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
