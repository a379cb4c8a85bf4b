import { randomUUID } from 'node:crypto';
import { Role } from '@civicflow/auth';
import { buildExampleEvent, type CloudEvent, type ComplaintRatedV1, ComplaintRatedV1Event, toBinaryMessage } from '@civicflow/contracts';
import { MESSAGE_BROKER, type MessageBroker } from '@civicflow/messaging';
import { type TestHost, waitFor } from '@civicflow/testing';
import { storeCase } from './accountability-fixtures';
import { call, type Staff, staffTokens, startEnforcementHost } from './enforcement-host';

interface ReportBody {
  id: string | null;
  items: Array<{ officerId: string; score: number | null; onTimeRate: number | null; decisions: number; changedOnReview: number; substantiatedComplaints: number; satisfaction: number | null; notAvailable: string[] }>;
  notes: string[];
  code?: string;
}

const assessments = '/api/v1/enforcement/assessments';
const quarter = { from: '2026-01-01', to: '2026-03-31' };

describe('the periodic assessment of officers (PostgreSQL)', () => {
  let host: TestHost;
  let staff: Staff;
  let admin: string;
  let onTimeCase: string;
  let lateCase: string;
  const complaintId = randomUUID();

  const rated = (score: number, at: string, eventId: string): CloudEvent<ComplaintRatedV1> => {
    const envelope = buildExampleEvent(ComplaintRatedV1Event);
    return { ...envelope, id: eventId, subject: complaintId, data: { ...envelope.data, complaintId, score, at } };
  };

  beforeAll(async () => {
    host = await startEnforcementHost();
    staff = await staffTokens(host);
    admin = await host.tokenFor([Role.Admin], { sub: 'admin-1' });
    // Decided 2026-01-10, 90 days allowed from 2025-11-01 (due 30 Jan): in time; served 2 days later: in time.
    onTimeCase = await storeCase(host, {
      officers: ['off-1', 'off-2'],
      source: 'complaint',
      sourceReference: complaintId,
      createdAt: '2025-10-30T02:00:00Z',
      registeredAt: '2025-11-01T02:00:00Z',
      decision: { at: '2026-01-10T02:00:00Z', outcome: 'penalty' },
      servedAt: '2026-01-12T02:00:00Z',
    });
    // Due 13 Feb, decided 1 March: late; never served, the service deadline (7 working days) passed: late.
    lateCase = await storeCase(host, {
      officers: ['off-1'],
      createdAt: '2025-11-14T02:00:00Z',
      registeredAt: '2025-11-15T02:00:00Z',
      decision: { at: '2026-03-01T02:00:00Z', outcome: 'penalty' },
    });
    // A case terminated before its decision owes none: not counted against anyone.
    await storeCase(host, { officers: ['off-2'], state: 'terminated', createdAt: '2025-11-01T02:00:00Z', registeredAt: '2025-11-02T02:00:00Z' });
    await host.query(
      `INSERT INTO enforcement.officer_complaint (id, officer_id, description, status, finding, conclusion, concluded_by, concluded_at, submitted_at)
       VALUES ($1, 'off-1', 'Rude to a vendor.', 'concluded', 'substantiated', 'Confirmed.', 'sup-1', '2026-02-10T02:00:00Z', '2026-02-01T02:00:00Z'),
              ($2, 'off-2', 'Rude to a vendor.', 'concluded', 'not_substantiated', 'Not confirmed.', 'sup-1', '2026-02-10T02:00:00Z', '2026-02-01T02:00:00Z')`,
      [randomUUID(), randomUUID()],
    );
  });

  afterAll(() => host?.close());

  const post = (path: string, token: string, body: unknown = {}) => call<ReportBody & Record<string, unknown>>(host, 'POST', path, token, body);

  it('records review and appeal outcomes of decided cases only, by a supervisor or legal reviewer', async () => {
    const outcome = { kind: 'reconsideration', result: 'changed', decidedOn: '2026-03-20', reference: '沪府复字〔2026〕第12号' };
    expect((await post(`/api/v1/enforcement/cases/${lateCase}/review-outcomes`, staff.officer, outcome)).status).toBe(403);
    expect((await post(`/api/v1/enforcement/cases/${lateCase}/review-outcomes`, staff.legalReviewer, outcome)).status).toBe(201);
    expect((await post(`/api/v1/enforcement/cases/${onTimeCase}/review-outcomes`, staff.supervisor, { ...outcome, kind: 'litigation', result: 'upheld' })).status).toBe(201);
    expect((await post(`/api/v1/enforcement/cases/${lateCase}/review-outcomes`, staff.supervisor, { ...outcome, result: 'reversed' })).status).toBe(400);
    expect((await post(`/api/v1/enforcement/cases/${lateCase}/review-outcomes`, staff.supervisor, { ...outcome, decidedOn: '2026-02-01' })).body).toMatchObject({ statusCode: 400, message: 'decidedOn: is before the decision under review' });
    const undecided = await storeCase(host, { officers: ['off-4'], createdAt: '2026-01-02T02:00:00Z', registeredAt: '2026-01-03T02:00:00Z' });
    expect((await post(`/api/v1/enforcement/cases/${undecided}/review-outcomes`, staff.supervisor, outcome)).body).toMatchObject({ statusCode: 409, code: 'case_not_decided' });
    const westSupervisor = await host.tokenFor([Role.Supervisor], { sub: 'sup-west', department: 'west-brigade' });
    expect((await post(`/api/v1/enforcement/cases/${lateCase}/review-outcomes`, westSupervisor, outcome)).body).toMatchObject({ statusCode: 403, code: 'other_department' });
    expect((await call(host, 'GET', `/api/v1/enforcement/cases/${lateCase}/review-outcomes`, westSupervisor)).status).toBe(403);
    const listed = await call<{ items: Array<{ result: string }> }>(host, 'GET', `/api/v1/enforcement/cases/${lateCase}/review-outcomes`, staff.auditor);
    expect(listed.body.items).toEqual([expect.objectContaining({ result: 'changed', recordedBy: 'legal-1' })]);
  });

  it("keeps reporters' latest rating of a complaint, whatever order the events arrive in", async () => {
    const broker = host.app.get<MessageBroker>(MESSAGE_BROKER);
    await broker.publish([{ topic: ComplaintRatedV1Event.topic, ...toBinaryMessage(rated(3, '2026-02-16T02:00:00Z', randomUUID())) }]);
    await broker.publish([{ topic: ComplaintRatedV1Event.topic, ...toBinaryMessage(rated(1, '2026-02-15T02:00:00Z', randomUUID())) }]);
    await waitFor(async () => {
      const [{ count }] = await host.query<{ count: string }>(`SELECT count(*) AS count FROM enforcement.inbox WHERE consumer_group = 'enforcement.satisfaction'`);
      return Number(count) >= 2 ? true : undefined;
    }, { what: 'both ratings processed' });
    expect(await host.query(`SELECT score FROM enforcement.complaint_rating WHERE complaint_id = $1`, [complaintId])).toEqual([{ score: 3 }]);
  });

  it('scores every officer from the record with the default weights, saying what was not available', async () => {
    const report = await call<ReportBody>(host, 'GET', `${assessments}?from=${quarter.from}&to=${quarter.to}`, staff.auditor);
    expect(report.status).toBe(200);
    const byOfficer = Object.fromEntries(report.body.items.map((item) => [item.officerId, item]));
    // off-1: 2 of 4 deadlines in time, 1 of 2 decisions changed, 1 substantiated complaint, rated 3 of 5:
    // 0.5×0.4 + 0.5×0.25 + 0.75×0.2 + 0.5×0.15 = 0.55.
    expect(byOfficer['off-1']).toMatchObject({ onTimeRate: 0.5, decisions: 2, changedOnReview: 1, substantiatedComplaints: 1, satisfaction: 3, score: 55, notAvailable: [] });
    // off-2: both deadlines in time, its decision unchanged, the complaint not substantiated: 0.4 + 0.25 + 0.2 + 0.5×0.15.
    expect(byOfficer['off-2']).toMatchObject({ onTimeRate: 1, decisions: 1, changedOnReview: 0, substantiatedComplaints: 0, satisfaction: 3, score: 92.5 });
    expect(byOfficer['off-3']).toMatchObject({ onTimeRate: null, satisfaction: null, score: null, notAvailable: ['onTime', 'reviews', 'satisfaction'] });
    expect(report.body.notes.join(' ')).toMatch(/satisfaction.*not available/);
    // Outside the quarter nothing of this counts.
    const before = await call<ReportBody>(host, 'GET', `${assessments}?from=2025-07-01&to=2025-09-30`, staff.supervisor);
    expect(before.body.items.find((item) => item.officerId === 'off-1')).toMatchObject({ onTimeRate: null, decisions: 0, substantiatedComplaints: 0 });
  });

  it('exports the report as CSV', async () => {
    const response = await host.request(`${assessments}?from=${quarter.from}&to=${quarter.to}&format=csv`, { token: staff.supervisor });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('period_from,period_to,officer_id,certificate_number,score,on_time_rate,decisions,changed_on_review,substantiated_complaints,satisfaction,not_available');
    expect(lines).toContain('2026-01-01,2026-03-31,off-1,ZF-0001,55,0.5,2,1,1,3,');
    expect(lines).toHaveLength(5);
  });

  it('publishes the report of an ended period once, announcing each officer’s result, for supervisors and admins only', async () => {
    expect((await post(assessments, staff.auditor, quarter)).status).toBe(403);
    expect((await post(assessments, staff.officer, quarter)).status).toBe(403);
    expect((await call(host, 'GET', `${assessments}?from=${quarter.from}&to=${quarter.to}`, staff.officer)).status).toBe(403);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await post(assessments, admin, { from: '2026-01-01', to: today })).body).toMatchObject({ statusCode: 409, code: 'period_not_ended' });
    expect((await post(assessments, admin, { from: '2026-03-31', to: '2026-01-01' })).status).toBe(400);

    const published = await post(assessments, staff.supervisor, quarter);
    expect(published.status).toBe(201);
    expect(published.body.id).toEqual(expect.any(String));
    expect((await post(assessments, admin, quarter)).body).toMatchObject({ statusCode: 409, code: 'assessment_already_published' });

    const events = await host.query<{ message_key: string; envelope: { data: Record<string, unknown> } }>(`SELECT message_key, envelope FROM enforcement.outbox WHERE event_type = 'enforcement.officer.assessed.v1' ORDER BY message_key`);
    expect(events.map((event) => event.message_key)).toEqual(['off-1', 'off-2', 'off-3', 'off-4']);
    expect(events[0].envelope.data).toMatchObject({ reportId: published.body.id, periodFrom: '2026-01-01', periodTo: '2026-03-31', score: 55, publishedBy: 'sup-1' });

    const list = await call<{ items: Array<{ id: string }> }>(host, 'GET', `${assessments}/published`, staff.auditor);
    expect(list.body.items.map((item) => item.id)).toEqual([published.body.id]);
    const stored = await call<ReportBody>(host, 'GET', `${assessments}/published/${String(published.body.id)}`, staff.auditor);
    expect(stored.body.items.find((item) => item.officerId === 'off-1')).toMatchObject({ score: 55 });
  });
});
