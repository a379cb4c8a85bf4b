import 'reflect-metadata';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { ComplaintsModule, complaintsVariables } from '@civicflow/complaints';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { createTestDatabase } from '@civicflow/testing';
import { describe, sustain, type LoadResult } from '../load';

/**
 * Complaints accepted per second over HTTP by the complaints service (validation, one
 * transaction: complaint, timeline entry, two outbox rows; the relay publishing) on
 * PostgreSQL, against a raw baseline: the same inserts through pg directly.
 * Targets: >= 1,000/s, p99 <= 50 ms, >= 50 % of the baseline.
 *
 * The HTTP load comes from autocannon in a worker thread, so that the load generator does
 * not share the service's event loop (it still shares the machine's cores).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONCURRENCY ?? 16);

const body = JSON.stringify({
  description: 'A stall blocks the pavement',
  location: { lat: 31.2304, lng: 121.4737, address: '88 Renmin Road' },
  reporter: { name: 'Wang Fang', email: 'wang@example.org', locale: 'en' },
});

async function httpLoad(url: string): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    duration: SECONDS,
    workers: 1,
  });
  const ok = result['2xx'];
  return {
    completed: ok,
    failed: result.non2xx + result.errors + result.timeouts,
    seconds: result.duration,
    perSecond: ok / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

async function main(): Promise<void> {
  const database = await createTestDatabase('bench_intake');
  const app = await bootstrapHost(
    HostModule.forRoot({
      name: 'bench',
      configSchema: hostConfigSchema({ port: 3000, kafkaClientId: 'civicflow-bench', transport: 'in-process' }, complaintsVariables),
      services: [ComplaintsModule],
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        MESSAGING_TRANSPORT: 'in-process',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_INTAKE_POINTS: '1000000000',
      },
    }),
    { title: 'bench', description: 'bench', port: 0, host: '127.0.0.1', handleSignals: false },
  );
  const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1/complaints`;
  try {
    console.log(`intake benchmark: ${CONNECTIONS} connections, ${SECONDS} s each`);
    const intake = await httpLoad(url);
    console.log(describe('HTTP intake           ', intake));

    const pool = new Pool({ connectionString: database.url, max: 10 });
    const raw = await sustain(
      'raw',
      async () => {
        const client = await pool.connect();
        try {
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
        } finally {
          client.release();
        }
      },
      { concurrency: 10, seconds: SECONDS },
    );
    await pool.end();
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
