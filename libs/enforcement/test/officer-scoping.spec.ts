import { Role } from '@civicflow/auth';
import type { TestHost } from '@civicflow/testing';
import { call, startEnforcementHost } from './enforcement-host';

const officers = '/api/v1/enforcement/officers';
const complaints = '/api/v1/enforcement/officer-complaints';

interface Body {
  id?: string;
  code?: string;
  department?: string | null;
  items?: Array<{ id?: string; officerId?: string }>;
}

/** A brigade's supervisor oversees their own brigade's officers: entry, renewal, complaints about them, assessment. */
describe('department scoping of officers (PostgreSQL)', () => {
  let host: TestHost;
  const tokens: Record<string, string> = {};
  let westComplaint: string;

  beforeAll(async () => {
    host = await startEnforcementHost();
    tokens.admin = await host.tokenFor([Role.Admin], { sub: 'adm-1' });
    tokens.auditor = await host.tokenFor([Role.Auditor], { sub: 'aud-1' });
    tokens.eastSupervisor = await host.tokenFor([Role.Supervisor], { sub: 'sup-east', department: 'east-brigade' });
    tokens.westSupervisor = await host.tokenFor([Role.Supervisor], { sub: 'sup-west', department: 'west-brigade' });
    const enter = (id: string, number: string, department: string) =>
      call<Body>(host, 'POST', officers, tokens.admin, { id, name: '测试', certificateNumber: number, certificateValidUntil: '2099-12-31', department });
    expect((await enter('off-east', 'ZF-1001', 'east-brigade')).body.department).toBe('east-brigade');
    expect((await enter('off-west', 'ZF-1002', 'west-brigade')).status).toBe(201);
    const submitted = await host.request(complaints, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ certificateNumber: 'ZF-1002', description: 'Rude to the stall keeper.', complainant: { name: '李华明', phone: '13912345678' } }),
    });
    westComplaint = ((await submitted.json()) as Body).id ?? '';
  });

  afterAll(() => host?.close());

  it("lets a supervisor enter and renew only their own brigade's officers; admins any", async () => {
    const entered = await call<Body>(host, 'POST', officers, tokens.eastSupervisor, { id: 'off-x', name: '测试', certificateNumber: 'ZF-1003', certificateValidUntil: '2099-12-31', department: 'west-brigade' });
    expect({ status: entered.status, code: entered.body.code }).toEqual({ status: 403, code: 'other_department' });
    expect((await call(host, 'POST', officers, tokens.eastSupervisor, { id: 'off-y', name: '测试', certificateNumber: 'ZF-1004', certificateValidUntil: '2099-12-31', department: 'east-brigade' })).status).toBe(201);
    const renewed = await call<Body>(host, 'POST', `${officers}/off-west/certificate-renewal`, tokens.eastSupervisor, { validUntil: '2100-12-31' });
    expect({ status: renewed.status, code: renewed.body.code }).toEqual({ status: 403, code: 'other_department' });
  });

  it("shows and lets a supervisor handle complaints about their own brigade's officers only", async () => {
    const listed = async (token: string) => ((await call<Body>(host, 'GET', complaints, token)).body.items ?? []).map((item) => item.id);
    expect(await listed(tokens.eastSupervisor)).not.toContain(westComplaint);
    expect(await listed(tokens.westSupervisor)).toContain(westComplaint);
    expect(await listed(tokens.auditor)).toContain(westComplaint);
    const seen = await call<Body>(host, 'GET', `${complaints}/${westComplaint}`, tokens.eastSupervisor);
    expect({ status: seen.status, code: seen.body.code }).toEqual({ status: 403, code: 'other_department' });
    expect((await call<Body>(host, 'POST', `${complaints}/${westComplaint}/investigation`, tokens.eastSupervisor, {})).status).toBe(403);
    expect((await call(host, 'POST', `${complaints}/${westComplaint}/investigation`, tokens.westSupervisor, { note: 'Footage requested.' })).status).toBe(200);
  });

  it("gives a supervisor the assessment of their own brigade's officers, auditors the whole bureau", async () => {
    const officersIn = async (token: string) => ((await call<Body>(host, 'GET', '/api/v1/enforcement/assessments?from=2026-01-01&to=2026-03-31', token)).body.items ?? []).map((item) => item.officerId);
    expect((await officersIn(tokens.eastSupervisor)).sort()).toEqual(['off-east', 'off-y']);
    expect(await officersIn(tokens.auditor)).toEqual(expect.arrayContaining(['off-east', 'off-west', 'off-1']));
  });
});
