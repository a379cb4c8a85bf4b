import { Role } from '@civicflow/auth';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { startTestHost, type TestHost } from '@civicflow/testing';
import { EnforcementModule, enforcementVariables } from '../src';
import { call, type Staff, staffTokens } from './enforcement-host';

const complaints = '/api/v1/enforcement/officer-complaints';
const SUBMISSIONS_PER_WINDOW = 15;

/** The enforcement host with a small public-submission budget, so that the bound can be reached. */
async function startHost(): Promise<TestHost> {
  const host = await startTestHost({
    name: 'enforcement_officer_complaints',
    env: { RATE_LIMIT_INTAKE_POINTS: String(SUBMISSIONS_PER_WINDOW), RATE_LIMIT_INTAKE_WINDOW_SECONDS: '600' },
    boot: (env, listen) => {
      const configSchema = hostConfigSchema({ port: 3000, kafkaClientId: 'civicflow-enforcement-test', transport: 'in-process' }, enforcementVariables);
      return bootstrapHost(HostModule.forRoot({ name: 'enforcement', configSchema, env, services: [EnforcementModule] }), { title: 'enforcement', description: 'test', ...listen });
    },
  });
  await host.query(`INSERT INTO enforcement.officer (id, name, certificate_number, certificate_valid_until) VALUES ('off-1', '王立', 'ZF-0001', '2099-06-30'), ('sup-1', '孙强', 'ZF-0009', '2099-06-30')`);
  return host;
}

interface ComplaintBody {
  id: string;
  status: string;
  officerId: string;
  finding: string | null;
  complainant: { name: string | null; phone: string | null; email: string | null } | null;
  code?: string;
  message?: unknown;
}

