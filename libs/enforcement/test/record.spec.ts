import type { DataSource } from 'typeorm';
import { Role } from '@civicflow/auth';
import type { TestHost } from '@civicflow/testing';
import { call, patrolFinding, sha, type Staff, staffTokens, startEnforcementHost, video, type EmbeddedEnforcementHost, startEmbeddedEnforcementHost } from './enforcement-host';

interface Verdict {
  caseId: string;
  intact: boolean;
  entries: number;
  brokenAt?: number;
  reason?: string;
}

interface Exported {
  verdict: Verdict;
  evidenceSha256: string[];
  entries: Array<{ sequence: number; action: string; actor: string; place: string | null; previousHash: string; hash: string; evidenceSha256: string[] }>;
}

const cases = '/api/v1/enforcement/cases';

describe('the whole-process record (PostgreSQL)', () => {
  let host: TestHost;
  let staff: Staff;
  let caseId: string;

  beforeAll(async () => {
    host = await startEnforcementHost();
    staff = await staffTokens(host);
    caseId = ((await call<{ id: string }>(host, 'POST', cases, staff.officer, patrolFinding())).body as { id: string }).id;
    await call(host, 'POST', `${cases}/${caseId}/register`, staff.supervisor, { place: 'Bureau office' });
    await call(host, 'POST', `${cases}/${caseId}/evidence`, staff.officer, { items: [video('1'), { kind: 'photo', sha256: sha('2') }], onSite: 'inspection', presentOfficerIds: ['off-1', 'off-2'], place: '100 Renmin Road' });
  });

  afterAll(() => host?.close());

  const verify = async (id = caseId) => (await call<Verdict>(host, 'GET', `${cases}/${id}/record/verify`, staff.auditor)).body;

  it('records every step with who, where, what and the evidence hashes, chained', async () => {
    const exported = await call<Exported>(host, 'GET', `${cases}/${caseId}/record/export`, staff.auditor);
    expect(exported.status).toBe(200);
    const { entries, evidenceSha256, verdict } = exported.body;
    expect(entries.map(({ sequence, action, actor, place }) => ({ sequence, action, actor, place }))).toEqual([
      { sequence: 1, action: 'open', actor: 'off-1', place: '100 Renmin Road' },
      { sequence: 2, action: 'register', actor: 'sup-1', place: 'Bureau office' },
      { sequence: 3, action: 'add_evidence', actor: 'off-1', place: '100 Renmin Road' },
    ]);
    expect(entries[0].previousHash).toBe('0'.repeat(64));
    expect(entries[1].previousHash).toBe(entries[0].hash);
    expect(entries[2].previousHash).toBe(entries[1].hash);
    expect(evidenceSha256).toEqual([sha('1'), sha('2')]);
    expect(verdict).toMatchObject({ intact: true, entries: 3 });
  });

  it('gives the export to auditors only, the verification to auditors and supervisors', async () => {
    expect((await call(host, 'GET', `${cases}/${caseId}/record/export`, staff.supervisor)).status).toBe(403);
    expect((await call(host, 'GET', `${cases}/${caseId}/record/verify`, staff.officer)).status).toBe(403);
    expect((await call(host, 'GET', `${cases}/${caseId}/record/verify`, staff.supervisor)).status).toBe(200);
    expect((await call(host, 'GET', `${cases}/0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b/record/verify`, staff.auditor)).status).toBe(404);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database', async () => {
    await expect(host.query(`UPDATE enforcement.case_record SET actor = 'someone' WHERE case_id = $1 AND sequence = 2`, [caseId])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(host.query(`DELETE FROM enforcement.case_record WHERE case_id = $1`, [caseId])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(host.query(`TRUNCATE enforcement.case_record CASCADE`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await verify()).toMatchObject({ intact: true, entries: 3 });
  });

  it('keeps the chain intact under 50 concurrent appends', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        call(host, 'POST', `${cases}/${caseId}/evidence`, index % 2 ? staff.officer : staff.otherOfficer, { items: [{ kind: 'photo', sha256: index.toString(16).padStart(64, '0') }] }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(200));
    expect(await verify()).toMatchObject({ intact: true, entries: 53 });
    const [{ count }] = await host.query<{ count: string }>(`SELECT count(DISTINCT previous_hash) AS count FROM enforcement.case_record WHERE case_id = $1`, [caseId]);
    expect(Number(count)).toBe(53);
  });

  it('detects an entry changed by the table owner with the triggers off, at its sequence', async () => {
    const other = ((await call<{ id: string }>(host, 'POST', cases, staff.officer, patrolFinding())).body as { id: string }).id;
    await call(host, 'POST', `${cases}/${other}/register`, staff.supervisor);
    for (const character of ['3', '4', '5']) await call(host, 'POST', `${cases}/${other}/evidence`, staff.officer, { items: [{ kind: 'photo', sha256: sha(character) }] });
    expect(await verify(other)).toMatchObject({ intact: true, entries: 5 });

    await host.query(`
      SET session_replication_role = replica;
      UPDATE enforcement.case_record SET evidence_sha256 = '["${sha('9')}"]' WHERE case_id = '${other}' AND sequence = 4;
      SET session_replication_role = origin;`);
    expect(await verify(other)).toEqual({ caseId: other, intact: false, entries: 5, brokenAt: 4, reason: 'hash_mismatch' });
    // The other case's chain is untouched.
    expect(await verify()).toMatchObject({ intact: true });
  });

  it('detects a deleted entry with the trigger disabled', async () => {
    const other = ((await call<{ id: string }>(host, 'POST', cases, staff.officer, patrolFinding())).body as { id: string }).id;
    await call(host, 'POST', `${cases}/${other}/register`, staff.supervisor);
    await call(host, 'POST', `${cases}/${other}/evidence`, staff.officer, { items: [{ kind: 'photo', sha256: sha('6') }] });
    await host.query(`
      ALTER TABLE enforcement.case_record DISABLE TRIGGER case_record_no_update_or_delete;
      DELETE FROM enforcement.case_record WHERE case_id = '${other}' AND sequence = 2;
      ALTER TABLE enforcement.case_record ENABLE TRIGGER case_record_no_update_or_delete;`);
    expect(await verify(other)).toMatchObject({ intact: false, brokenAt: 3, reason: 'sequence_gap' });
  });
});

describe('the whole-process record on the embedded store (PGlite)', () => {
  let embedded: EmbeddedEnforcementHost;
  let dataSource: DataSource;
  const send: EmbeddedEnforcementHost['send'] = (...args) => embedded.send(...args);

  beforeAll(async () => {
    embedded = await startEmbeddedEnforcementHost('cf-enforcement-');
    dataSource = embedded.dataSource;
    await dataSource.query(`INSERT INTO enforcement.officer (id, name, certificate_number, certificate_valid_until) VALUES ('off-1', 'a', 'ZF-1', '2099-01-01'), ('off-2', 'b', 'ZF-2', '2099-01-01')`);
  }, 120_000);

  afterAll(() => embedded?.close());

  it('keeps the chain and refuses UPDATE and DELETE there too: PGlite runs the same trigger', async () => {
    const opened = await send(cases, [Role.Officer], 'off-1', patrolFinding());
    const id = String(opened.body.id);
    expect((await send(`${cases}/${id}/register`, [Role.Supervisor], 'sup-1', {})).status).toBe(200);
    const appends = await Promise.all(Array.from({ length: 10 }, (_, index) => send(`${cases}/${id}/evidence`, [Role.Officer], 'off-2', { items: [{ kind: 'photo', sha256: sha(String(index)) }] })));
    expect(appends.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect((await send(`${cases}/${id}/record/verify`, [Role.Auditor], 'aud-1')).body).toMatchObject({ intact: true, entries: 12 });

    await expect(dataSource.query(`UPDATE enforcement.case_record SET actor = 'x'`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(dataSource.query(`DELETE FROM enforcement.case_record`)).rejects.toThrow(/append-only: DELETE refused/);
    await dataSource.query(`SET session_replication_role = replica`);
    await dataSource.query(`UPDATE enforcement.case_record SET actor = 'x' WHERE sequence = 7`);
    await dataSource.query(`SET session_replication_role = origin`);
    expect((await send(`${cases}/${id}/record/verify`, [Role.Auditor], 'aud-1')).body).toMatchObject({ intact: false, brokenAt: 7, reason: 'hash_mismatch' });
  });
});
