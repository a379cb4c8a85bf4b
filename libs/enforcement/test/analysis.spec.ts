import type { DataSource } from 'typeorm';
import { Role } from '@civicflow/auth';
import type { TestHost } from '@civicflow/testing';
import { storeCase } from './accountability-fixtures';
import { call, type Staff, staffTokens, startEnforcementHost, type EmbeddedEnforcementHost, startEmbeddedEnforcementHost } from './enforcement-host';

interface Group {
  key: string;
  cases: number;
  decided: number;
  closed: number;
  outcomes: Record<string, number>;
  meanDaysToClose: number | null;
}
interface AnalysisBody {
  total: Group;
  groups: Group[];
}

const analysis = '/api/v1/enforcement/analysis/cases';
const half = 'from=2026-01-01&to=2026-06-30';
const lesson = {
  title: 'Photograph the stall before the party moves it',
  note: 'The party moved the stall while the notice was written; the body-camera video taken before that held at the hearing. 流动摊位占道时先固定证据。',
};

describe('case analysis and lessons learned (PostgreSQL)', () => {
  let host: TestHost;
  let staff: Staff;
  let closedCase: string;
  let openCase: string;
  let westCase: string;

  beforeAll(async () => {
    host = await startEnforcementHost();
    staff = await staffTokens(host);
    closedCase = await storeCase(host, {
      officers: ['off-1', 'off-2'],
      createdAt: '2026-01-05T02:00:00Z',
      registeredAt: '2026-01-06T02:00:00Z',
      decision: { at: '2026-01-16T02:00:00Z', outcome: 'penalty' },
      servedAt: '2026-01-17T02:00:00Z',
      closedAt: '2026-01-25T02:00:00Z',
    });
    await storeCase(host, { officers: ['off-1'], street: 'Waitan Subdistrict', createdAt: '2026-02-01T02:00:00Z', decision: { at: '2026-02-03T02:00:00Z', outcome: 'education' }, closedAt: '2026-02-04T02:00:00Z' });
    openCase = await storeCase(host, { officers: ['off-2'], category: 'illegal-construction', street: 'Waitan Subdistrict', createdAt: '2026-03-01T02:00:00Z', registeredAt: '2026-03-02T02:00:00Z' });
    await storeCase(host, { officers: ['off-4'], category: 'illegal-advertising', street: null, createdAt: '2026-04-01T02:00:00Z', decision: { at: '2026-04-20T02:00:00Z', outcome: 'rectification' }, closedAt: '2026-11-01T02:00:00Z' });
    // 23:59 on 30 June and 23:00 on 31 December in Beijing: the first is in the half-year, the second not.
    await storeCase(host, { officers: ['off-1'], createdAt: '2026-06-30T15:59:00Z' });
    await storeCase(host, { officers: ['off-1'], createdAt: '2025-12-31T15:00:00Z' });
    westCase = await storeCase(host, { officers: ['off-3'], department: 'west-brigade', createdAt: '2026-05-01T02:00:00Z', decision: { at: '2026-05-02T02:00:00Z', outcome: 'education' }, closedAt: '2026-05-03T02:00:00Z' });
  });

  afterAll(() => host?.close());

  const analyse = (by: string, token = staff.supervisor) => call<AnalysisBody>(host, 'GET', `${analysis}?${half}&by=${by}`, token);
  const counts = (body: AnalysisBody) => body.groups.map((group) => [group.key, group.cases]);

  it('counts the cases of any period by outcome as the case stores it', async () => {
    const { status, body } = await analyse('outcome');
    expect(status).toBe(200);
    expect(body.total).toMatchObject({ cases: 5, decided: 3, closed: 3, outcomes: { penalty: 1, education: 1, rectification: 1, undecided: 2 } });
    expect(counts(body)).toEqual([
      ['undecided', 2],
      ['education', 1],
      ['penalty', 1],
      ['rectification', 1],
    ]);
  });

  it('counts by category, street, officer and duration, and filters by category', async () => {
    expect(counts((await analyse('category')).body)).toEqual([
      ['street-vending', 3],
      ['illegal-advertising', 1],
      ['illegal-construction', 1],
    ]);
    expect(counts((await analyse('street')).body)).toEqual([
      ['Nanjing East Road Subdistrict', 2],
      ['Waitan Subdistrict', 2],
      ['(no street)', 1],
    ]);
    expect(counts((await analyse('officer')).body)).toEqual([
      ['off-1', 3],
      ['off-2', 2],
      ['off-4', 1],
    ]);
    expect(counts((await analyse('duration')).body)).toEqual([
      ['0-7 days', 1],
      ['8-30 days', 1],
      ['over 180 days', 1],
      ['open', 2],
    ]);
    const vending = await call<AnalysisBody>(host, 'GET', `${analysis}?${half}&by=outcome&category=street-vending&department=enforcement`, staff.auditor);
    expect(vending.body.total).toMatchObject({ cases: 3, outcomes: { penalty: 1, education: 1, undecided: 1 } });
  });

  it("shows a supervisor their department's cases and admins and auditors every department's", async () => {
    const westSupervisor = await host.tokenFor([Role.Supervisor], { sub: 'sup-west', department: 'west-brigade' });
    expect((await analyse('outcome', westSupervisor)).body.total).toMatchObject({ cases: 1, outcomes: { education: 1 } });
    expect((await call(host, 'GET', `${analysis}?${half}&by=outcome&department=enforcement`, westSupervisor)).body).toMatchObject({ statusCode: 403, code: 'other_department' });
    expect(counts((await analyse('department', staff.auditor)).body)).toEqual([
      ['enforcement', 5],
      ['west-brigade', 1],
    ]);
    expect((await call<AnalysisBody>(host, 'GET', `${analysis}?${half}&by=outcome&department=west-brigade`, staff.auditor)).body.total.cases).toBe(1);
  });

  it('exports the statistics as CSV', async () => {
    const response = await host.request(`${analysis}?${half}&by=outcome&format=csv`, { token: staff.auditor });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('outcome,cases,decided,closed,outcome_education,outcome_penalty,outcome_rectification,outcome_undecided,mean_days_to_decision,mean_days_to_close,max_days_to_close');
    // The auditor sees every department: the west brigade's education case too.
    expect(lines[lines.length - 1]).toMatch(/^total,6,4,4,2,1,1,2,/);
  });

  it('refuses other roles and invalid queries', async () => {
    expect((await analyse('outcome', staff.officer)).status).toBe(403);
    expect((await analyse('outcome', staff.legalReviewer)).status).toBe(403);
    const badDimension = await analyse('weather');
    expect(badDimension.status).toBe(400);
    expect(JSON.stringify(badDimension.body)).toContain('by: one of');
    expect((await call(host, 'GET', `${analysis}?from=2026-06-30&to=2026-01-01&by=outcome`, staff.supervisor)).status).toBe(400);
  });

  it('takes lessons on closed cases from those who worked on them or oversee them, and lets the bureau search them', async () => {
    const lessons = `/api/v1/enforcement/cases/${closedCase}/lessons`;
    const otherOfficer = await host.tokenFor([Role.Officer], { sub: 'off-4' });
    expect((await call(host, 'POST', lessons, otherOfficer, lesson)).status).toBe(403);
    expect((await call(host, 'POST', lessons, staff.auditor, lesson)).status).toBe(403);
    expect((await call(host, 'POST', lessons, staff.officer, { ...lesson, note: 'Call the party on 13912345678 first.' })).body).toMatchObject({ statusCode: 400, code: 'personal_data_in_lesson' });
    expect((await call(host, 'POST', `/api/v1/enforcement/cases/${openCase}/lessons`, staff.supervisor, lesson)).body).toMatchObject({ statusCode: 409, code: 'case_not_closed' });
    expect((await call(host, 'POST', `/api/v1/enforcement/cases/${westCase}/lessons`, staff.supervisor, lesson)).body).toMatchObject({ statusCode: 403, code: 'other_department' });
    const written = await call(host, 'POST', lessons, staff.officer, lesson);
    expect(written).toMatchObject({ status: 201, body: { caseId: closedCase, author: 'off-1' } });
    await call(host, 'POST', lessons, staff.supervisor, { title: 'Serve in person when the party has no fixed address', note: 'Electronic service failed twice; in person it took one visit.' });

    const search = async (query: string, token = staff.legalReviewer) => (await call<{ items: Array<{ title: string; category: string }> }>(host, 'GET', `/api/v1/enforcement/lessons?${query}`, token)).body.items.map((item) => item.title);
    expect(await search('q=hearing')).toEqual([lesson.title]);
    expect(await search(`q=${encodeURIComponent('摊位占道')}`)).toEqual([lesson.title]);
    expect(await search('q=service%20person', staff.officer)).toEqual(['Serve in person when the party has no fixed address']);
    expect(await search(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await search('category=illegal-construction')).toEqual([]);
    expect(await search('limit=10')).toHaveLength(2);
    expect((await call(host, 'GET', '/api/v1/enforcement/lessons?limit=1000', staff.auditor)).status).toBe(400);
  });
});

describe('lessons and case analysis on the embedded store (PGlite)', () => {
  let embedded: EmbeddedEnforcementHost;
  let dataSource: DataSource;
  const send: EmbeddedEnforcementHost['send'] = (...args) => embedded.send(...args);

  beforeAll(async () => {
    embedded = await startEmbeddedEnforcementHost('cf-enforcement-analysis-');
    dataSource = embedded.dataSource;
    await dataSource.query(`INSERT INTO enforcement.officer (id, name, certificate_number, certificate_valid_until) VALUES ('off-1', 'a', 'ZF-1', '2099-01-01')`);
  }, 120_000);

  afterAll(() => embedded?.close());

  it('writes, finds (words and Chinese phrases) and counts the same way', async () => {
    const procedure = { state: 'closed', procedure: 'general', partyKind: 'person', violationAt: '2026-01-01T00:00:00Z', seriousHarm: false, officerIds: ['off-1'], createdAt: '2026-01-02T00:00:00Z', evidenceCount: 1, decisionExtensionDays: 0, paidFen: 0, decision: { at: '2026-01-10T00:00:00Z', outcome: 'education', major: false }, closedAt: '2026-01-12T00:00:00Z' };
    const caseId = '0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a99';
    await dataSource.query(
      `INSERT INTO enforcement.enforcement_case (id, state, source, category, street, description, procedure, created_by, created_at, updated_at) VALUES ($1, 'closed', 'patrol', 'street-vending', 'Waitan', 'x', $2, 'off-1', '2026-01-02T00:00:00Z', '2026-01-12T00:00:00Z')`,
      [caseId, JSON.stringify(procedure)],
    );
    await dataSource.query(`INSERT INTO enforcement.case_officer (case_id, officer_id) VALUES ($1, 'off-1')`, [caseId]);
    expect((await send(`/api/v1/enforcement/cases/${caseId}/lessons`, [Role.Officer], 'off-1', lesson)).status).toBe(201);
    const titles = async (q: string) => ((await send(`/api/v1/enforcement/lessons?q=${encodeURIComponent(q)}`, [Role.Auditor], 'aud-1')).body.items as Array<{ title: string }>).map((item) => item.title);
    expect(await titles('hearing')).toEqual([lesson.title]);
    expect(await titles('先固定证据')).toEqual([lesson.title]);
    expect(await titles('demolition')).toEqual([]);
    const byOutcome = await send('/api/v1/enforcement/analysis/cases?from=2026-01-01&to=2026-01-31&by=officer', [Role.Supervisor], 'sup-1');
    expect(byOutcome.body).toMatchObject({ total: { cases: 1, outcomes: { education: 1 } }, groups: [{ key: 'off-1', cases: 1, meanDaysToClose: 10 }] });
  });
});
