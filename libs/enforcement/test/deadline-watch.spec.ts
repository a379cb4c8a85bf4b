import type { TestHost } from '@civicflow/testing';
import { CaseDeadlineWatch } from '../src/cases/deadline-watch';
import { call, patrolFinding, type Staff, staffTokens, startEnforcementHost } from './enforcement-host';

const cases = '/api/v1/enforcement/cases';
const DAY = 86_400_000;

describe('case deadline alerts (PostgreSQL)', () => {
  let host: TestHost;
  let staff: Staff;
  let watch: CaseDeadlineWatch;

  beforeAll(async () => {
    host = await startEnforcementHost();
    staff = await staffTokens(host);
    watch = host.app.get(CaseDeadlineWatch);
  });

  afterAll(() => host?.close());

  const alerts = (id: string) =>
    host.query<{ event_type: string; data: { deadline: string; dueAt: string; state: string } }>(
      `SELECT event_type, envelope->'data' AS data FROM enforcement.outbox WHERE message_key = $1 AND event_type LIKE '%deadline%' ORDER BY seq`,
      [id],
    );

  it('warns before the 90-day decision deadline and reports it overdue after, each once', async () => {
    const id = ((await call<{ id: string }>(host, 'POST', cases, staff.officer, patrolFinding())).body as { id: string }).id;
    const registered = await call<{ deadlines: Array<{ name: string; dueAt: string; warnAt: string }> }>(host, 'POST', `${cases}/${id}/register`, staff.supervisor, {});
    const decision = registered.body.deadlines.find((deadline) => deadline.name === 'decision');
    if (!decision) throw new Error('no decision deadline');

    await watch.scan(new Date(new Date(decision.warnAt).getTime() - 1));
    expect(await alerts(id)).toEqual([]);

    await watch.scan(new Date(decision.warnAt));
    await watch.scan(new Date(new Date(decision.warnAt).getTime() + 1000));
    expect(await alerts(id)).toEqual([{ event_type: 'enforcement.case.deadline-warning.v1', data: expect.objectContaining({ deadline: 'decision', dueAt: decision.dueAt, state: 'registered' }) }]);

    await watch.scan(new Date(new Date(decision.dueAt).getTime() + DAY));
    await watch.scan(new Date(new Date(decision.dueAt).getTime() + 2 * DAY));
    expect((await alerts(id)).map((alert) => alert.event_type)).toEqual(['enforcement.case.deadline-warning.v1', 'enforcement.case.deadline-overdue.v1']);
  });

  it('sends nothing for a suspended case or a deadline met', async () => {
    const id = ((await call<{ id: string }>(host, 'POST', cases, staff.officer, patrolFinding())).body as { id: string }).id;
    await call(host, 'POST', `${cases}/${id}/summary-decision`, staff.officer, { penalty: { warning: true, fineCny: 0, measures: [] }, presentOfficerIds: ['off-1', 'off-2'], legalBasis: 'b' });
    await call(host, 'POST', `${cases}/${id}/service`, staff.officer, { method: 'on_the_spot' });
    const suspended = ((await call<{ id: string }>(host, 'POST', cases, staff.officer, patrolFinding())).body as { id: string }).id;
    await call(host, 'POST', `${cases}/${suspended}/register`, staff.supervisor, {});
    await call(host, 'POST', `${cases}/${suspended}/suspend`, staff.supervisor, { reason: 'Court ruling awaited.' });
    await watch.scan(new Date(Date.now() + 200 * DAY));
    expect(await alerts(id)).toEqual([]);
    expect(await alerts(suspended)).toEqual([]);
  });
});