describe('complaints from the public about officers (PostgreSQL)', () => {
  let host: TestHost;
  let staff: Staff;
  let admin: string;

  beforeAll(async () => {
    host = await startHost();
    staff = await staffTokens(host);
    admin = await host.tokenFor([Role.Admin], { sub: 'admin-1' });
  });

  afterAll(() => host?.close());

  const submit = async (body: unknown) => {
    const response = await host.request(complaints, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as ComplaintBody, retryAfter: response.headers.get('retry-after') };
  };
  const post = (path: string, token: string, body: unknown = {}) => call<ComplaintBody>(host, 'POST', path, token, body);
  const complaint = {
    certificateNumber: 'ZF-0001',
    description: 'The officer shouted at the stall keeper and kicked over the goods.',
    complainant: { name: '李华明', phone: '13912345678', email: 'lihua@example.org' },
  };

  it('takes a complaint without a token, links it to the officer, and never lets the contact out unmasked', async () => {
    const submitted = await submit(complaint);
    expect(submitted.status).toBe(201);
    expect(submitted.body).toEqual({ id: expect.any(String), status: 'submitted', submittedAt: expect.any(String) });

    const seen = await call<ComplaintBody>(host, 'GET', `${complaints}/${submitted.body.id}`, staff.supervisor);
    expect(seen.body).toMatchObject({ officerId: 'off-1', status: 'submitted', complainant: { name: '李**', phone: '139****5678', email: 'l***@example.org' } });
    const list = await call<{ items: ComplaintBody[] }>(host, 'GET', `${complaints}?officerId=off-1`, admin);
    expect(list.body.items.map((item) => item.id)).toContain(submitted.body.id);
    expect(JSON.stringify([seen.body, list.body])).not.toMatch(/李华明|13912345678|lihua@/);
    // Sealed at rest like a party's contact, and the database refuses a plaintext one.
    const [stored] = await host.query<Record<string, string>>(`SELECT complainant_name, complainant_phone, complainant_email FROM enforcement.officer_complaint WHERE id = $1`, [submitted.body.id]);
    expect(Object.values(stored).every((value) => value.startsWith('enc:v1:'))).toBe(true);
    expect(JSON.stringify(stored)).not.toMatch(/李华明|13912345678|lihua/);
    await expect(host.query(`UPDATE enforcement.officer_complaint SET complainant_phone = '13912345678' WHERE id = $1`, [submitted.body.id])).rejects.toThrow(/officer_complaint_complainant_phone_sealed/);
  });

  it('refuses what cannot be investigated with 400, naming the field, and gives no hint which officer ids exist', async () => {
    expect((await submit({ ...complaint, description: 'rude' })).body).toMatchObject({ statusCode: 400 });
    const noOfficer = await submit({ description: complaint.description });
    expect(noOfficer.status).toBe(400);
    expect(JSON.stringify(noOfficer.body)).toContain('certificateNumber');
    const unknownNumber = await submit({ ...complaint, certificateNumber: 'ZF-9999' });
    const unknownId = await submit({ description: complaint.description, officerId: 'off-9999' });
    expect(unknownNumber.body).toMatchObject({ statusCode: 400, code: 'unknown_officer' });
    expect(unknownId.body.message).toEqual(unknownNumber.body.message);
    expect((await submit({ ...complaint, complainant: { email: 'not-an-address' } })).status).toBe(400);
    expect((await submit({ ...complaint, occurredAt: new Date(Date.now() + 86_400_000).toISOString() })).status).toBe(400);
  });

  it('is investigated and concluded by a supervisor who is not the officer complained about, and announced without the complainant', async () => {
    const { body } = await submit({ ...complaint, description: 'The officer took goods without giving a list of them.' });
    const id = body.id;
    expect((await post(`${complaints}/${id}/conclusion`, staff.supervisor, { finding: 'substantiated', conclusion: 'x' })).body).toMatchObject({ statusCode: 409, code: 'not_investigated' });
    for (const token of [staff.officer, staff.auditor, admin]) expect((await post(`${complaints}/${id}/investigation`, token)).status).toBe(403);
    expect((await call(host, 'GET', `${complaints}/${id}`, staff.officer)).status).toBe(403);

    expect((await post(`${complaints}/${id}/investigation`, staff.supervisor, { note: 'Footage requested.' })).body).toMatchObject({ status: 'investigating', investigatedBy: 'sup-1' });
    expect((await post(`${complaints}/${id}/investigation`, staff.supervisor)).body).toMatchObject({ code: 'invalid_transition' });
    expect((await post(`${complaints}/${id}/conclusion`, staff.supervisor, { finding: 'maybe', conclusion: 'x' })).status).toBe(400);
    const concluded = await post(`${complaints}/${id}/conclusion`, staff.supervisor, { finding: 'substantiated', conclusion: 'Footage confirms it.' });
    expect(concluded.body).toMatchObject({ status: 'concluded', finding: 'substantiated', concludedBy: 'sup-1' });
    expect((await post(`${complaints}/${id}/conclusion`, staff.supervisor, { finding: 'not_substantiated', conclusion: 'x' })).body).toMatchObject({ code: 'already_concluded' });

    const events = await host.query<{ envelope: { data: Record<string, unknown> } }>(`SELECT envelope FROM enforcement.outbox WHERE event_type = 'enforcement.officer.complaint-concluded.v1'`);
    expect(events.map((event) => event.envelope.data)).toEqual([expect.objectContaining({ officerId: 'off-1', complaintId: id, finding: 'substantiated', concludedBy: 'sup-1' })]);
    expect(JSON.stringify(events)).not.toMatch(/李华明|13912345678|lihua|goods/);

    const aboutSupervisor = await submit({ ...complaint, certificateNumber: 'ZF-0009' });
    expect((await post(`${complaints}/${aboutSupervisor.body.id}/investigation`, staff.supervisor)).body).toMatchObject({ statusCode: 409, code: 'conflict_of_interest' });
  });

  it('bounds submissions per address with the platform intake limit', async () => {
    const statuses: number[] = [];
    let answer = await submit(complaint);
    for (let attempt = 0; attempt < SUBMISSIONS_PER_WINDOW && answer.status !== 429; attempt += 1) {
      statuses.push(answer.status);
      answer = await submit(complaint);
    }
    // The earlier tests used part of the budget; this one spends the rest and then some.
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set([201]));
    expect(answer.status).toBe(429);
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
  });
});
