import { Role } from '@civicflow/auth';
import type { TestHost } from '@civicflow/testing';
import { DeadlineWatch } from '../src/lifecycle/deadline-watch';
import { stagedEvents, startComplaintsHost } from './complaints-test-host';

interface Created {
  trackingCode: string;
  status: string;
  possibleDuplicates: Array<{ trackingCode: string; distanceMetres: number }>;
}

const SHANGHAI = { lat: 31.2304, lng: 121.4737 };

describe('the closed loop of a complaint, on PostgreSQL', () => {
  let host: TestHost;
  let tokens: Record<'operator' | 'supervisor' | 'officerA' | 'officerB' | 'auditor' | 'agentEcology' | 'agentHousing', string>;

  beforeAll(async () => {
    host = await startComplaintsHost('closed_loop');
    tokens = {
      operator: await host.tokenFor([Role.HotlineOperator], { sub: 'op-1' }),
      supervisor: await host.tokenFor([Role.Supervisor], { sub: 'sup-1' }),
      officerA: await host.tokenFor([Role.Officer], { sub: 'off-a' }),
      officerB: await host.tokenFor([Role.Officer], { sub: 'off-b' }),
      auditor: await host.tokenFor([Role.Auditor], { sub: 'aud-1' }),
      agentEcology: await host.tokenFor([Role.DepartmentAgent], { sub: 'eco-1', department: 'ecology-environment' }),
      agentHousing: await host.tokenFor([Role.DepartmentAgent], { sub: 'hou-1', department: 'housing-construction' }),
    };
  });

  afterAll(() => host?.close());

  const post = (path: string, body: unknown, token?: string) =>
    host.request(path, { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  async function submit(body: Record<string, unknown>): Promise<Created & { id: string }> {
    const response = await post('/api/v1/complaints', body);
    expect(response.status).toBe(201);
    const created = (await response.json()) as Created;
    const [row] = await host.query<{ id: string }>(`SELECT id FROM complaints.complaint WHERE tracking_code = $1`, [created.trackingCode]);
    return { ...created, id: row.id };
  }

  async function step(ref: string, name: string, token: string | undefined, body: unknown = {}): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await post(`/api/v1/complaints/${ref}/${name}`, body, token);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  describe('intake', () => {
    it('takes an anonymous web complaint: a tracking code, the public event in both versions, no reporter event', async () => {
      const created = await submit({ description: 'Stalls on the pavement', location: SHANGHAI, category: 'street-vending' });
      expect(created.trackingCode).toMatch(/^CF-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const types = (await stagedEvents(host, created.id)).map((event) => event.event_type);
      expect(types).toEqual(['complaints.complaint.received.v2', 'complaints.complaint.received.v1']);
      const [received] = await stagedEvents(host, created.id);
      expect(received.data).toMatchObject({ reporterAnonymous: true, mediaCount: 0, channel: 'web' });
    });

    it('takes an address-only complaint, published only as v2, which can say so', async () => {
      const created = await submit({ description: 'Garbage not collected', location: { address: 'Lane 12, Fuxing Road' }, reporter: { email: 'li@example.org' } });
      const events = await stagedEvents(host, created.id);
      expect(events.map((event) => event.event_type)).toEqual(['complaints.reporter.registered.v2', 'complaints.complaint.received.v2']);
      expect(events[1].data['location']).toEqual({ address: 'Lane 12, Fuxing Road' });
    });

    it('refuses a location with neither coordinates nor an address, naming the field', async () => {
      const response = await post('/api/v1/complaints', { description: 'Somewhere', location: {} });
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toMatch(/location\.lat/);
    });

    it('keeps the "hide my name" choice and never puts the name in a public event', async () => {
      const created = await submit({ description: 'Noise', location: SHANGHAI, reporter: { name: 'Zhang San', email: 'zs@example.org', hideName: true } });
      const [row] = await host.query<{ reporter_hide_name: boolean }>(`SELECT reporter_hide_name FROM complaints.complaint WHERE id = $1`, [created.id]);
      expect(row.reporter_hide_name).toBe(true);
      const publicEvents = (await stagedEvents(host, created.id)).filter((event) => !event.event_type.startsWith('complaints.reporter.'));
      expect(JSON.stringify(publicEvents)).not.toMatch(/Zhang San|zs@example/);
    });

    it('lets only hotline operators record calls, with the operator on the record and a phone-only caller reachable', async () => {
      const call = { description: '早上的菜摊占了半条路', location: SHANGHAI, caller: { phone: '+86 138 0013 8000' }, category: 'street-vending' };
      expect((await post('/api/v1/hotline/calls', call)).status).toBe(401);
      expect((await post('/api/v1/hotline/calls', call, tokens.officerA)).status).toBe(403);
      const response = await post('/api/v1/hotline/calls', call, tokens.operator);
      expect(response.status).toBe(201);
      const { trackingCode } = (await response.json()) as Created;
      const [row] = await host.query<{ id: string; channel: string; recorded_by: string; reporter_phone: string }>(
        `SELECT id, channel, recorded_by, reporter_phone FROM complaints.complaint WHERE tracking_code = $1`,
        [trackingCode],
      );
      expect(row).toMatchObject({ channel: 'hotline', recorded_by: 'op-1', reporter_phone: '+86 138 0013 8000' });
      const events = await stagedEvents(host, row.id);
      // v1 of the reporter event needs an e-mail address: a phone-only caller gets v2 alone.
      expect(events.map((event) => event.event_type)).toEqual(['complaints.reporter.registered.v2', 'complaints.complaint.received.v2', 'complaints.complaint.received.v1']);
      expect(events[0].data).toMatchObject({ phone: '+86 138 0013 8000', channel: 'hotline' });
    });
  });

  describe('duplicates', () => {
    it('suggests open complaints of the same category within 50 m, and not farther or of another category', async () => {
      const master = await submit({ description: 'Stall at the corner', location: { lat: 31.1, lng: 121.3 }, category: 'stall-occupying-road' });
      await submit({ description: 'Far stall', location: { lat: 31.1009, lng: 121.3 }, category: 'stall-occupying-road' }); // ~100 m north
      await submit({ description: 'Same spot, other problem', location: { lat: 31.1, lng: 121.3 }, category: 'graffiti' });
      const second = await submit({ description: 'Stall again', location: { lat: 31.1002, lng: 121.3 }, category: 'stall-occupying-road' }); // ~22 m
      expect(second.possibleDuplicates.map((candidate) => candidate.trackingCode)).toEqual([master.trackingCode]);
      expect(second.possibleDuplicates[0].distanceMetres).toBeGreaterThan(15);
      expect(second.possibleDuplicates[0].distanceMetres).toBeLessThan(30);
    });

    it("makes a duplicate follow its master's lifecycle, each reporter getting the events under their own complaint", async () => {
      const master = await submit({ description: 'Overflowing bins', location: { lat: 31.2, lng: 121.5 }, category: 'overflowing-bins', reporter: { email: 'a@example.org' } });
      const duplicate = await submit({ description: 'Bins full', location: { lat: 31.2001, lng: 121.5 }, category: 'overflowing-bins', reporter: { email: 'b@example.org' } });
      expect((await step(duplicate.trackingCode, 'duplicate-of', tokens.operator, { master: master.trackingCode })).status).toBe(200);
      expect((await step(duplicate.trackingCode, 'accept', tokens.operator)).body).toMatchObject({ code: 'is_duplicate' });
      expect((await step(master.trackingCode, 'accept', tokens.operator)).status).toBe(200);
      const [row] = await host.query<{ status: string; deadline_at: Date | null }>(`SELECT status, deadline_at FROM complaints.complaint WHERE id = $1`, [duplicate.id]);
      expect(row.status).toBe('accepted');
      expect(row.deadline_at).not.toBeNull();
      const types = (await stagedEvents(host, duplicate.id)).map((event) => event.event_type);
      expect(types).toEqual(expect.arrayContaining(['complaints.complaint.marked-duplicate.v1', 'complaints.complaint.accepted.v1', 'complaints.complaint.triaged.v1']));
    });

    it('refuses a duplicate of a duplicate and a duplicate of itself', async () => {
      const a = await submit({ description: 'x', location: SHANGHAI, category: 'graffiti' });
      const b = await submit({ description: 'y', location: SHANGHAI, category: 'graffiti' });
      const c = await submit({ description: 'z', location: SHANGHAI, category: 'graffiti' });
      expect((await step(a.trackingCode, 'duplicate-of', tokens.operator, { master: a.trackingCode })).body).toMatchObject({ code: 'own_duplicate' });
      await step(b.trackingCode, 'duplicate-of', tokens.operator, { master: a.trackingCode });
      expect((await step(c.trackingCode, 'duplicate-of', tokens.operator, { master: b.trackingCode })).body).toMatchObject({ code: 'master_is_duplicate' });
    });
  });

  describe('from acceptance to the rating', () => {
    it('goes through every step, refuses the handler as inspector, reopens on "not resolved" and ends evaluated', async () => {
      const { trackingCode, id } = await submit({ description: 'Stalls block the pavement', location: SHANGHAI, category: 'street-vending', reporter: { email: 'w@example.org' } });
      const accepted = await step(trackingCode, 'accept', tokens.operator, { street: 'Nanjing East Road Subdistrict' });
      expect(accepted.status).toBe(200);
      expect(Date.parse(accepted.body['deadlineAt'] as string)).toBeGreaterThan(Date.now());
      const rectification = { requirement: 'Move the stalls off the pavement.' };
      expect((await step(trackingCode, 'dispatch', tokens.officerA, { rectification })).status).toBe(403);
      expect((await step(trackingCode, 'dispatch', tokens.supervisor, { rectification })).body).toMatchObject({ status: 'dispatched' });
      expect((await step(trackingCode, 'start-handling', tokens.officerA)).body).toMatchObject({ status: 'in_handling' });
      expect((await step(trackingCode, 'handle', tokens.officerA, { reply: 'Moved to the night market.' })).body).toMatchObject({ status: 'handled' });
      expect((await step(trackingCode, 'verify', tokens.officerA, { passed: true })).body).toMatchObject({ code: 'verifier_is_handler' });
      expect((await step(trackingCode, 'verify', tokens.officerB, { passed: false, note: 'Still there at 19:00' })).body).toMatchObject({ status: 'in_handling' });
      await step(trackingCode, 'handle', tokens.officerA, { reply: 'Stalls removed, fence put up.' });
      expect((await step(trackingCode, 'verify', tokens.officerB, { passed: true })).body).toMatchObject({ status: 'verified' });
      expect((await step(trackingCode, 'close', tokens.supervisor)).body).toMatchObject({ status: 'closed' });

      expect((await step(trackingCode, 'rating', undefined, { score: 2, resolved: false, comment: 'They came back' })).body).toMatchObject({ status: 'reopened' });
      await step(trackingCode, 'dispatch', tokens.supervisor, { rectification: { requirement: 'Keep the pavement clear after 18:00.' } });
      await step(trackingCode, 'start-handling', tokens.officerA);
      await step(trackingCode, 'handle', tokens.officerA, { reply: 'Daily patrol at 18:00 now.' });
      await step(trackingCode, 'verify', tokens.officerB, { passed: true });
      await step(trackingCode, 'close', tokens.supervisor);
      expect((await step(trackingCode, 'rating', undefined, { score: 5, resolved: true })).body).toMatchObject({ status: 'evaluated' });

      const lifecycle = (await stagedEvents(host, id)).map((event) => event.event_type.replace(/^complaints\.complaint\./, '')).filter((type) => !type.startsWith('received') && !type.startsWith('complaints.reporter.'));
      expect(lifecycle).toEqual([
        'accepted.v1', 'triaged.v1', 'dispatched.v1', 'rectification-ordered.v1', 'handling-started.v1', 'handled.v1', 'verified.v1', 'handled.v1', 'verified.v1', 'closed.v1',
        'rated.v1', 'reopened.v1', 'dispatched.v1', 'rectification-ordered.v1', 'handling-started.v1', 'handled.v1', 'verified.v1', 'closed.v1', 'rated.v1',
      ]);
      const tracked = (await (await host.request(`/api/v1/complaints/${trackingCode}`)).json()) as { status: string; timeline: Array<{ type: string }> };
      expect(tracked.status).toBe('evaluated');
      expect(tracked.timeline.map((entry) => entry.type)).toContain('reopened');
    });

    it('refuses a step out of order with 409 and the code invalid_transition', async () => {
      const { trackingCode } = await submit({ description: 'x', location: SHANGHAI, category: 'graffiti' });
      const refused = await step(trackingCode, 'close', tokens.supervisor);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'invalid_transition' });
      expect(String(refused.body['message'])).toMatch(/received.*cannot be closed/);
    });

    it('needs a category to accept, and a known one', async () => {
      const { trackingCode } = await submit({ description: 'x', location: SHANGHAI });
      expect((await step(trackingCode, 'accept', tokens.operator)).body).toMatchObject({ code: 'category_required' });
      expect((await step(trackingCode, 'accept', tokens.operator, { category: 'no-such-thing' })).body).toMatchObject({ code: 'unknown_category' });
    });

    it('dispatches a management item with a numbered rectification notice due by its deadline, and only a management item', async () => {
      const management = await submit({ description: 'A stall set up on the pavement', location: SHANGHAI, category: 'stall-occupying-road' });
      await step(management.trackingCode, 'accept', tokens.operator);
      expect((await step(management.trackingCode, 'dispatch', tokens.supervisor)).body).toMatchObject({ code: 'rectification_required' });
      expect((await step(management.trackingCode, 'dispatch', tokens.supervisor, { rectification: { requirement: '' } })).status).toBe(400);
      expect((await step(management.trackingCode, 'dispatch', tokens.supervisor, { rectification: { requirement: 'Move the stall off the pavement.' } })).status).toBe(200);
      const [notice] = await host.query<{ number: string; rectify_by: Date; deadline_at: Date }>(
        `SELECT n.number, n.rectify_by, c.deadline_at FROM complaints.rectification_notice n JOIN complaints.complaint c ON c.id = n.complaint_id WHERE c.id = $1`,
        [management.id],
      );
      expect(notice.number).toMatch(/^ZG-20\d\d-\d{6}$/);
      expect(notice.rectify_by).toEqual(notice.deadline_at);
      const ordered = (await stagedEvents(host, management.id)).find((event) => event.event_type === 'complaints.complaint.rectification-ordered.v1');
      expect(ordered?.data).toMatchObject({ noticeNumber: notice.number, requirement: 'Move the stall off the pavement.' });

      const service = await submit({ description: 'Graffiti on the wall', location: SHANGHAI, category: 'graffiti' });
      await step(service.trackingCode, 'accept', tokens.operator);
      expect((await step(service.trackingCode, 'dispatch', tokens.supervisor, { rectification: { requirement: 'x' } })).body).toMatchObject({ code: 'rectification_not_applicable' });
    });

    it('rejects with a reason, and then nothing else can happen', async () => {
      const { trackingCode } = await submit({ description: 'x', location: SHANGHAI });
      expect((await step(trackingCode, 'reject', tokens.operator, { reason: 'Private compound' })).body).toMatchObject({ status: 'rejected' });
      expect((await step(trackingCode, 'accept', tokens.operator, { category: 'graffiti' })).status).toBe(409);
    });
  });

  describe('deadlines', () => {
    it('flags an item past its deadline once, escalating it to the supervisor', async () => {
      const { trackingCode, id } = await submit({ description: 'Manhole cover missing', location: SHANGHAI, category: 'manhole-cover-damaged' });
      await step(trackingCode, 'accept', tokens.operator);
      await host.query(`UPDATE complaints.complaint SET deadline_at = now() - interval '1 minute' WHERE id = $1`, [id]);
      const watch = host.app.get(DeadlineWatch);
      expect(await watch.scan()).toBeGreaterThanOrEqual(1);
      expect(await watch.scan()).toBe(0);
      const types = (await stagedEvents(host, id)).map((event) => event.event_type);
      expect(types.filter((type) => type === 'complaints.complaint.overdue.v1')).toHaveLength(1);
      expect(types).toContain('complaints.complaint.escalated.v1');
      const queue = await host.request('/api/v1/complaints?overdue=true&pageSize=100', { token: tokens.supervisor });
      expect(((await queue.json()) as { items: Array<{ trackingCode: string }> }).items.map((item) => item.trackingCode)).toContain(trackingCode);
    });
  });

  describe('the staff queue and the figures', () => {
    it('shows a department agent only what was routed to their department', async () => {
      const { trackingCode } = await submit({ description: 'Drilling at 23:00', location: SHANGHAI, category: 'night-construction-noise', reporter: { name: 'Chen Jing', phone: '13900139000' } });
      await step(trackingCode, 'accept', tokens.operator);
      const list = async (token: string) =>
        ((await (await host.request('/api/v1/complaints?pageSize=100', { token })).json()) as { items: Array<{ trackingCode: string }> }).items.map((item) => item.trackingCode);
      expect(await list(tokens.agentEcology)).toEqual([trackingCode]);
      expect(await list(tokens.agentHousing)).not.toContain(trackingCode);
      expect((await host.request(`/api/v1/complaints/${trackingCode}/detail`, { token: tokens.agentHousing })).status).toBe(404);
    });

    it('masks the reporter in the queue and shows the contact in full only to those who call back', async () => {
      const { trackingCode } = await submit({ description: 'x', location: SHANGHAI, reporter: { name: 'Chen Jing', email: 'chen.jing@example.org', phone: '13900139000' } });
      const page = (await (await host.request('/api/v1/complaints?status=received&pageSize=100', { token: tokens.officerA })).json()) as { items: Array<{ trackingCode: string; reporter: Record<string, string> }> };
      const item = page.items.find((candidate) => candidate.trackingCode === trackingCode);
      expect(JSON.stringify(item)).not.toMatch(/Chen Jing|chen\.jing@|13900139000/);
      const forOperator = (await (await host.request(`/api/v1/complaints/${trackingCode}/detail`, { token: tokens.operator })).json()) as { reporter: Record<string, string> };
      expect(forOperator.reporter).toMatchObject({ name: 'Chen Jing', phone: '13900139000' });
      const forOfficer = (await (await host.request(`/api/v1/complaints/${trackingCode}/detail`, { token: tokens.officerA })).json()) as { reporter: Record<string, string> };
      expect(forOfficer.reporter['phone']).not.toBe('13900139000');
    });

    it('refuses a bad queue filter with 400', async () => {
      expect((await host.request('/api/v1/complaints?pageSize=1000', { token: tokens.supervisor })).status).toBe(400);
      expect((await host.request('/api/v1/complaints?status=lost', { token: tokens.supervisor })).status).toBe(400);
    });

    it('gives the supervisor the rates and the 721 mix per handling unit', async () => {
      const from = new Date(Date.now() - 3_600_000).toISOString();
      const to = new Date(Date.now() + 3_600_000).toISOString();
      expect((await host.request(`/api/v1/complaint-statistics?from=${from}&to=${to}`, { token: tokens.officerA })).status).toBe(403);
      const response = await host.request(`/api/v1/complaint-statistics?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&groupBy=handlingUnit`, { token: tokens.supervisor });
      expect(response.status).toBe(200);
      const { rows } = (await response.json()) as { rows: Array<{ group: string | null; received: number; responseRate: number; satisfactionRate: number | null; mix721: Record<string, number> }> };
      const [counts] = await host.query<{ n: string }>(`SELECT count(*) AS n FROM complaints.complaint`);
      expect(rows.reduce((sum, row) => sum + row.received, 0)).toBe(Number(counts.n));
      const squad = rows.find((row) => row.group === 'street-order-squad');
      expect(squad?.mix721['management']).toBeGreaterThanOrEqual(1);
      const all = (await (await host.request(`/api/v1/complaint-statistics?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { token: tokens.auditor })).json()) as { rows: Array<{ satisfactionRate: number; responseRate: number }> };
      // The loop above rated 2 ("not resolved"), then 5 after reopening: a complaint counts by its latest rating.
      expect(all.rows[0].satisfactionRate).toBe(1);
      expect(all.rows[0].responseRate).toBeGreaterThan(0);
    });
  });
});
