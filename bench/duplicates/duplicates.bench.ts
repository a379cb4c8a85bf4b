import 'reflect-metadata';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Client } from 'pg';
import { ComplaintsModule, complaintsVariables, DEFAULT_CATALOGUE } from '@civicflow/complaints';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { createTestDatabase } from '@civicflow/testing';

/**
 * Intake with the duplicate suggestion, against a table of existing complaints (default
 * 1,000,000, spread over a 50 km square around central Shanghai and over a year), at a
 * fixed arrival rate. Target: p99 <= 50 ms at 500 requests/s.
 * BENCH_EXISTING, BENCH_RATE, BENCH_SECONDS override the defaults.
 */
const EXISTING = Number(process.env.BENCH_EXISTING ?? 1_000_000);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CENTRE = { lat: 31.2304, lng: 121.4737 };
// About 50 km across: 0.45° of latitude, 0.53° of longitude at 31° N.
const SPAN = { lat: 0.45, lng: 0.53 };

const categories = DEFAULT_CATALOGUE.filter((definition) => definition.level === 'sub').map((definition) => definition.code);

async function seed(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = Date.now();
    const chunk = 100_000;
    for (let offset = 0; offset < EXISTING; offset += chunk) {
      const count = Math.min(chunk, EXISTING - offset);
      await client.query(
        `INSERT INTO complaints.complaint (id, tracking_code, status, description, lat, lng, category, channel, reporter_locale, received_at)
         SELECT gen_random_uuid()::text, 'BENCH-' || ($1::bigint + n), (ARRAY['received','accepted','dispatched','in_handling','closed','closed','evaluated','evaluated','evaluated','rejected'])[1 + (random() * 9)::int],
                'seeded', $2 + (random() - 0.5) * $3, $4 + (random() - 0.5) * $5, ($6::text[])[1 + (random() * ($7 - 1))::int], 'web', 'zh-CN',
                now() - random() * interval '365 days'
         FROM generate_series(1, $8) AS n`,
        [offset, CENTRE.lat, SPAN.lat, CENTRE.lng, SPAN.lng, categories, categories.length, count],
      );
      process.stdout.write(`  seeded ${offset + count}/${EXISTING}\n`);
    }
    // Measure the steady state, not the write-back of a million fresh rows: vacuum (which
    // also sets the visibility map) and a checkpoint, as a table that has been live for a year would have had.
    await client.query('VACUUM ANALYZE complaints.complaint');
    await client.query('CHECKPOINT');
    console.log(`seeded ${EXISTING} complaints in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    // The plan of the suggestion query, so that a regression to a full scan shows in the output.
    const plan = await client.query(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM complaints.complaint
       WHERE category = $1 AND lat BETWEEN $2 AND $3 AND lng BETWEEN $4 AND $5 AND received_at >= now() - interval '30 days'
         AND duplicate_of IS NULL AND lat IS NOT NULL AND status NOT IN ('rejected', 'closed', 'evaluated') LIMIT 200`,
      [categories[0], CENTRE.lat - 0.0005, CENTRE.lat + 0.0005, CENTRE.lng - 0.0005, CENTRE.lng + 0.0005],
    );
    console.log(plan.rows.map((row: Record<string, string>) => `  ${row['QUERY PLAN']}`).join('\n'));
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const database = await createTestDatabase('bench_duplicates');
  const configSchema = hostConfigSchema({ port: 3000, kafkaClientId: 'civicflow-bench', transport: 'in-process' }, complaintsVariables);
  const app = await bootstrapHost(
    HostModule.forRoot({
      name: 'bench',
      configSchema,
      services: [ComplaintsModule],
      env: { ...process.env, DATABASE_URL: database.url, MESSAGING_TRANSPORT: 'in-process', LOG_LEVEL: 'warn', RATE_LIMIT_INTAKE_POINTS: '1000000000' },
    }),
    { title: 'bench', description: 'bench', port: 0, host: '127.0.0.1', handleSignals: false },
  );
  const url = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1/complaints`;
  try {
    await seed(database.url);
    console.log(`duplicate suggestion benchmark: ${RATE} requests/s for ${SECONDS} s against ${EXISTING} complaints`);
    const bodies = Array.from({ length: 1000 }, (_, sequence) => {
      // A deterministic walk over the square and the categories, so that runs compare.
      const lat = CENTRE.lat + (((sequence * 7919) % 1000) / 1000 - 0.5) * SPAN.lat;
      const lng = CENTRE.lng + (((sequence * 6271) % 1000) / 1000 - 0.5) * SPAN.lng;
      return JSON.stringify({ description: 'Stall on the pavement', location: { lat, lng }, category: categories[sequence % categories.length] });
    });
    const result = await new Promise<{ latencies: number[]; failed: number; elapsedSeconds: number }>((resolve, reject) => {
      const worker = new Worker(join(__dirname, '../paced-load.worker.mjs'), { workerData: { url, bodies, rate: RATE, seconds: SECONDS } });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const sorted = result.latencies.sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
    console.log(
      `intake + duplicate suggestion: ${(sorted.length / result.elapsedSeconds).toFixed(0)}/s sustained (${sorted.length} ok, ${result.failed} failed), p50 ${at(50)} ms, p99 ${at(99)} ms, max ${at(100)} ms`,
    );
  } finally {
    await app.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
