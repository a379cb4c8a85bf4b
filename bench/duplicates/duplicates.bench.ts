import 'reflect-metadata';
import autocannon from 'autocannon';
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
    await client.query('ANALYZE complaints.complaint');
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
    const result = await autocannon({
      url,
      method: 'POST',
      connections: 64,
      overallRate: RATE,
      duration: SECONDS,
      // In a worker thread, so that the load does not share the service's event loop; hence plain request objects, not functions.
      workers: 1,
      headers: { 'content-type': 'application/json' },
      requests: Array.from({ length: 1000 }, (_, sequence) => {
        // A deterministic walk over the square and the categories, so that runs compare.
        const lat = CENTRE.lat + (((sequence * 7919) % 1000) / 1000 - 0.5) * SPAN.lat;
        const lng = CENTRE.lng + (((sequence * 6271) % 1000) / 1000 - 0.5) * SPAN.lng;
        return { method: 'POST' as const, body: JSON.stringify({ description: 'Stall on the pavement', location: { lat, lng }, category: categories[sequence % categories.length] }) };
      }),
    });
    const ok = result['2xx'];
    console.log(
      `intake + duplicate suggestion: ${(ok / result.duration).toFixed(0)}/s sustained (${ok} ok, ${result.non2xx + result.errors + result.timeouts} failed), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
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
