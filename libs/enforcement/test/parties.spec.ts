import type { TestHost } from '@civicflow/testing';
import { PartyRegister } from '../src/parties/party-register';
import { call, patrolFinding, type Staff, staffTokens, startEnforcementHost } from './enforcement-host';

const cases = '/api/v1/enforcement/cases';
const parties = '/api/v1/enforcement/parties';
const PLAINTEXT = /张伟明|310101199001011234|13912345678|Fuxing/;

describe('parties: sealed at rest, one per identity number, masked on the way out (PostgreSQL)', () => {
  let host: TestHost;
  let staff: Staff;

  beforeAll(async () => {
    host = await startEnforcementHost();
    staff = await staffTokens(host);
  });

  afterAll(() => host?.close());

  const open = async (overrides: Record<string, unknown> = {}) => {
    const opened = await call<{ id: string; party: { id: string; idNumber: string; phone: string; name: string } }>(host, 'POST', cases, staff.officer, patrolFinding(overrides));
    expect(opened.status).toBe(201);
    return opened.body;
  };
  const partyRow = (id: string) => host.query<{ id_number: string; phone: string; address: string; id_index: string; name: string }>(`SELECT * FROM enforcement.party WHERE id = $1`, [id]);

  it('stores identity number, phone and address only sealed, and never returns or publishes them in clear', async () => {
    const opened = await open();
    const [row] = await partyRow(opened.party.id);
    for (const value of [row.id_number, row.phone, row.address]) expect(value).toMatch(/^enc:v1:/);
    expect(JSON.stringify(row)).not.toMatch(/310101199001011234|13912345678|Fuxing/);
    expect(row.id_index).toEqual(expect.any(String));

    const party = await call(host, 'GET', `${parties}/${opened.party.id}`, staff.auditor);
    expect(party.body).toEqual({ id: opened.party.id, kind: 'person', name: '张**', idNumber: '310***********1234', phone: '139****5678' });
    expect(JSON.stringify(opened)).not.toMatch(PLAINTEXT);
    await call(host, 'POST', `${cases}/${opened.id}/register`, staff.supervisor, {});
    const outbox = await host.query(`SELECT envelope FROM enforcement.outbox WHERE message_key = $1`, [opened.id]);
    expect(outbox.length).toBeGreaterThan(0);
    expect(JSON.stringify(outbox)).not.toMatch(PLAINTEXT);
    const record = await host.query(`SELECT * FROM enforcement.case_record WHERE case_id = $1`, [opened.id]);
    expect(JSON.stringify(record)).not.toMatch(PLAINTEXT);
  });

  it('refuses plaintext in the database itself', async () => {
    await expect(
      host.query(`INSERT INTO enforcement.party (id, kind, name, id_number, created_at) VALUES ('0195a1b2-0000-7e5f-8a9b-00000000beef', 'person', 'x', '310101199001011234', now())`),
    ).rejects.toThrow(/party_sealed/);
  });

  it('keeps one party per person or business, however the identity number is typed, with the newest contact details', async () => {
    const first = await open({ party: { kind: 'person', name: '何静', idNumber: '11010119880808777x', phone: '13700000001' } });
    const second = await open({ party: { kind: 'person', name: '何静', idNumber: '11010119880808777X', phone: '13700000002' } });
    expect(second.party.id).toBe(first.party.id);
    expect(second.party.phone).toBe('137****0002');
    const [{ count }] = await host.query<{ count: string }>(`SELECT count(*) AS count FROM enforcement.party WHERE id = $1`, [first.party.id]);
    expect(Number(count)).toBe(1);
    // The same number of an organisation is another party; no number, no de-duplication.
    const organisation = await open({ party: { kind: 'organisation', name: '某某公司', idNumber: '11010119880808777X' } });
    expect(organisation.party.id).not.toBe(first.party.id);
    const anonymous = [await open({ party: { kind: 'person', name: '无名' } }), await open({ party: { kind: 'person', name: '无名' } })];
    expect(anonymous[0].party.id).not.toBe(anonymous[1].party.id);
    // A party identified later on a case from the same person joins the same party.
    const later = await open({ party: { kind: 'person', name: '何静', idNumber: '110101198808087770' } });
    const identified = await call<{ party: { id: string } }>(host, 'POST', `${cases}/${later.id}/party`, staff.officer, { party: { kind: 'person', name: '何静', idNumber: '11010119880808777X' } });
    expect(identified.body.party.id).toBe(first.party.id);
  });

  it("lists a party's violations by category, and validates the query", async () => {
    const opened = await open({ party: { kind: 'person', name: '林涛', idNumber: '110101197707076666' } });
    expect((await call<{ items: unknown[] }>(host, 'GET', `${parties}/${opened.party.id}/violations`, staff.officer)).body).toEqual({ partyId: opened.party.id, items: [] });
    await call(host, 'POST', `${cases}/${opened.id}/summary-decision`, staff.officer, { penalty: { warning: true, fineCny: 0, measures: [] }, presentOfficerIds: ['off-1', 'off-2'], legalBasis: 'Art. 24' });
    const all = await call<{ items: Array<Record<string, unknown>> }>(host, 'GET', `${parties}/${opened.party.id}/violations`, staff.officer);
    expect(all.body.items).toEqual([{ caseId: opened.id, category: 'street-vending', violationAt: expect.any(String), state: 'decided', outcome: 'penalty', decidedAt: expect.any(String) }]);
    expect((await call<{ items: unknown[] }>(host, 'GET', `${parties}/${opened.party.id}/violations?category=littering`, staff.officer)).body.items).toEqual([]);
    expect((await call(host, 'GET', `${parties}/${opened.party.id}/violations?category=${'x'.repeat(101)}`, staff.officer)).status).toBe(400);
    expect((await call(host, 'GET', `${parties}/0195a1b2-0000-7e5f-8a9b-00000000dead/violations`, staff.officer)).status).toBe(404);
    expect((await call(host, 'GET', `${parties}/not-a-uuid`, staff.officer)).status).toBe(400);
    const citizen = await host.tokenFor(['citizen'], { sub: 'c-1' });
    expect((await call(host, 'GET', `${parties}/${opened.party.id}/violations`, citizen)).status).toBe(403);
  });

  it('seals rows stored in plaintext before sealing, at start-up', async () => {
    await host.query(`ALTER TABLE enforcement.party DROP CONSTRAINT party_sealed`);
    const id = '0195a1b2-0000-7e5f-8a9b-00000000cafe';
    await host.query(`INSERT INTO enforcement.party (id, kind, name, id_number, phone, created_at) VALUES ($1, 'person', '老数据', '110101196606065555', '13600000000', now())`, [id]);
    await host.query(
      `ALTER TABLE enforcement.party ADD CONSTRAINT party_sealed CHECK ((id_number IS NULL OR id_number LIKE 'enc:v1:%') AND (phone IS NULL OR phone LIKE 'enc:v1:%') AND (address IS NULL OR address LIKE 'enc:v1:%')) NOT VALID`,
    );
    await host.app.get(PartyRegister).onApplicationBootstrap();
    const [row] = await partyRow(id);
    expect(row.id_number).toMatch(/^enc:v1:/);
    expect(row.phone).toMatch(/^enc:v1:/);
    expect(row.id_index).toEqual(expect.any(String));
    expect((await call(host, 'GET', `${parties}/${id}`, staff.officer)).body).toMatchObject({ idNumber: '110***********5555', phone: '136****0000' });
    const again = await open({ party: { kind: 'person', name: '老数据', idNumber: '110101196606065555' } });
    expect(again.party.id).toBe(id);
  });
});
