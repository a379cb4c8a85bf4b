import { Role } from '@civicflow/auth';
import type { TestHost } from '@civicflow/testing';
import { call, type Staff, staffTokens, startEnforcementHost } from './enforcement-host';

const training = '/api/v1/enforcement/training';

describe('officer training over HTTP (PostgreSQL)', () => {
  let host: TestHost;
  let staff: Staff;
  let admin: string;

  beforeAll(async () => {
    host = await startEnforcementHost();
    staff = await staffTokens(host);
    admin = await host.tokenFor([Role.Admin], { sub: 'admin-1' });
  });

  afterAll(() => host?.close());

  const post = (path: string, token: string, body: unknown = {}) => call(host, 'POST', path, token, body);
  const at = (iso: string) => new Date(iso).toISOString();

  it('builds a plan with courses and sessions, records attendance and adds up each officer’s hours by category', async () => {
    const plan = await post(`${training}/plans`, staff.supervisor, { title: '2026 plan', periodFrom: '2026-01-01', periodTo: '2026-12-31' });
    expect(plan.status).toBe(201);
    const law = await post(`${training}/courses`, admin, { planId: plan.body.id, title: 'Administrative Penalty Law', category: 'law_and_regulations', hours: 4 });
    const ethics = await post(`${training}/courses`, admin, { planId: plan.body.id, title: 'Ethics', category: 'professional_ethics', hours: 2.5 });
    expect(law.status).toBe(201);

    const lawSession = await post(`${training}/sessions`, admin, { courseId: law.body.id, startsAt: '2026-03-10T09:00:00+08:00', endsAt: '2026-03-10T13:00:00+08:00', place: 'Room 3' });
    expect(lawSession.body).toMatchObject({ hours: 4, startsAt: at('2026-03-10T09:00:00+08:00') });
    const ethicsSession = await post(`${training}/sessions`, admin, { courseId: ethics.body.id, startsAt: '2026-04-01T09:00:00+08:00', endsAt: '2026-04-01T12:00:00+08:00' });
    // A session that started at 07:00 Beijing time on 1 Jan 2026 is in 2026, though it was still 2025 in UTC.
    const newYear = await post(`${training}/sessions`, admin, { courseId: law.body.id, startsAt: '2026-01-01T07:00:00+08:00', endsAt: '2026-01-01T11:00:00+08:00' });

    const attended = await post(`${training}/sessions/${String(lawSession.body.id)}/attendance`, admin, { officerIds: ['off-1', 'off-2'] });
    expect(attended.body).toEqual({ sessionId: lawSession.body.id, hours: 4, recorded: ['off-1', 'off-2'], alreadyRecorded: [] });
    expect((await post(`${training}/sessions/${String(lawSession.body.id)}/attendance`, admin, { officerIds: ['off-1'] })).body).toMatchObject({ recorded: [], alreadyRecorded: ['off-1'] });
    await post(`${training}/sessions/${String(ethicsSession.body.id)}/attendance`, staff.supervisor, { officerIds: ['off-1'], hours: 1.5 });
    await post(`${training}/sessions/${String(newYear.body.id)}/attendance`, admin, { officerIds: ['off-1'] });

    const hours = await call(host, 'GET', `${training}/officers/off-1/hours?from=2026-01-01&to=2026-12-31`, staff.officer);
    expect(hours.body).toEqual({ officerId: 'off-1', from: '2026-01-01', to: '2026-12-31', total: 9.5, sessions: 3, byCategory: { law_and_regulations: 8, professional_ethics: 1.5 } });
    expect((await call(host, 'GET', `${training}/officers/off-1/hours?from=2025-12-01&to=2025-12-31`, staff.supervisor)).body).toMatchObject({ total: 0, sessions: 0 });
    expect((await call(host, 'GET', `${training}/officers/off-2/hours?from=2026-03-10&to=2026-03-10`, staff.supervisor)).body).toMatchObject({ total: 4, sessions: 1 });
    expect((await call<{ items: Array<{ id: string; courses: number }> }>(host, 'GET', `${training}/plans`, staff.officer)).body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: plan.body.id, courses: 2 })]),
    );
  });

  it('lets only admins and supervisors organise training, and an officer see only their own hours', async () => {
    for (const token of [staff.officer, staff.auditor, staff.legalReviewer]) {
      expect((await post(`${training}/plans`, token, { title: 'x', periodFrom: '2026-01-01', periodTo: '2026-12-31' })).status).toBe(403);
      expect((await post(`${training}/courses`, token, { title: 'x', category: 'other', hours: 1 })).status).toBe(403);
    }
    expect((await call(host, 'GET', `${training}/officers/off-2/hours?from=2026-01-01&to=2026-12-31`, staff.officer)).status).toBe(403);
    expect((await call(host, 'GET', `${training}/officers/off-2/hours?from=2026-01-01&to=2026-12-31`, staff.auditor)).status).toBe(200);
    expect((await call(host, 'GET', `${training}/plans`, staff.legalReviewer)).status).toBe(403);
  });

  it('refuses invalid training input with 400 naming the field, and attendance before the session with 409', async () => {
    const badCategory = await post(`${training}/courses`, admin, { title: 'x', category: 'karaoke', hours: 1 });
    expect(badCategory.status).toBe(400);
    expect(JSON.stringify(badCategory.body)).toContain('category');
    expect((await post(`${training}/plans`, admin, { title: 'x', periodFrom: '2026-12-31', periodTo: '2026-01-01' })).body).toMatchObject({ statusCode: 400, message: 'periodTo: is before periodFrom' });
    const course = await post(`${training}/courses`, admin, { title: 'Communication', category: 'communication_skills', hours: 3 });
    expect((await post(`${training}/sessions`, admin, { courseId: course.body.id, startsAt: '2026-05-01T09:00:00+08:00', endsAt: '2026-05-01T10:00:00+08:00' })).body).toMatchObject({ statusCode: 400 });
    expect((await post(`${training}/sessions`, admin, { courseId: '0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b', startsAt: '2026-05-01T09:00:00+08:00', endsAt: '2026-05-01T12:00:00+08:00' })).body).toMatchObject({ code: 'unknown_course' });
    const future = new Date(Date.now() + 7 * 86_400_000);
    const session = await post(`${training}/sessions`, admin, { courseId: course.body.id, startsAt: future.toISOString(), endsAt: new Date(future.getTime() + 3 * 3_600_000).toISOString() });
    expect((await post(`${training}/sessions/${String(session.body.id)}/attendance`, admin, { officerIds: ['off-1'] })).body).toMatchObject({ statusCode: 409, code: 'session_not_held' });
    await host.query(`UPDATE enforcement.training_session SET starts_at = now() - interval '4 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [session.body.id]);
    expect((await post(`${training}/sessions/${String(session.body.id)}/attendance`, admin, { officerIds: ['off-1', 'off-nobody'] })).body).toMatchObject({ statusCode: 400, code: 'unknown_officer' });
    expect((await call(host, 'GET', `${training}/officers/off-1/hours?from=2026-12-31&to=2026-01-01`, admin)).status).toBe(400);
    expect((await call(host, 'GET', `${training}/officers/off-1/hours?from=yesterday&to=2026-01-01`, admin)).status).toBe(400);
  });
});
