import { Role } from '@civicflow/auth';
import type { TestHost } from '@civicflow/testing';
import { call, patrolFinding, sha, startEnforcementHost } from './enforcement-host';

const cases = '/api/v1/enforcement/cases';

interface CaseBody {
  id: string;
  state: string;
  department: string;
  code?: string;
  items?: Array<{ id: string; department: string }>;
}

describe('department scoping of case routes (PostgreSQL)', () => {
  let host: TestHost;
  const tokens: Record<string, string> = {};
  let eastCase: string;
  let westCase: string;

  beforeAll(async () => {
    host = await startEnforcementHost();
    tokens.eastOfficer = await host.tokenFor([Role.Officer], { sub: 'off-1', department: 'east-brigade' });
    tokens.eastSupervisor = await host.tokenFor([Role.Supervisor], { sub: 'sup-east', department: 'east-brigade' });
    tokens.westOfficer = await host.tokenFor([Role.Officer], { sub: 'off-2', department: 'west-brigade' });
    tokens.westSupervisor = await host.tokenFor([Role.Supervisor], { sub: 'sup-west', department: 'west-brigade' });
    tokens.westReviewer = await host.tokenFor([Role.LegalReviewer], { sub: 'legal-west', department: 'west-brigade' });
    tokens.unclaimedSupervisor = await host.tokenFor([Role.Supervisor], { sub: 'sup-0' });
    tokens.auditor = await host.tokenFor([Role.Auditor], { sub: 'aud-1' });
    tokens.admin = await host.tokenFor([Role.Admin], { sub: 'adm-1' });
    tokens.citizen = await host.tokenFor([Role.Citizen], { sub: 'c-1' });
    eastCase = (await call<CaseBody>(host, 'POST', cases, tokens.eastOfficer, patrolFinding())).body.id;
    westCase = (await call<CaseBody>(host, 'POST', cases, tokens.westOfficer, patrolFinding())).body.id;
  });

  afterAll(() => host?.close());

  const get = (path: string, token: string) => call<CaseBody>(host, 'GET', path, token);
  const post = (path: string, token: string, body: unknown = {}) => call<CaseBody>(host, 'POST', path, token, body);
  const listed = async (token: string) => ((await get(cases, token)).body.items ?? []).map((item) => item.id);

  it("files a patrol finding under the opening officer's department", async () => {
    expect((await get(`${cases}/${eastCase}`, tokens.eastOfficer)).body).toMatchObject({ department: 'east-brigade', state: 'registration_pending' });
    expect((await get(`${cases}/${westCase}`, tokens.westOfficer)).body).toMatchObject({ department: 'west-brigade' });
  });

  it("shows staff only their own department's cases, in the list and one by one", async () => {
    expect(await listed(tokens.eastOfficer)).toEqual([eastCase]);
    expect(await listed(tokens.westSupervisor)).toEqual([westCase]);
    expect(await listed(tokens.unclaimedSupervisor)).toEqual([]);
    const refused = await get(`${cases}/${westCase}`, tokens.eastOfficer);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'other_department' });
    expect((await get(`${cases}/${eastCase}`, tokens.unclaimedSupervisor)).status).toBe(403);
  });

  it("lets auditors and admins see every department's cases", async () => {
    for (const token of [tokens.auditor, tokens.admin]) {
      expect(await listed(token)).toEqual(expect.arrayContaining([eastCase, westCase]));
      expect((await get(`${cases}/${westCase}`, token)).status).toBe(200);
    }
  });

  it("refuses every step on another department's case, and leaves the case untouched", async () => {
    expect((await post(`${cases}/${eastCase}/register`, tokens.westSupervisor)).body.code).toBe('other_department');
    expect((await post(`${cases}/${eastCase}/officers`, tokens.westSupervisor, { officerIds: ['off-1', 'off-2'] })).status).toBe(403);
    expect((await post(`${cases}/${eastCase}/party`, tokens.westOfficer, { party: { kind: 'person', name: '王五' } })).status).toBe(403);
    expect((await post(`${cases}/${eastCase}/evidence`, tokens.westOfficer, { items: [{ kind: 'photo', sha256: sha('d') }] })).status).toBe(403);
    expect((await post(`${cases}/${eastCase}/legal-review`, tokens.westReviewer, { approved: true, opinion: 'x' })).status).toBe(403);
    expect((await get(`${cases}/${eastCase}`, tokens.eastOfficer)).body.state).toBe('registration_pending');
    expect((await post(`${cases}/${eastCase}/register`, tokens.eastSupervisor)).body.state).toBe('registered');
    expect((await post(`${cases}/${eastCase}/evidence`, tokens.eastOfficer, { items: [{ kind: 'photo', sha256: sha('d') }] })).body.state).toBe('investigating');
  });

  it('keeps role checks: auditors read but take no step, the public reads nothing', async () => {
    expect((await post(`${cases}/${westCase}/register`, tokens.auditor)).status).toBe(403);
    expect((await post(`${cases}/${westCase}/register`, tokens.admin)).status).toBe(403);
    expect((await get(cases, tokens.citizen)).status).toBe(403);
    expect((await get(`${cases}/${westCase}`, tokens.citizen)).status).toBe(403);
    expect((await post(cases, tokens.auditor, patrolFinding())).status).toBe(403);
  });

  it('answers 404 for an unknown case before any department check', async () => {
    expect((await get(`${cases}/0195a1b2-0000-7e5f-8a9b-00000000f00d`, tokens.eastOfficer)).status).toBe(404);
  });
  it("keeps a case's whole-process record and its electronic service to its department", async () => {
    const verifyWest = (token: string) => get(`${cases}/${westCase}/record/verify`, token);
    const refused = await verifyWest(tokens.eastSupervisor);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'other_department' });
    expect((await verifyWest(tokens.westSupervisor)).status).toBe(200);
    expect((await get(`${cases}/${westCase}/record/export`, tokens.auditor)).status).toBe(200);
    const serve = await post(`${cases}/${westCase}/electronic-service`, tokens.eastOfficer, { document: 'decision', consentSignedAt: new Date().toISOString(), email: 'party@example.org' });
    expect({ status: serve.status, code: serve.body.code }).toEqual({ status: 403, code: 'other_department' });
  });
});
