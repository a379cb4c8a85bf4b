import { Role } from '@civicflow/auth';
import type { TestHost } from '@civicflow/testing';
import { call, type Staff, staffTokens, startEnforcementHost } from './enforcement-host';

const officers = '/api/v1/enforcement/officers';

describe('officers and their certificates over HTTP (PostgreSQL)', () => {
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
  const newOfficer = (overrides: Record<string, unknown> = {}) => ({ id: 'off-new', name: '周敏', certificateNumber: 'ZF-0100', certificateValidFrom: '2026-01-01', certificateValidUntil: '2099-12-31', ...overrides });
  /** Credits `hours` of training to the officer in a session that started `daysAgo` days ago. */
  const train = async (officerId: string, hours: number, daysAgo = 1) => {
    const course = await post('/api/v1/enforcement/training/courses', admin, { title: 'Penalty law', category: 'law_and_regulations', hours });
    const startsAt = new Date(Date.now() - daysAgo * 86_400_000);
    const session = await post('/api/v1/enforcement/training/sessions', admin, { courseId: course.body.id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + hours * 3_600_000).toISOString() });
    expect((await post(`/api/v1/enforcement/training/sessions/${String(session.body.id)}/attendance`, admin, { officerIds: [officerId] })).status).toBe(200);
  };

  it('lets an admin or a supervisor enter an officer, announcing the certificate, and no one else', async () => {
    for (const token of [staff.officer, staff.legalReviewer, staff.auditor]) expect((await post(officers, token, newOfficer())).status).toBe(403);
    const created = await post(officers, admin, newOfficer());
    expect(created).toEqual({ status: 201, body: expect.objectContaining({ id: 'off-new', certificateNumber: 'ZF-0100', certificateValidFrom: '2026-01-01', certificateValidUntil: '2099-12-31' }) });
    expect((await post(officers, staff.supervisor, newOfficer({ id: 'off-new-2', certificateNumber: 'ZF-0101' }))).status).toBe(201);

    const events = await host.query<{ envelope: { data: Record<string, unknown> } }>(`SELECT envelope FROM enforcement.outbox WHERE event_type = 'enforcement.officer.certified.v1' AND message_key = 'off-new'`);
    expect(events.map((event) => event.envelope.data)).toEqual([expect.objectContaining({ officerId: 'off-new', renewal: false, certifiedBy: 'admin-1' })]);
    expect(JSON.stringify(events)).not.toContain('周敏');
    const list = await call<{ items: Array<{ id: string }> }>(host, 'GET', officers, staff.auditor);
    expect(list.body.items.map((officer) => officer.id)).toEqual(expect.arrayContaining(['off-new', 'off-new-2']));
  });

  it('refuses a taken id or certificate number with 409 and an invalid body with 400 naming the field', async () => {
    await post(officers, admin, newOfficer({ id: 'off-dup', certificateNumber: 'ZF-0200' }));
    expect((await post(officers, admin, newOfficer({ id: 'off-dup', certificateNumber: 'ZF-0201' }))).body).toMatchObject({ statusCode: 409, code: 'officer_exists' });
    expect((await post(officers, admin, newOfficer({ id: 'off-dup-2', certificateNumber: 'ZF-0200' }))).body).toMatchObject({ statusCode: 409, code: 'certificate_number_taken' });
    const invalid = await post(officers, admin, newOfficer({ id: 'off-bad', certificateNumber: 'ZF-0202', certificateValidUntil: '2026-02-30' }));
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain('certificateValidUntil');
    expect((await post(officers, admin, newOfficer({ id: 'off-bad', certificateNumber: 'ZF-0202', certificateValidUntil: '2025-12-31' }))).status).toBe(400);
  });

  it('renews a certificate only with the minimum of training hours in the certificate period, and records what was required', async () => {
    await post(officers, admin, newOfficer({ id: 'off-renew', certificateNumber: 'ZF-0300', certificateValidFrom: '2025-01-01', certificateValidUntil: '2030-12-31' }));
    const renewal = `${officers}/off-renew/certificate-renewal`;
    expect((await post(renewal, staff.officer, { validUntil: '2035-12-31' })).status).toBe(403);
    await train('off-renew', 30);
    const short = await post(renewal, admin, { validUntil: '2035-12-31' });
    expect(short.body).toMatchObject({ statusCode: 409, code: 'training_hours_insufficient' });
    expect(String(short.body.message)).toContain('30 training hours');

    await train('off-renew', 10, 2);
    expect((await post(renewal, admin, { validUntil: '2030-12-31' })).body).toMatchObject({ code: 'renewal_not_later' });
    const renewed = await post(renewal, staff.supervisor, { validUntil: '2035-12-31', certificateNumber: 'ZF-0301' });
    expect(renewed).toMatchObject({
      status: 200,
      body: { officer: { certificateNumber: 'ZF-0301', certificateValidFrom: '2031-01-01', certificateValidUntil: '2035-12-31' }, trainingHours: 40, requiredTrainingHours: 40, period: { from: '2025-01-01' } },
    });
    const [row] = await host.query<{ training_hours: string; required_training_hours: string; previous_certificate_number: string }>(
      `SELECT training_hours::text, required_training_hours::text, previous_certificate_number FROM enforcement.officer_certificate_renewal WHERE officer_id = 'off-renew'`,
    );
    expect(row).toEqual({ training_hours: '40.0', required_training_hours: '40.0', previous_certificate_number: 'ZF-0300' });
    const [event] = await host.query<{ envelope: { data: Record<string, unknown> } }>(`SELECT envelope FROM enforcement.outbox WHERE event_type = 'enforcement.officer.certified.v1' AND message_key = 'off-renew' ORDER BY seq DESC LIMIT 1`);
    expect(event.envelope.data).toMatchObject({ renewal: true, trainingHours: 40, requiredTrainingHours: 40, certificateNumber: 'ZF-0301' });
    expect((await post(`${officers}/nobody/certificate-renewal`, admin, { validUntil: '2035-12-31' })).status).toBe(404);
  });

  it('shows an officer their own entry and not a colleague’s', async () => {
    expect((await call(host, 'GET', `${officers}/off-1`, staff.officer)).status).toBe(200);
    expect((await call(host, 'GET', `${officers}/off-2`, staff.officer)).status).toBe(403);
    expect((await call(host, 'GET', `${officers}/off-2`, staff.auditor)).body).toMatchObject({ id: 'off-2', certificateNumber: 'ZF-0002' });
  });
});
