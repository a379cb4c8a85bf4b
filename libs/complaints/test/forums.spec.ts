import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { issueDevelopmentToken, Role } from '@civicflow/auth';
import { DEVELOPMENT_JWT_SECRET } from '@civicflow/config';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import type { TestHost } from '@civicflow/testing';
import { ComplaintsModule, complaintsVariables } from '../src';
import { checkCharacterOf } from '../src/merchants/domain/unified-social-credit-code';
import { stagedEvents, startComplaintsHost } from './complaints-test-host';

interface Merchant {
  sub: string;
  token: string;
  id: string;
}

interface ForumBody {
  id: string;
  status: string;
  minutes: string | null;
  invitees: { merchantId: string; attended: boolean | null }[];
  actionItems: { id: string; status: string; answer: string | null }[];
}

interface RequestBody {
  id: string;
  status: string;
  discussedAtForumId: string | null;
  answer: string | null;
}

const HOUR_MS = 60 * 60 * 1000;

describe('merchant forums (座谈会)', () => {
  let host: TestHost;
  let supervisor: string;
  let officer: string;
  let otherOfficer: string;
  let admin: string;
  /** Renmin Road: two caterers and a shop; Bridge Street: a caterer. */
  let renminCaterer: Merchant;
  let renminCaterer2: Merchant;
  let renminShop: Merchant;
  let bridgeCaterer: Merchant;

  const send = (method: string, path: string, token: string, body: unknown) =>
    host.request(path, { method, token, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const post = (path: string, token: string, body: unknown) => send('POST', path, token, body);
  const get = (path: string, token: string) => host.request(path, { token });

  let licenceSequence = 100;
  async function registerMerchant(sub: string, street: string, trade: string): Promise<Merchant> {
    const token = await host.tokenFor([Role.Merchant], { sub });
    const first17 = `91350100${String(licenceSequence++).padStart(9, '0')}`;
    const response = await post('/api/v1/merchants', token, {
      businessName: `${sub} Ltd`,
      licenceNumber: first17 + checkCharacterOf(first17),
      contactPerson: '陈静',
      phone: '13655556666',
      email: `${sub}@example.org`,
      street,
      trade,
    });
    expect(response.status).toBe(201);
    return { sub, token, id: ((await response.json()) as { id: string }).id };
  }

  async function schedule(invite: { streets?: string[]; trades?: string[] }, startsAt = new Date(Date.now() - HOUR_MS)): Promise<ForumBody> {
    const response = await post('/api/v1/forums', supervisor, { title: 'Night market hours', topic: 'Opening hours and waste', startsAt: startsAt.toISOString(), place: 'Sub-district office, room 2', invite });
    expect(response.status).toBe(201);
    return (await response.json()) as ForumBody;
  }

  async function submitRequest(merchant: Merchant, subject: string): Promise<RequestBody> {
    const response = await post('/api/v1/merchants/me/requests', merchant.token, { kind: 'request', subject, text: subject });
    expect(response.status).toBe(201);
    return (await response.json()) as RequestBody;
  }

  const invitedIds = (forum: ForumBody) => forum.invitees.map((invitee) => invitee.merchantId).sort();

  beforeAll(async () => {
    host = await startComplaintsHost('forums');
    [supervisor, officer, otherOfficer, admin] = await Promise.all([
      host.tokenFor([Role.Supervisor], { sub: 'supervisor-7' }),
      host.tokenFor([Role.Officer], { sub: 'officer-41' }),
      host.tokenFor([Role.Officer], { sub: 'officer-42' }),
      host.tokenFor([Role.Admin], { sub: 'admin-1' }),
    ]);
    renminCaterer = await registerMerchant('renmin-caterer', 'Renmin Road', 'catering');
    renminCaterer2 = await registerMerchant('renmin-caterer-2', 'Renmin Road', 'catering');
    renminShop = await registerMerchant('renmin-shop', 'Renmin Road', 'retail');
    bridgeCaterer = await registerMerchant('bridge-caterer', 'Bridge Street', 'catering');
  });

  afterAll(() => host?.close());

  describe('scheduling', () => {
    it('invites exactly the merchants of the street and names them in the scheduled event', async () => {
      const forum = await schedule({ streets: ['Renmin Road'] });
      const renmin = [renminCaterer.id, renminCaterer2.id, renminShop.id].sort();
      expect(invitedIds(forum)).toEqual(renmin);
      expect(forum.status).toBe('scheduled');

      const rows = await host.query<{ merchant_id: string }>('SELECT merchant_id FROM complaints.forum_invitation WHERE forum_id = $1 ORDER BY merchant_id', [forum.id]);
      expect(rows.map((row) => row.merchant_id)).toEqual(renmin);
      const events = await stagedEvents(host, forum.id);
      expect(events).toEqual([
        {
          event_type: 'complaints.forum.scheduled.v1',
          message_key: forum.id,
          data: expect.objectContaining({ forumId: forum.id, invitation: { streets: ['Renmin Road'], trades: [] }, scheduledBy: 'supervisor-7' }),
        },
      ]);
      expect([...(events[0]?.data['invitedMerchantIds'] as string[])].sort()).toEqual(renmin);
    });

    it('invites the merchants matching both the streets and the trades', async () => {
      expect(invitedIds(await schedule({ streets: ['Renmin Road'], trades: ['catering'] }))).toEqual([renminCaterer.id, renminCaterer2.id].sort());
      expect(invitedIds(await schedule({ trades: ['catering'] }))).toEqual([renminCaterer.id, renminCaterer2.id, bridgeCaterer.id].sort());
    });

    it('wants a street or a trade, a time with its zone and the supervisor role', async () => {
      const noCriteria = await post('/api/v1/forums', supervisor, { title: 'T', topic: 'T', startsAt: '2026-03-15T14:00:00+08:00', place: 'P', invite: { streets: [] } });
      expect(noCriteria.status).toBe(400);
      expect(await noCriteria.json()).toMatchObject({ code: 'invalid_request', message: ['invite must name at least one street or trade'] });

      const noZone = await post('/api/v1/forums', supervisor, { title: 'T', topic: 'T', startsAt: '2026-03-15 14:00', place: 'P', invite: { streets: [''] } });
      expect(noZone.status).toBe(400);
      expect(((await noZone.json()) as { message: string[] }).message).toEqual(
        expect.arrayContaining([expect.stringMatching(/^startsAt must be a date-time with a time zone/), 'invite.streets must hold names of 1 to 100 characters']),
      );

      for (const token of [officer, admin, renminCaterer.token]) {
        expect((await post('/api/v1/forums', token, { title: 'T', topic: 'T', startsAt: '2026-03-15T14:00:00Z', place: 'P', invite: { streets: ['Renmin Road'] } })).status).toBe(403);
      }
    });
  });

  describe('attendance and minutes', () => {
    it('records who of the invitees came, and the minutes with the attendance count in the held event', async () => {
      const forum = await schedule({ streets: ['Renmin Road'] });
      const stranger = await send('PUT', `/api/v1/forums/${forum.id}/attendance`, officer, { attendedMerchantIds: [renminCaterer.id, bridgeCaterer.id] });
      expect(stranger.status).toBe(409);
      expect(await stranger.json()).toMatchObject({ code: 'merchant_not_invited', message: expect.stringContaining(bridgeCaterer.id) });

      const recorded = await send('PUT', `/api/v1/forums/${forum.id}/attendance`, officer, { attendedMerchantIds: [renminCaterer.id, renminShop.id] });
      expect(recorded.status).toBe(200);
      const attended = Object.fromEntries(((await recorded.json()) as ForumBody).invitees.map((invitee) => [invitee.merchantId, invitee.attended]));
      expect(attended).toEqual({ [renminCaterer.id]: true, [renminShop.id]: true, [renminCaterer2.id]: false });

      const held = await post(`/api/v1/forums/${forum.id}/minutes`, officer, { minutes: 'Agreed: opening at 18:00 from April.' });
      expect(held.status).toBe(200);
      expect(await held.json()).toMatchObject({ status: 'held', minutes: 'Agreed: opening at 18:00 from April.' });
      const heldEvent = (await stagedEvents(host, forum.id)).find((event) => event.event_type === 'complaints.forum.held.v1');
      expect(heldEvent?.data).toMatchObject({ forumId: forum.id, minutes: 'Agreed: opening at 18:00 from April.', invitedCount: 3, attendanceCount: 2, recordedBy: 'officer-41' });

      const again = await post(`/api/v1/forums/${forum.id}/minutes`, officer, { minutes: 'Other minutes' });
      expect(again.status).toBe(409);
      expect(await again.json()).toMatchObject({ code: 'forum_already_held' });
      const late = await send('PUT', `/api/v1/forums/${forum.id}/attendance`, officer, { attendedMerchantIds: [] });
      expect(late.status).toBe(409);
      expect(await late.json()).toMatchObject({ code: 'forum_already_held' });
    });

    it('refuses minutes before the forum has started', async () => {
      const forum = await schedule({ streets: ['Bridge Street'] }, new Date(Date.now() + 24 * HOUR_MS));
      const early = await post(`/api/v1/forums/${forum.id}/minutes`, officer, { minutes: 'Too early' });
      expect(early.status).toBe(409);
      expect(await early.json()).toMatchObject({ code: 'forum_not_started' });
      expect((await stagedEvents(host, forum.id)).map((event) => event.event_type)).toEqual(['complaints.forum.scheduled.v1']);
    });

    it('answers 404 for an unknown forum and 400 for an id that is not one', async () => {
      const unknown = await post('/api/v1/forums/0194f3c0-3c4d-7e5f-8a6b-7c8d9e0f1a2b/minutes', officer, { minutes: 'M' });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: 'forum_not_found' });
      expect((await get('/api/v1/forums/forum-1', officer)).status).toBe(400);
    });
  });

  describe('action items', () => {
    let forum: ForumBody;
    let renminRequest: RequestBody;
    let bridgeRequest: RequestBody;
    let actionItemId: string;

    beforeAll(async () => {
      forum = await schedule({ streets: ['Renmin Road'] });
      renminRequest = await submitRequest(renminCaterer, 'A waste point at the east end');
      // Bridge Street was not invited, but its request is on the same subject and is taken up.
      bridgeRequest = await submitRequest(bridgeCaterer, 'Waste collection after 22:00');
    });

    it('refuses raisers who were not invited, unknown and answered requests, and an empty item', async () => {
      const item = { text: 'Find a waste point', ownerStaffId: 'officer-41', dueDate: '2026-03-31' };
      const notInvited = await post(`/api/v1/forums/${forum.id}/action-items`, officer, { ...item, raisedByMerchantIds: [bridgeCaterer.id] });
      expect(notInvited.status).toBe(409);
      expect(await notInvited.json()).toMatchObject({ code: 'merchant_not_invited' });

      const unknownRequest = await post(`/api/v1/forums/${forum.id}/action-items`, officer, { ...item, merchantRequestIds: ['0194f3b0-1a2b-7c3d-8e4f-5a6b7c8d9e0f'] });
      expect(unknownRequest.status).toBe(404);
      expect(await unknownRequest.json()).toMatchObject({ code: 'merchant_request_not_found' });

      const answered = await submitRequest(renminShop, 'Already settled');
      expect((await post(`/api/v1/merchant-requests/${answered.id}/answer`, officer, { answer: 'Done.' })).status).toBe(200);
      const takenUpAnswered = await post(`/api/v1/forums/${forum.id}/action-items`, officer, { ...item, merchantRequestIds: [answered.id] });
      expect(takenUpAnswered.status).toBe(409);
      expect(await takenUpAnswered.json()).toMatchObject({ code: 'merchant_request_already_answered' });

      const empty = await post(`/api/v1/forums/${forum.id}/action-items`, officer, item);
      expect(empty.status).toBe(400);
      const badDate = await post(`/api/v1/forums/${forum.id}/action-items`, officer, { ...item, dueDate: '2026-02-30', raisedByMerchantIds: [renminShop.id] });
      expect(badDate.status).toBe(400);
      expect(await badDate.json()).toMatchObject({ message: ['dueDate must be a real date'] });

      expect(((await (await get(`/api/v1/forums/${forum.id}`, officer)).json()) as ForumBody).actionItems).toEqual([]);
    });

    it('takes up the linked requests, which their merchants see discussed at the forum', async () => {
      const response = await post(`/api/v1/forums/${forum.id}/action-items`, officer, {
        text: 'Find a shared waste point at the east end of the night market',
        ownerStaffId: 'officer-41',
        dueDate: '2026-03-31',
        raisedByMerchantIds: [renminCaterer2.id],
        merchantRequestIds: [renminRequest.id, bridgeRequest.id],
      });
      expect(response.status).toBe(201);
      const item = (await response.json()) as { id: string; status: string; raisedByMerchantIds: string[]; merchantRequestIds: string[] };
      expect(item).toMatchObject({ status: 'open', raisedByMerchantIds: [renminCaterer2.id], merchantRequestIds: [renminRequest.id, bridgeRequest.id].sort() });
      actionItemId = item.id;

      const bridgeView = (await (await get(`/api/v1/merchants/me/requests/${bridgeRequest.id}`, bridgeCaterer.token)).json()) as RequestBody;
      expect(bridgeView).toMatchObject({ status: 'discussed', discussedAtForumId: forum.id, answer: null });
    });

    it('lets only the owner or a supervisor answer', async () => {
      const notOwner = await post(`/api/v1/forums/${forum.id}/action-items/${actionItemId}/answer`, otherOfficer, { answer: 'Not mine to say' });
      expect(notOwner.status).toBe(403);
      expect(await notOwner.json()).toMatchObject({ code: 'not_action_item_owner' });
      for (const token of [admin, renminCaterer.token]) {
        expect((await post(`/api/v1/forums/${forum.id}/action-items/${actionItemId}/answer`, token, { answer: 'No' })).status).toBe(403);
      }
      const elsewhere = await post(`/api/v1/forums/${(await schedule({ trades: ['retail'] })).id}/action-items/${actionItemId}/answer`, officer, { answer: 'Wrong forum' });
      expect(elsewhere.status).toBe(404);
      expect(await elsewhere.json()).toMatchObject({ code: 'action_item_not_found' });
    });

    it('answers the linked requests and names every merchant who raised the item in its event', async () => {
      const answer = 'A collection point opens at the east end on 1 April, emptied at 23:00.';
      const response = await post(`/api/v1/forums/${forum.id}/action-items/${actionItemId}/answer`, officer, { answer });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'answered', answer, answeredBy: 'officer-41' });

      const [answeredEvent] = await host.query<{ id: string; data: Record<string, unknown> }>(
        `SELECT envelope ->> 'id' AS id, envelope -> 'data' AS data FROM complaints.outbox WHERE event_type = 'complaints.forum.action-item-answered.v1' AND message_key = $1`,
        [forum.id],
      );
      expect(answeredEvent?.data).toEqual({
        forumId: forum.id,
        actionItemId,
        actionItem: 'Find a shared waste point at the east end of the night market',
        dueDate: '2026-03-31',
        answer,
        answeredBy: 'officer-41',
        merchantIds: [renminCaterer.id, renminCaterer2.id, bridgeCaterer.id].sort(),
        merchantRequestIds: [renminRequest.id, bridgeRequest.id].sort(),
        answeredAt: expect.any(String),
      });

      for (const [merchant, request] of [
        [renminCaterer, renminRequest],
        [bridgeCaterer, bridgeRequest],
      ] as const) {
        const mine = (await (await get(`/api/v1/merchants/me/requests/${request.id}`, merchant.token)).json()) as RequestBody;
        expect(mine).toMatchObject({ status: 'answered', answer, discussedAtForumId: forum.id });
        const [requestEvent] = await host.query<{ causation: string; data: Record<string, unknown> }>(
          `SELECT envelope ->> 'causationid' AS causation, envelope -> 'data' AS data FROM complaints.outbox WHERE event_type = 'complaints.merchant-request.answered.v1' AND message_key = $1`,
          [request.id],
        );
        expect(requestEvent).toEqual({ causation: answeredEvent?.id, data: expect.objectContaining({ merchantId: merchant.id, answer, forumId: forum.id, actionItemId }) });
      }

      const again = await post(`/api/v1/forums/${forum.id}/action-items/${actionItemId}/answer`, supervisor, { answer: 'Again' });
      expect(again.status).toBe(409);
      expect(await again.json()).toMatchObject({ code: 'action_item_already_answered' });
    });

    it('keeps the direct answer of a linked request that staff answered before the item', async () => {
      const request = await submitRequest(renminShop, 'Shade over the stalls');
      const item = await post(`/api/v1/forums/${forum.id}/action-items`, officer, { text: 'Study shades', ownerStaffId: 'officer-42', dueDate: '2026-04-30', merchantRequestIds: [request.id] });
      const itemId = ((await item.json()) as { id: string }).id;
      expect((await post(`/api/v1/merchant-requests/${request.id}/answer`, officer, { answer: 'Shades come in May.' })).status).toBe(200);

      expect((await post(`/api/v1/forums/${forum.id}/action-items/${itemId}/answer`, supervisor, { answer: 'Shades are studied.' })).status).toBe(200);
      const mine = (await (await get(`/api/v1/merchants/me/requests/${request.id}`, renminShop.token)).json()) as RequestBody;
      expect(mine).toMatchObject({ status: 'answered', answer: 'Shades come in May.' });
      const requestEvents = await stagedEvents(host, request.id);
      expect(requestEvents.filter((event) => event.event_type === 'complaints.merchant-request.answered.v1')).toHaveLength(1);
      const [itemEvent] = await host.query<{ data: { merchantIds: string[] } }>(
        `SELECT envelope -> 'data' AS data FROM complaints.outbox WHERE event_type = 'complaints.forum.action-item-answered.v1' AND envelope -> 'data' ->> 'actionItemId' = $1`,
        [itemId],
      );
      expect(itemEvent?.data.merchantIds).toEqual([renminShop.id]);
    });

    it('shows merchants the forums that concern them, and no other', async () => {
      const forumsOf = async (merchant: Merchant) => ((await (await get('/api/v1/merchants/me/forums?pageSize=100', merchant.token)).json()) as { items: { id: string }[] }).items.map((item) => item.id);
      expect(await forumsOf(renminCaterer2)).toContain(forum.id);
      // Not invited, but its request was taken up there.
      expect(await forumsOf(bridgeCaterer)).toContain(forum.id);

      const bridgeView = await get(`/api/v1/merchants/me/forums/${forum.id}`, bridgeCaterer.token);
      expect(bridgeView.status).toBe(200);
      expect(await bridgeView.json()).toMatchObject({
        id: forum.id,
        invited: false,
        attended: null,
        actionItems: [{ id: actionItemId, status: 'answered', answer: expect.stringMatching(/^A collection point/) }],
      });

      const outsider = await registerMerchant('harbour-florist', 'Harbour Road', 'flowers');
      expect(await forumsOf(outsider)).toEqual([]);
      const hidden = await get(`/api/v1/merchants/me/forums/${forum.id}`, outsider.token);
      expect(hidden.status).toBe(404);
      expect(await hidden.json()).toMatchObject({ code: 'forum_not_found' });
      expect((await get(`/api/v1/forums/${forum.id}`, outsider.token)).status).toBe(403);
    });
  });
});

