import 'reflect-metadata';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { ComplaintsModule } from '@civicflow/complaints';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { mailSinkVariables, MailSinkModule, NotificationModule, notificationVariables } from '@civicflow/notification';
import { createTestDatabase } from '@civicflow/testing';
import { describe, sustain } from '../load';

/**
 * Complaints accepted per second over HTTP (validation, one transaction: complaint,
 * timeline entry, two outbox rows) on PostgreSQL, against a raw baseline: the same
 * inserts through pg directly. Targets: >= 1,000/s, p99 <= 50 ms, >= 50 % of the baseline.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);

const body = JSON.stringify({
  description: 'A stall blocks the pavement',
  location: { lat: 31.2304, lng: 121.4737, address: '88 Renmin Road' },
  reporter: { name: 'Wang Fang', email: 'wang@example.org', locale: 'en' },
});

async function main(): Promise<void> {
  const database = await createTestDatabase('bench_intake');
  const app = await bootstrapHost(
    HostModule.forRoot({
      name: 'bench',
      configSchema: hostConfigSchema({ port: 3000, kafkaClientId: 'civicflow-bench', transport: 'in-process' }, { ...notificationVariables, ...mailSinkVariables }),
      services: [ComplaintsModule, NotificationModule, MailSinkModule],
      env: {
      ...process.env,
      DATABASE_URL: database.url,
      MESSAGING_TRANSPORT: 'in-process',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_INTAKE_POINTS: '1000000000',
      MAIL_SINK_ENABLED: 'true',
      MAIL_SINK_PORT: '2626',
      SMTP_URL: 'smtp://127.0.0.1:2626',
      },
    }),
    { title: 'bench', description: 'bench', port: 0, host: '127.0.0.1', handleSignals: false },
  );
  const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1/complaints`;
  try {
    console.log(`intake benchmark: ${CONCURRENCY} concurrent clients, ${SECONDS} s each`);
    const intake = await sustain('intake', async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status === 201, {
      concurrency: CONCURRENCY,
      seconds: SECONDS,
    });
    console.log(describe('HTTP intake          ', intake));

    const pool = await Promise.all(Array.from({ length: 10 }, async () => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      return client;
    }));
    let next = 0;
    const raw = await sustain(
      'raw',
      async () => {
        const client = pool[next++ % pool.length];
        const id = uuidv7();
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO complaints.complaint (id, tracking_code, status, description, lat, lng, address, category, channel, reporter_name, reporter_email, reporter_phone, reporter_locale, received_at)
           VALUES ($1, $2, 'received', 'A stall blocks the pavement', 31.2, 121.4, '88 Renmin Road', null, 'web', 'Wang Fang', 'wang@example.org', null, 'en', now())`,
          [id, `RAW-${id}`],
        );
        await client.query(`INSERT INTO complaints.timeline_entry (id, complaint_id, type, at) VALUES ($1, $2, 'received', now())`, [uuidv7(), id]);
        await client.query('COMMIT');
        return true;
      },
      { concurrency: 10, seconds: SECONDS },
    );
    await Promise.all(pool.map((client) => client.end()));
    console.log(describe('raw pg (two inserts)  ', raw));
    console.log(`ratio: HTTP intake is ${((intake.perSecond / raw.perSecond) * 100).toFixed(0)} % of the raw baseline`);
  } finally {
    await app.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
