import type { TestHost } from '@civicflow/testing';
import { type Answer, call, patrolFinding, sha, type Staff, staffTokens, startEnforcementHost, video } from './enforcement-host';

interface CaseBody {
  id: string;
  state: string;
  party: { id: string; kind: string; name: string; idNumber: string | null; phone: string | null };
  officers: Array<{ id: string }>;
  deadlines: Array<{ name: string; dueAt: string; status: string }>;
  notice: { hearingRight: boolean; servedAt: string | null } | null;
  decision: { outcome: string; major: boolean; penalty: { fineCny: number } | null } | null;
  payment: { paidCny: number; owedCny: number; outstandingCny: number };
  code?: string;
  message?: string | string[];
}

const cases = '/api/v1/enforcement/cases';

describe('enforcement cases over HTTP (PostgreSQL)', () => {
  let host: TestHost;
  let staff: Staff;

  beforeAll(async () => {
    host = await startEnforcementHost();
    staff = await staffTokens(host);
  });

  afterAll(() => host?.close());

  const post = (path: string, token: string, body: unknown = {}) => call<CaseBody>(host, 'POST', path, token, body);
  const get = (path: string, token: string) => call<CaseBody>(host, 'GET', path, token);
  const open = async (overrides: Record<string, unknown> = {}) => {
    const opened = await post(cases, staff.officer, patrolFinding(overrides));
    expect(opened.status).toBe(201);
    return opened.body.id;
  };
  const expectRefused = (answer: Answer<CaseBody>, code: string) => {
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 409, code });
    expect(typeof answer.body.message).toBe('string');
  };
  /** Moves a time of the stored procedure into the past, as if the days had gone by. */
  const backdate = (id: string, path: string[], iso: string) =>
    host.query(`UPDATE enforcement.enforcement_case SET procedure = jsonb_set(procedure, $2, to_jsonb($3::text)) WHERE id = $1`, [id, `{${path.join(',')}}`, iso]);

  it('takes a case from a patrol finding through the whole general procedure, publishing each step', async () => {
    const opened = await post(cases, staff.officer, patrolFinding({ party: { kind: 'organisation', name: '上海某某餐饮有限公司', idNumber: '91310101MA1FL0XX1X', phone: '02161234567' } }));
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    expect(opened.body).toMatchObject({ state: 'registration_pending', party: { kind: 'organisation', idNumber: '913***********XX1X', phone: '021****4567' } });

    expectRefused(await post(`${cases}/${id}/decision`, staff.supervisor, { outcome: 'education', reasons: 'x' }), 'invalid_transition');
    const registered = await post(`${cases}/${id}/register`, staff.supervisor);
    expect(registered.status).toBe(200);
    expect(registered.body.deadlines).toEqual([expect.objectContaining({ name: 'decision', status: 'pending' })]);

    expectRefused(await post(`${cases}/${id}/evidence`, staff.officer, { items: [{ kind: 'photo', sha256: sha('b') }], onSite: 'inspection', presentOfficerIds: ['off-1', 'off-2'] }), 'audio_video_evidence_required');
    expectRefused(await post(`${cases}/${id}/evidence`, staff.officer, { items: [video()], onSite: 'inspection', presentOfficerIds: ['off-1'] }), 'not_enough_officers');
    expect((await post(`${cases}/${id}/evidence`, staff.officer, { items: [video(), { kind: 'photo', sha256: sha('b') }], onSite: 'inspection', presentOfficerIds: ['off-1', 'off-2'] })).body.state).toBe('investigating');

    const notice = await post(`${cases}/${id}/notice`, staff.officer, {
      proposed: { warning: false, fineCny: 150_000, measures: [] },
      facts: 'Occupied 12 m² of pavement.',
      legalBasis: 'Regulation Art. 24',
    });
    expect(notice.body).toMatchObject({ state: 'notice_issued', notice: { hearingRight: true, servedAt: null } });
    expectRefused(await post(`${cases}/${id}/hearing-request`, staff.officer), 'notice_not_served');
    const served = await post(`${cases}/${id}/notice/service`, staff.officer, {});
    expect(served.body.deadlines.map((deadline) => deadline.name)).toEqual(['decision', 'hearing_request', 'statement']);
    expectRefused(await post(`${cases}/${id}/decision`, staff.supervisor, { outcome: 'penalty', penalty: { warning: false, fineCny: 120_000, measures: [] }, reasons: 'x' }), 'hearing_window_open');

    expect((await post(`${cases}/${id}/hearing-request`, staff.officer)).body.state).toBe('hearing_requested');
    expectRefused(await post(`${cases}/${id}/hearing-schedule`, staff.officer, { scheduledFor: new Date(Date.now() + 2 * 86_400_000).toISOString(), hearingPlace: 'Room 2' }), 'hearing_notice_too_short');
    const scheduledFor = new Date(Date.now() + 30 * 86_400_000).toISOString();
    expect((await post(`${cases}/${id}/hearing-schedule`, staff.officer, { scheduledFor, hearingPlace: 'Room 2' })).body.state).toBe('hearing_scheduled');
    expectRefused(await post(`${cases}/${id}/hearing`, staff.officer, { summary: 'Heard.', evidence: [video('c')] }), 'hearing_not_yet_due');
    await backdate(id, ['hearing', 'scheduledFor'], new Date(Date.now() - 60_000).toISOString());
    expectRefused(await post(`${cases}/${id}/hearing`, staff.officer, { summary: 'Heard.', evidence: [{ kind: 'document', sha256: sha('c') }] }), 'audio_video_evidence_required');
    expect((await post(`${cases}/${id}/hearing`, staff.officer, { summary: 'Heard.', evidence: [video('c')] })).body.state).toBe('hearing_held');

    const decision = { outcome: 'penalty', penalty: { warning: false, fineCny: 120_000, measures: [] }, reasons: 'Reduced after the hearing.' };
    expectRefused(await post(`${cases}/${id}/decision`, staff.supervisor, decision), 'legal_review_required');
    const officerAsReviewer = await host.tokenFor(['legal_reviewer'], { sub: 'off-2' });
    expectRefused(await post(`${cases}/${id}/legal-review`, officerAsReviewer, { approved: true, opinion: 'Fine.' }), 'reviewer_is_case_officer');
    expect((await post(`${cases}/${id}/legal-review`, staff.officer, { approved: true, opinion: 'Fine.' })).status).toBe(403);
    expect((await post(`${cases}/${id}/legal-review`, staff.legalReviewer, { approved: true, opinion: 'Lawful and proportionate.' })).body.state).toBe('legal_reviewed');
    expectRefused(await post(`${cases}/${id}/decision`, staff.supervisor, { ...decision, penalty: { warning: false, fineCny: 150_000.01, measures: [] } }), 'heavier_than_notified');
    const decided = await post(`${cases}/${id}/decision`, staff.supervisor, decision);
    expect(decided.body).toMatchObject({ state: 'decided', decision: { outcome: 'penalty', major: true, penalty: { fineCny: 120_000 } } });

    const executing = await post(`${cases}/${id}/service`, staff.officer, { method: 'in_person' });
    expect(executing.body).toMatchObject({ state: 'executing', payment: { paidCny: 0, owedCny: 120_000, outstandingCny: 120_000 } });
    expect(executing.body.deadlines.find((deadline) => deadline.name === 'payment')).toMatchObject({ status: 'pending' });
    expectRefused(await post(`${cases}/${id}/close`, staff.supervisor), 'payment_outstanding');
    expect((await post(`${cases}/${id}/payment`, staff.officer, { amountCny: 120_000, receipt: 'R-1' })).body.payment).toMatchObject({ outstandingCny: 0 });
    expect((await post(`${cases}/${id}/close`, staff.supervisor)).body.state).toBe('closed');
    expect((await post(`${cases}/${id}/archive`, staff.supervisor)).body.state).toBe('archived');

    const events = await host.query<{ event_type: string; envelope: { data: Record<string, unknown> } }>(
      `SELECT event_type, envelope FROM enforcement.outbox WHERE message_key = $1 ORDER BY seq`,
      [id],
    );
    // One event per step, in order.
    expect(events.map((event) => event.event_type)).toEqual([
      'enforcement.case.registered.v1',
      'enforcement.case.evidence-recorded.v1',
      'enforcement.case.notice-issued.v1',
      'enforcement.case.notice-issued.v1',
      'enforcement.case.hearing-requested.v1',
      'enforcement.case.hearing-scheduled.v1',
      'enforcement.case.hearing-held.v1',
      'enforcement.case.legal-reviewed.v1',
      'enforcement.case.decided.v1',
      'enforcement.case.served.v1',
      'enforcement.case.paid.v1',
      'enforcement.case.closed.v1',
      'enforcement.case.archived.v1',
    ]);
    const of = (type: string) => events.find((event) => event.event_type === `enforcement.case.${type}.v1`)?.envelope.data;
    expect(of('evidence-recorded')).toMatchObject({ state: 'investigating', recordedBy: 'off-1', items: expect.arrayContaining([expect.objectContaining({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]) });
    expect(of('legal-reviewed')).toMatchObject({ reviewerId: 'legal-1', approved: true, partyKind: 'organisation' });
    expect(of('paid')).toMatchObject({ state: 'executing', amountFen: expect.any(Number), paidFen: expect.any(Number) });
    expect(of('decided')).toMatchObject({ outcome: 'penalty', major: true, legalReviewedBy: 'legal-1', penalty: { fineFen: 12_000_000 } });
    expect(JSON.stringify(events)).not.toMatch(/上海某某|91310101MA1FL0XX1X|02161234567/);
  });

  it('never returns a person’s name, identity number or phone unmasked', async () => {
    const id = await open();
    const read = await get(`${cases}/${id}`, staff.auditor);
    expect(read.body.party).toEqual({ id: expect.any(String), kind: 'person', name: '张**', idNumber: '310***********1234', phone: '139****5678' });
    expect(JSON.stringify(read.body)).not.toMatch(/张伟明|310101199001011234|13912345678|Fuxing/);
    const record = await call(host, 'GET', `${cases}/${id}/record/export`, staff.auditor);
    expect(JSON.stringify(record.body)).not.toMatch(/张伟明|310101199001011234|13912345678|Fuxing/);
  });

  it('ends a minor first violation in education, with no execution', async () => {
    const id = await open();
    await post(`${cases}/${id}/register`, staff.supervisor);
    await post(`${cases}/${id}/evidence`, staff.officer, { items: [{ kind: 'photo', sha256: sha('d') }] });
    await post(`${cases}/${id}/notice`, staff.officer, { proposed: { warning: true, fineCny: 0, measures: [] }, facts: 'f', legalBasis: 'b', servedAt: new Date().toISOString() });
    await post(`${cases}/${id}/statement`, staff.officer, { summary: 'Moved the stall at once; first time.', evidence: [{ kind: 'audio', sha256: sha('e') }] });
    const decided = await post(`${cases}/${id}/decision`, staff.supervisor, { outcome: 'education', reasons: 'First violation, corrected at once (Art. 33).' });
    expect(decided.body).toMatchObject({ state: 'decided', decision: { outcome: 'education', major: false, penalty: null } });
    expect((await post(`${cases}/${id}/service`, staff.officer, { method: 'on_the_spot' })).body.state).toBe('served');
    expect((await post(`${cases}/${id}/close`, staff.supervisor)).body.state).toBe('closed');
  });

  it('keeps the summary procedure within 200 CNY for a person', async () => {
    const id = await open();
    const summary = (fineCny: number) => ({ penalty: { warning: false, fineCny, measures: [] }, presentOfficerIds: ['off-1', 'off-2'], legalBasis: 'Regulation Art. 24' });
    expectRefused(await post(`${cases}/${id}/summary-decision`, staff.officer, summary(200.5)), 'summary_limit_exceeded');
    const decided = await post(`${cases}/${id}/summary-decision`, staff.officer, summary(200));
    expect(decided.body).toMatchObject({ state: 'decided', decision: { outcome: 'penalty', penalty: { fineCny: 200 } } });
    const events = await host.query<{ event_type: string }>(`SELECT event_type FROM enforcement.outbox WHERE message_key = $1 ORDER BY seq`, [id]);
    expect(events.map((event) => event.event_type)).toEqual(['enforcement.case.registered.v1', 'enforcement.case.decided.v1']);
  });

  it('refuses to register a violation older than 2 years, and records the refusal', async () => {
    const id = await open({ violationAt: new Date(Date.now() - 3 * 365 * 86_400_000).toISOString() });
    expectRefused(await post(`${cases}/${id}/register`, staff.supervisor), 'limitation_period_expired');
    const refused = await post(`${cases}/${id}/refuse-registration`, staff.supervisor, { reason: 'Art. 36: discovered after 2 years.' });
    expect(refused.body).toMatchObject({ state: 'registration_refused', refusalReason: 'Art. 36: discovered after 2 years.' });
  });

  it('registers no case with fewer than two officers, and lets no uncertified officer act', async () => {
    const lone = await open({ officerIds: ['off-1'] });
    expectRefused(await post(`${cases}/${lone}/register`, staff.supervisor), 'not_enough_officers');
    const expired = await open({ officerIds: ['off-1', 'off-3'] });
    expectRefused(await post(`${cases}/${expired}/register`, staff.supervisor), 'officer_not_certified');
    const id = await open();
    await post(`${cases}/${id}/register`, staff.supervisor);
    expectRefused(await post(`${cases}/${id}/evidence`, staff.expiredOfficer, { items: [{ kind: 'photo', sha256: sha('f') }] }), 'officer_not_certified');
  });

  it('suspends, resumes and terminates', async () => {
    const id = await open();
    await post(`${cases}/${id}/register`, staff.supervisor);
    expect((await post(`${cases}/${id}/suspend`, staff.supervisor, { reason: 'Awaiting a court ruling.' })).body.state).toBe('suspended');
    expectRefused(await post(`${cases}/${id}/evidence`, staff.officer, { items: [{ kind: 'photo', sha256: sha('f') }] }), 'invalid_transition');
    expect((await post(`${cases}/${id}/resume`, staff.supervisor)).body.state).toBe('registered');
    const extended = await post(`${cases}/${id}/decision-deadline-extension`, staff.supervisor, { days: 30, reason: 'Complex case, approved by the director.' });
    expect(extended.body).toMatchObject({ decisionExtensionDays: 30 });
    expect((await post(`${cases}/${id}/terminate`, staff.supervisor, { reason: 'The party died.' })).body.state).toBe('terminated');
  });

  it('checks roles, ids and bodies at the edge', async () => {
    const id = await open();
    expect((await post(cases, staff.supervisor, patrolFinding())).status).toBe(403);
    expect((await post(`${cases}/${id}/register`, staff.officer)).status).toBe(403);
    expect((await get(`${cases}/${id}`, await host.tokenFor(['citizen']))).status).toBe(403);
    expect((await host.request(`${cases}/${id}`)).status).toBe(401);
    expect((await get(`${cases}/0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b`, staff.officer)).body).toMatchObject({ code: 'case_not_found' });
    expect((await get(`${cases}/not-a-uuid`, staff.officer)).status).toBe(400);
    const badBody = await post(cases, staff.officer, patrolFinding({ officerIds: [], party: { kind: 'alien', name: '' } }));
    expect(badBody.status).toBe(400);
    expect(String(badBody.body.message)).toMatch(/officerIds/);
    expect(String(badBody.body.message)).toMatch(/party\.kind/);
    const unknownOfficer = await post(cases, staff.officer, patrolFinding({ officerIds: ['off-1', 'nobody'] }));
    expect(unknownOfficer.body).toMatchObject({ code: 'unknown_officer' });
    const future = await post(cases, staff.officer, patrolFinding({ violationAt: new Date(Date.now() + 86_400_000).toISOString() }));
    expect(future.status).toBe(400);
    const badFine = await post(`${cases}/${id}/summary-decision`, staff.officer, { penalty: { warning: false, fineCny: 1.234, measures: [] }, presentOfficerIds: [], legalBasis: 'b' });
    expect(String(badFine.body.message)).toMatch(/penalty\.fineCny/);
  });

  it('lists cases by state with their next deadline', async () => {
    const id = await open();
    await post(`${cases}/${id}/register`, staff.supervisor);
    const registered = await call<{ items: Array<{ id: string; state: string; nextDeadline: { name: string; status: string } | null }> }>(host, 'GET', `${cases}?state=registered&limit=100`, staff.auditor);
    expect(registered.status).toBe(200);
    expect(registered.body.items.every((item) => item.state === 'registered')).toBe(true);
    expect(registered.body.items.find((item) => item.id === id)).toMatchObject({ nextDeadline: { name: 'decision', status: 'pending' } });
    const refused = await call<{ items: Array<{ nextDeadline: unknown }> }>(host, 'GET', `${cases}?state=registration_refused`, staff.officer);
    expect(refused.body.items).toEqual([expect.objectContaining({ state: 'registration_refused', nextDeadline: null })]);
    expect((await call(host, 'GET', `${cases}?state=lost`, staff.officer)).status).toBe(400);
    expect((await call(host, 'GET', `${cases}?limit=0`, staff.officer)).status).toBe(400);
    expect((await call(host, 'GET', cases, await host.tokenFor(['citizen']))).status).toBe(403);
  });
});
