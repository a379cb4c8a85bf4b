import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Role } from '@civicflow/auth';
import { CaseDesk, CaseRecordRepository, EnforcementModule, enforcementVariables, verifyChain } from '@civicflow/enforcement';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { createTestDatabase } from '@civicflow/testing';
import { describe, sustain } from '../load';

/**
 * The whole-process record (ADR 0006) under load, on PostgreSQL, through the service's own code:
 * - verifying one case's chain of 10,000 entries (what GET …/record/verify runs);
 * - appending entries from many concurrent writers, each in its own transaction holding the
 *   case's row lock as every procedure step does, then checking that every chain is intact.
 * Targets: verification of 10,000 entries well under a second; >= 1,000 appends/s with every chain intact.
 */
const CHAIN_LENGTH = Number(process.env.BENCH_CHAIN_LENGTH ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const CASES = Number(process.env.BENCH_CASES ?? 100);

const actor = { user: { id: 'bench-supervisor', roles: [Role.Supervisor] }, correlationId: 'bench', place: null };
const sha = (n: number) => n.toString(16).padStart(64, '0');

async function main(): Promise<void> {
  const database = await createTestDatabase('bench_record');
  const app = await bootstrapHost(
    HostModule.forRoot({
      name: 'bench',
      configSchema: hostConfigSchema({ port: 3000, kafkaClientId: 'civicflow-bench', transport: 'in-process' }, enforcementVariables),
      services: [EnforcementModule],
      env: { ...process.env, DATABASE_URL: database.url, MESSAGING_TRANSPORT: 'in-process', LOG_LEVEL: 'warn' },
    }),
    { title: 'bench', description: 'bench', port: 0, host: '127.0.0.1', handleSignals: false },
  );
  try {
    const desk = app.get(CaseDesk);
    const record = app.get(CaseRecordRepository);
    const dataSource = app.get<DataSource>(getDataSourceToken('enforcement'));
    const openCase = async (n: number) =>
      (await desk.open({ source: 'patrol', category: 'street-vending', description: `bench case ${n}`, violationAt: new Date(Date.now() - 60_000), officerIds: [] }, actor)).id;
    const appendLocked = (manager: EntityManager, caseId: string, n: number) =>
      manager
        .query(`SELECT id FROM "enforcement".enforcement_case WHERE id = $1 FOR UPDATE`, [caseId])
        .then(() => record.append(manager, caseId, { actor: 'off-1', recordedAt: new Date(), place: '100 Renmin Road', action: 'add_evidence', payload: { n }, evidenceSha256: [sha(n)] }));

    console.log(`record benchmark: a chain of ${CHAIN_LENGTH} entries; ${CONCURRENCY} concurrent writers on ${CASES} cases for ${SECONDS} s`);
    const long = await openCase(0);
    const fillStart = performance.now();
    for (let done = 1; done < CHAIN_LENGTH; ) {
      const batch = Math.min(500, CHAIN_LENGTH - done);
      await dataSource.transaction(async (manager) => {
        for (let i = 0; i < batch; i++) await appendLocked(manager, long, done + i);
      });
      done += batch;
      process.stdout.write(`  filling the chain: ${done}/${CHAIN_LENGTH}\r`);
    }
    console.log(`  one writer, one chain: ${((CHAIN_LENGTH - 1) / ((performance.now() - fillStart) / 1000)).toFixed(0)} appends/s (batched transactions)`);

    const timings: number[] = [];
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      const verdict = await desk.withRecord(long, async (manager) => verifyChain(await record.list(manager, long)));
      timings.push(performance.now() - t0);
      if (!verdict.intact || verdict.entries !== CHAIN_LENGTH) throw new Error(`the chain does not verify: ${JSON.stringify(verdict)}`);
    }
    timings.sort((a, b) => a - b);
    console.log(`verify a chain of ${CHAIN_LENGTH} entries: median ${timings[2].toFixed(0)} ms, best ${timings[0].toFixed(0)} ms, worst ${timings[4].toFixed(0)} ms; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);

    const cases: string[] = [];
    for (let n = 1; n <= CASES; n++) cases.push(await openCase(n));
    const concurrent = await sustain('concurrent appends', async (i) => {
      await dataSource.transaction((manager) => appendLocked(manager, cases[i % CASES], i));
      return true;
    }, { concurrency: CONCURRENCY, seconds: SECONDS });
    console.log(describe(`${CONCURRENCY} writers, ${CASES} chains   `, concurrent));

    const contended = await sustain('one chain', async (i) => {
      await dataSource.transaction((manager) => appendLocked(manager, cases[0], i));
      return true;
    }, { concurrency: 8, seconds: Math.min(SECONDS, 5) });
    console.log(describe('8 writers, one chain       ', contended));

    let broken = 0;
    let entries = 0;
    for (const caseId of cases) {
      const verdict = await desk.withRecord(caseId, async (manager) => verifyChain(await record.list(manager, caseId)));
      entries += verdict.entries;
      if (!verdict.intact) broken += 1;
    }
    console.log(`chains after the load: ${cases.length - broken} of ${cases.length} intact, ${entries} entries`);
    if (broken > 0) process.exitCode = 1;
  } finally {
    await app.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