describe('merchant forums, embedded (PGlite)', () => {
  let app: INestApplication;
  let dataDir: string;

  const call = async (method: string, path: string, roles: Role[], sub: string, body?: unknown) => {
    const token = await issueDevelopmentToken({ sub, roles }, DEVELOPMENT_JWT_SECRET, '10m');
    const response = await fetch(new URL(path, await app.getUrl()), {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cf-forums-'));
    const configSchema = hostConfigSchema({ port: 3001, kafkaClientId: 'civicflow-complaints-test', transport: 'in-process' }, complaintsVariables);
    const env = { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: dataDir, MESSAGING_TRANSPORT: 'in-process' };
    app = await bootstrapHost(HostModule.forRoot({ name: 'complaints', configSchema, env, services: [ComplaintsModule] }), {
      title: 'complaints',
      description: 'test',
      port: 0,
      host: '127.0.0.1',
      handleSignals: false,
    });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes a request through a forum action item to its answer', async () => {
    const merchantIds: string[] = [];
    for (const [index, sub] of ['pglite-1', 'pglite-2'].entries()) {
      const first17 = `91350100${String(900 + index).padStart(9, '0')}`;
      const registered = await call('POST', '/api/v1/merchants', [Role.Merchant], sub, {
        businessName: sub,
        licenceNumber: first17 + checkCharacterOf(first17),
        contactPerson: '陈静',
        phone: '13655556666',
        email: `${sub}@example.org`,
        street: 'Renmin Road',
        trade: 'catering',
      });
      expect(registered.status).toBe(201);
      merchantIds.push(registered.body['id'] as string);
    }
    const request = await call('POST', '/api/v1/merchants/me/requests', [Role.Merchant], 'pglite-1', { kind: 'request', subject: 'Waste point', text: 'Waste point' });
    const forum = await call('POST', '/api/v1/forums', [Role.Supervisor], 'supervisor-1', {
      title: 'Waste',
      topic: 'Waste',
      startsAt: new Date(Date.now() - HOUR_MS).toISOString(),
      place: 'Office',
      invite: { streets: ['Renmin Road'] },
    });
    expect((forum.body['invitees'] as unknown[]).length).toBe(2);
    const forumId = forum.body['id'] as string;
    const item = await call('POST', `/api/v1/forums/${forumId}/action-items`, [Role.Officer], 'officer-1', {
      text: 'Find a waste point',
      ownerStaffId: 'officer-1',
      dueDate: '2026-03-31',
      raisedByMerchantIds: [merchantIds[1]],
      merchantRequestIds: [request.body['id']],
    });
    expect(item.status).toBe(201);
    const answered = await call('POST', `/api/v1/forums/${forumId}/action-items/${item.body['id'] as string}/answer`, [Role.Officer], 'officer-1', { answer: 'From April.' });
    expect(answered.status).toBe(200);
    const mine = await call('GET', `/api/v1/merchants/me/requests/${request.body['id'] as string}`, [Role.Merchant], 'pglite-1');
    expect(mine.body).toMatchObject({ status: 'answered', answer: 'From April.', discussedAtForumId: forumId });
  });
});
