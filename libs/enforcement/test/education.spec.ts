import type { TestHost } from '@civicflow/testing';
import { CaseDeadlineWatch } from '../src/cases/deadline-watch';
import { workingCalendarFromConfig } from '../src/enforcement.config';
import { type Answer, call, patrolFinding, sha, type Staff, staffTokens, startEnforcementHost, video } from './enforcement-host';

interface CaseBody {
  id: string;
  state: string;
  party: { id: string };
  deadlines: Array<{ name: string; dueAt: string; warnAt: string; status: string }>;
  decision: { outcome: string } | null;
  suspendedDays?: number;
  registeredAt?: string;
  rectification: { basis: string; explained: string; by: string; rectifyBy: string; followUp: { rectified: boolean } | null } | null;
  code?: string;
  message?: string;
}

const cases = '/api/v1/enforcement/cases';
const DAY = 86_400_000;
/** A date some days ahead, as the bureau's calendar date. */
const inDays = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);

describe('education first and rectification orders over HTTP (PostgreSQL)', () => {
  let host: TestHost;
  let staff: Staff;

  beforeAll(async () => {
    host = await startEnforcementHost();
    staff = await staffTokens(host);
  });

  afterAll(() => host?.close());

  const post = (path: string, token: string, body: unknown = {}) => call<CaseBody>(host, 'POST', path, token, body);
  const expectRefused = (answer: Answer<CaseBody>, code: string) => {
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 409, code });
    expect(typeof answer.body.message).toBe('string');
  };
  const events = (id: string) =>
    host.query<{ event_type: string; data: Record<string, unknown> }>(`SELECT event_type, envelope->'data' AS data FROM enforcement.outbox WHERE message_key = $1 ORDER BY seq`, [id]);
  /** A registered case with its facts recorded, against the given party. */
  const investigated = async (overrides: Record<string, unknown> = {}) => {
    const opened = await post(cases, staff.officer, patrolFinding(overrides));
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    expect((await post(`${cases}/${id}/register`, staff.supervisor)).status).toBe(200);
    expect((await post(`${cases}/${id}/evidence`, staff.officer, { items: [{ kind: 'photo', sha256: sha('b') }] })).body.state).toBe('investigating');
    return opened.body;
  };
  const education = (rectifyBy = inDays(7)) => ({ explained: 'Explained Art. 24 and where the licensed market is.', rectifyBy, harmMinor: true });
  const followUp = (rectified: boolean) => ({ rectified, summary: 'Pavement checked.', evidence: [video('c')], presentOfficerIds: ['off-1', 'off-2'] });

  it('ends a first minor violation in education once the party rectified, with an education record and its events', async () => {
    const { id } = await investigated({ party: { kind: 'person', name: '孙丽', idNumber: '110101199203031111' } });
    const educated = await post(`${cases}/${id}/education`, staff.officer, education());
    expect(educated.status).toBe(200);
    expect(educated.body).toMatchObject({ state: 'rectifying', rectification: { basis: 'first_violation', by: 'off-1', explained: education().explained, followUp: null } });
    expect(educated.body.deadlines.find((deadline) => deadline.name === 'rectification')).toMatchObject({ status: 'pending', dueAt: new Date(`${inDays(7)}T23:59:59.999+08:00`).toISOString() });

    expectRefused(await post(`${cases}/${id}/follow-up`, staff.officer, followUp(false)), 'rectification_period_running');
    expectRefused(await post(`${cases}/${id}/follow-up`, staff.officer, { ...followUp(true), presentOfficerIds: ['off-1'] }), 'not_enough_officers');
    const inspected = await post(`${cases}/${id}/follow-up`, staff.officer, followUp(true));
    expect(inspected.body).toMatchObject({ state: 'decided', decision: { outcome: 'education' }, rectification: { followUp: { rectified: true } } });
    expect((await post(`${cases}/${id}/service`, staff.officer, { method: 'on_the_spot' })).body.state).toBe('served');
    expect((await post(`${cases}/${id}/close`, staff.supervisor)).body.state).toBe('closed');

    const published = await events(id);
    expect(published.map((event) => event.event_type)).toEqual([
      'enforcement.case.registered.v1',
      'enforcement.case.evidence-recorded.v1',
      'enforcement.case.education-given.v1',
      'enforcement.case.follow-up-inspected.v1',
      'enforcement.case.decided.v1',
      'enforcement.case.served.v1',
      'enforcement.case.closed.v1',
    ]);
    expect(published[2].data).toMatchObject({ state: 'rectifying', basis: 'first_violation', educatedBy: 'off-1', category: 'street-vending' });
    expect(published[3].data).toMatchObject({ rectified: true, outcome: 'education', state: 'decided' });
    expect(published[4].data).toMatchObject({ outcome: 'education', penalty: null });
    expect(published[6].data).toMatchObject({ outcome: 'education' });
    const record = await call<{ entries: Array<{ action: string; payload: Record<string, unknown> }> }>(host, 'GET', `${cases}/${id}/record/export`, staff.auditor);
    expect(record.body.entries.find((entry) => entry.action === 'give_education')?.payload).toMatchObject({ explained: education().explained, educatedBy: 'off-1' });
  });

  it('continues on the penalty path when the party did not rectify, and refuses a second education', async () => {
    const { id } = await investigated({ party: { kind: 'person', name: '周强', idNumber: '110101199304042222' } });
    expect((await post(`${cases}/${id}/education`, staff.officer, education(inDays(3)))).body.state).toBe('rectifying');
    await host.query(`UPDATE enforcement.enforcement_case SET procedure = jsonb_set(procedure, '{rectification,rectifyBy}', to_jsonb($2::text)) WHERE id = $1`, [id, new Date(Date.now() - 60_000).toISOString()]);
    const failed = await post(`${cases}/${id}/follow-up`, staff.officer, followUp(false));
    expect(failed.body).toMatchObject({ state: 'investigating', decision: null, rectification: { followUp: { rectified: false } } });
    expectRefused(await post(`${cases}/${id}/education`, staff.officer, education()), 'rectification_already_failed');
    const notice = await post(`${cases}/${id}/notice`, staff.officer, { proposed: { warning: false, fineCny: 100, measures: [] }, facts: 'Not rectified.', legalBasis: 'Regulation Art. 24' });
    expect(notice.body.state).toBe('notice_issued');
    expect((await events(id)).map((event) => event.event_type)).toContain('enforcement.case.follow-up-inspected.v1');
  });

  it('refuses education for a second violation of the same category within the window, and for ineligible categories or harm', async () => {
    const party = { kind: 'person', name: '吴敏', idNumber: '11010119940505333X' };
    const first = await investigated({ party });
    expect((await post(`${cases}/${first.id}/education`, staff.officer, education())).body.state).toBe('rectifying');

    const second = await investigated({ party: { ...party, idNumber: '11010119940505333x' } });
    expect(second.party.id).toBe(first.party.id);
    expectRefused(await post(`${cases}/${second.id}/education`, staff.officer, education()), 'prior_violation_in_window');
    const violations = await call<{ items: Array<{ caseId: string; category: string }> }>(host, 'GET', `/api/v1/enforcement/parties/${first.party.id}/violations?category=street-vending`, staff.officer);
    expect(violations.body.items).toEqual([expect.objectContaining({ caseId: first.id, category: 'street-vending' })]);

    const construction = await investigated({ category: 'illegal-construction', party: { kind: 'person', name: '郑华', idNumber: '110101199506064444' } });
    expectRefused(await post(`${cases}/${construction.id}/education`, staff.officer, education()), 'category_not_eligible');
    const harmful = await investigated({ party: { kind: 'person', name: '冯雪', idNumber: '110101199607075555' } });
    expectRefused(await post(`${cases}/${harmful.id}/education`, staff.officer, { ...education(), harmMinor: false }), 'harm_not_minor');
    expectRefused(await post(`${cases}/${harmful.id}/education`, staff.officer, education(inDays(200))), 'rectify_by_too_far');
    expect((await post(`${cases}/${harmful.id}/education`, staff.officer, { ...education(), rectifyBy: 'next week' })).status).toBe(400);
    expect((await post(`${cases}/${harmful.id}/education`, staff.supervisor, education())).status).toBe(403);
  });

  it('takes a rectification order without a penalty to the rectification outcome', async () => {
    const { id } = await investigated({ category: 'illegal-construction', party: { kind: 'organisation', name: '上海某某商贸有限公司', idNumber: '91310101MA1FL0AA1A' } });
    const ordered = await post(`${cases}/${id}/rectification-order`, staff.officer, { requirement: 'Remove the awning over the pavement.', rectifyBy: inDays(14) });
    expect(ordered.body).toMatchObject({ state: 'rectifying', rectification: { basis: 'rectification_order' } });
    expect((await post(`${cases}/${id}/follow-up`, staff.officer, followUp(true))).body.decision).toMatchObject({ outcome: 'rectification' });
    const types = (await events(id)).map((event) => event.event_type);
    expect(types).toEqual(['enforcement.case.registered.v1', 'enforcement.case.evidence-recorded.v1', 'enforcement.case.rectification-ordered.v1', 'enforcement.case.follow-up-inspected.v1', 'enforcement.case.decided.v1']);
  });

  // Not education, but the other clock rule of this change: a suspended case's decision period stands still.
  it('pauses the 90-day decision clock while a case is suspended (Art. 60)', async () => {
    const { id } = await investigated({ party: { kind: 'person', name: '蒋波', idNumber: '110101199809097777' } });
    const before = (await call<CaseBody>(host, 'GET', `${cases}/${id}`, staff.officer)).body.deadlines.find((deadline) => deadline.name === 'decision');
    const suspended = await post(`${cases}/${id}/suspend`, staff.supervisor, { reason: 'Awaiting the planning bureau’s opinion.' });
    expect(suspended.body.deadlines.find((deadline) => deadline.name === 'decision')?.status).toBe('paused');
    // As if the case had been suspended ten days ago.
    await host.query(`UPDATE enforcement.enforcement_case SET procedure = jsonb_set(procedure, '{suspendedAt}', to_jsonb($2::text)) WHERE id = $1`, [id, new Date(Date.now() - 10 * DAY).toISOString()]);
    const resumed = await post(`${cases}/${id}/resume`, staff.supervisor);
    expect(resumed.body).toMatchObject({ state: 'investigating', suspendedDays: 10 });
    const after = resumed.body.deadlines.find((deadline) => deadline.name === 'decision');
    expect(after?.status).toBe('pending');
    // 90 + 10 calendar days from registration, moved off a non-working last day like any period.
    const calendar = workingCalendarFromConfig({});
    const registeredAt = new Date(resumed.body.registeredAt ?? '');
    expect(before?.dueAt).toBe(calendar.dueAt(registeredAt, { amount: 90, unit: 'calendar_days' }).toISOString());
    expect(after?.dueAt).toBe(calendar.dueAt(registeredAt, { amount: 100, unit: 'calendar_days' }).toISOString());
  });

  it('warns before the rectify-by date and reports a late follow-up, as v2 alerts', async () => {
    const { id } = await investigated({ party: { kind: 'person', name: '陈晨', idNumber: '110101199708086666' } });
    const educated = await post(`${cases}/${id}/education`, staff.officer, education(inDays(5)));
    const deadline = educated.body.deadlines.find((candidate) => candidate.name === 'rectification');
    if (!deadline) throw new Error('no rectification deadline');
    const watch = host.app.get(CaseDeadlineWatch);
    await watch.scan(new Date(deadline.warnAt));
    await watch.scan(new Date(new Date(deadline.dueAt).getTime() + DAY));
    await watch.scan(new Date(new Date(deadline.dueAt).getTime() + 2 * DAY));
    const alerts = await host.query<{ event_type: string; data: { deadline: string; state: string } }>(
      `SELECT event_type, envelope->'data' AS data FROM enforcement.outbox WHERE message_key = $1 AND event_type LIKE '%deadline%' ORDER BY seq`,
      [id],
    );
    expect(alerts).toEqual([
      { event_type: 'enforcement.case.deadline-warning.v2', data: expect.objectContaining({ deadline: 'rectification', state: 'rectifying', dueAt: deadline.dueAt }) },
      { event_type: 'enforcement.case.deadline-overdue.v2', data: expect.objectContaining({ deadline: 'rectification', state: 'rectifying', dueAt: deadline.dueAt }) },
    ]);
  });
});
