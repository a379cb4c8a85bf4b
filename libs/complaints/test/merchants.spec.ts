import { Role } from '@civicflow/auth';
import type { TestHost } from '@civicflow/testing';
import { checkCharacterOf } from '../src/merchants/domain/unified-social-credit-code';
import { stagedEvents, startComplaintsHost } from './complaints-test-host';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string | string[];
}

interface MerchantBody {
  id: string;
  businessName: string;
  licenceNumber: string;
  contactPerson: string;
  phone: string;
  email: string;
  street: string;
  trade: string;
}

interface RequestBody {
  id: string;
  kind: string;
  subject: string;
  status: string;
  answer: string | null;
  answeredAt: string | null;
  answeredBy?: string | null;
  merchant?: { id: string; businessName: string; street: string };
}

interface PageBody<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A valid unified social credit code per number, so that every merchant of a test has its own. */
function licenceNumber(n: number): string {
  const first17 = `91350100${String(n).padStart(9, '0')}`;
  return first17 + checkCharacterOf(first17);
}

describe('merchants and their requests (诉求)', () => {
  let host: TestHost;
  let officer: string;
  let supervisor: string;
  let admin: string;
  let citizen: string;

  const post = (path: string, token: string, body: unknown) =>
    host.request(path, { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const get = (path: string, token: string) => host.request(path, { token });
  const merchantToken = (sub: string) => host.tokenFor([Role.Merchant], { sub });

  function profile(n: number, overrides: Record<string, unknown> = {}) {
    return {
      businessName: `Business ${n}`,
      licenceNumber: licenceNumber(n),
      contactPerson: '王建国',
      phone: '13812345678',
      email: `owner${n}@example.org`,
      street: 'Renmin Road',
      trade: 'catering',
      ...overrides,
    };
  }

  async function register(sub: string, n: number, overrides: Record<string, unknown> = {}): Promise<{ token: string; merchant: MerchantBody }> {
    const token = await merchantToken(sub);
    const response = await post('/api/v1/merchants', token, profile(n, overrides));
    expect(response.status).toBe(201);
    return { token, merchant: (await response.json()) as MerchantBody };
  }

  async function submitRequest(token: string, body: Record<string, unknown> = {}): Promise<RequestBody> {
    const response = await post('/api/v1/merchants/me/requests', token, { kind: 'request', subject: 'Loading bay at dawn', text: 'Call me on 13812345678 about it.', ...body });
    expect(response.status).toBe(201);
    return (await response.json()) as RequestBody;
  }

  beforeAll(async () => {
    host = await startComplaintsHost('merchants');
    [officer, supervisor, admin, citizen] = await Promise.all([
      host.tokenFor([Role.Officer], { sub: 'officer-1' }),
      host.tokenFor([Role.Supervisor], { sub: 'supervisor-1' }),
      host.tokenFor([Role.Admin], { sub: 'admin-1' }),
      host.tokenFor([Role.Citizen], { sub: 'citizen-1' }),
    ]);
  });

  afterAll(() => host?.close());

  describe('registration', () => {
    it('registers the business profile of the merchant account and reads it back', async () => {
      const token = await merchantToken('merchant-registers');
      const lowerCaseLicence = licenceNumber(1).toLowerCase();
      const response = await post('/api/v1/merchants', token, profile(1, { licenceNumber: ` ${lowerCaseLicence} `, street: ' Renmin Road ' }));
      expect(response.status).toBe(201);
      const created = (await response.json()) as MerchantBody;
      expect(created).toMatchObject({ businessName: 'Business 1', licenceNumber: licenceNumber(1), contactPerson: '王建国', phone: '13812345678', street: 'Renmin Road' });

      const me = await get('/api/v1/merchants/me', token);
      expect(me.status).toBe(200);
      expect(await me.json()).toEqual(created);
      const [row] = await host.query<{ account_sub: string }>('SELECT account_sub FROM complaints.merchant WHERE id = $1', [created.id]);
      expect(row?.account_sub).toBe('merchant-registers');
    });

    it('hands the contact to the notification service on the restricted merchant topic only', async () => {
      const response = await post('/api/v1/merchants', await merchantToken('merchant-contact'), profile(7));
      const created = (await response.json()) as MerchantBody;
      const staged = await host.query<{ topic: string; event_type: string; data: Record<string, string> }>(
        `SELECT topic, event_type, envelope -> 'data' AS data FROM complaints.outbox WHERE message_key = $1`,
        [created.id],
      );
      expect(staged).toEqual([
        { topic: 'complaints.merchant.v1', event_type: 'complaints.merchant.registered.v1', data: expect.objectContaining({ merchantId: created.id, phone: '13812345678', locale: 'zh-CN' }) },
      ]);
    });

    it.each([
      ['a mistyped character', licenceNumber(2).slice(0, 17) + (licenceNumber(2).endsWith('0') ? '1' : '0')],
      ['17 characters', licenceNumber(2).slice(0, 17)],
      ['an old 15-digit registration number', '110108000000016'],
    ])('refuses a licence number with %s, naming the field', async (_case, badLicence) => {
      const response = await post('/api/v1/merchants', await merchantToken('merchant-bad-licence'), profile(2, { licenceNumber: badLicence }));
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body.code).toBe('invalid_request');
      expect(body.message).toEqual([expect.stringMatching(/^licenceNumber must be the 18-character unified social credit code/)]);
      expect((await host.query('SELECT 1 FROM complaints.merchant WHERE account_sub = $1', ['merchant-bad-licence'])).length).toBe(0);
    });

    it('lists every invalid field with its path', async () => {
      const response = await post('/api/v1/merchants', await merchantToken('merchant-bad-fields'), profile(3, { email: 'not-an-address', phone: 'call me', street: '   ', nickname: 'x' }));
      expect(response.status).toBe(400);
      const messages = ((await response.json()) as ErrorBody).message as string[];
      expect(messages).toEqual(
        expect.arrayContaining([
          'property nickname should not exist',
          'email must be an email',
          expect.stringMatching(/^phone must be a phone number/),
          'street should not be empty',
        ]),
      );
    });

    it('refuses a second profile for the account and a licence number another account registered', async () => {
      const { token } = await register('merchant-twice', 4);
      const again = await post('/api/v1/merchants', token, profile(5));
      expect(again.status).toBe(409);
      expect(await again.json()).toMatchObject({ code: 'merchant_already_registered' });

      const copycat = await post('/api/v1/merchants', await merchantToken('merchant-copycat'), profile(6, { licenceNumber: licenceNumber(4) }));
      expect(copycat.status).toBe(409);
      expect(await copycat.json()).toMatchObject({ code: 'licence_number_taken' });
    });

    it('answers 404 for the profile of an account that has not registered, and 403 to other roles', async () => {
      const unregistered = await get('/api/v1/merchants/me', await merchantToken('merchant-not-yet'));
      expect(unregistered.status).toBe(404);
      expect(await unregistered.json()).toMatchObject({ code: 'merchant_not_registered' });
      expect((await post('/api/v1/merchants', citizen, profile(7))).status).toBe(403);
      expect((await post('/api/v1/merchants', officer, profile(7))).status).toBe(403);
      expect((await host.request('/api/v1/merchants/me')).status).toBe(401);
    });
  });

  describe('the staff directory', () => {
    let bridgeMerchant: MerchantBody;

    beforeAll(async () => {
      ({ merchant: bridgeMerchant } = await register('merchant-bridge-1', 10, { street: 'Bridge Street', trade: 'retail', phone: '13900001111', email: 'bridge.owner@example.org', contactPerson: '李小明' }));
      await register('merchant-bridge-2', 11, { street: 'Bridge Street', trade: 'catering' });
    });

    it('lists merchants by street and trade with the contact details masked', async () => {
      const response = await get('/api/v1/merchants?street=Bridge%20Street&trade=retail', officer);
      expect(response.status).toBe(200);
      const text = await response.text();
      const page = JSON.parse(text) as PageBody<MerchantBody>;
      expect(page).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      expect(page.items).toEqual([
        expect.objectContaining({ id: bridgeMerchant.id, businessName: 'Business 10', licenceNumber: licenceNumber(10), contactPerson: '李**', phone: '139****1111', email: 'b***@example.org' }),
      ]);
      expect(text).not.toContain('13900001111');
      expect(text).not.toContain('bridge.owner@');
      expect(text).not.toContain('李小明');
    });

    it('pages the list and lets an admin read it too', async () => {
      const response = await get('/api/v1/merchants?street=Bridge%20Street&pageSize=1&page=2', admin);
      expect(response.status).toBe(200);
      const page = (await response.json()) as PageBody<MerchantBody>;
      expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(page.items).toHaveLength(1);
      expect((await get('/api/v1/merchants?pageSize=1000', admin)).status).toBe(400);
    });

    it('gives officers and supervisors the full contact details of one merchant, and no one else', async () => {
      const full = await get(`/api/v1/merchants/${bridgeMerchant.id}`, officer);
      expect(full.status).toBe(200);
      expect(await full.json()).toMatchObject({ contactPerson: '李小明', phone: '13900001111', email: 'bridge.owner@example.org' });
      expect((await get(`/api/v1/merchants/${bridgeMerchant.id}`, supervisor)).status).toBe(200);
      expect((await get(`/api/v1/merchants/${bridgeMerchant.id}`, admin)).status).toBe(403);
      expect((await get(`/api/v1/merchants/${bridgeMerchant.id}`, await merchantToken('merchant-bridge-2'))).status).toBe(403);
      expect((await get('/api/v1/merchants', await merchantToken('merchant-bridge-2'))).status).toBe(403);
    });

    it('answers 404 for an unknown merchant and 400 for an id that is not one', async () => {
      const unknown = await get('/api/v1/merchants/0194f3af-0f1e-7d2c-9b3a-4c5d6e7f8a9b', officer);
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: 'merchant_not_found' });
      const malformed = await get('/api/v1/merchants/not-an-id', officer);
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ code: 'invalid_request', message: ['merchantId must be a UUID'] });
    });
  });

  describe('requests, from submission to answer', () => {
    let owner: { token: string; merchant: MerchantBody };
    let other: { token: string; merchant: MerchantBody };

    beforeAll(async () => {
      owner = await register('merchant-asks', 20, { street: 'Market Lane', phone: '13722223333', email: 'asker@example.org' });
      other = await register('merchant-other', 21, { street: 'Harbour Road' });
    });

    it('stages a submitted event without contact details or the text, and answers it with an answered event', async () => {
      const submitted = await submitRequest(owner.token, { kind: 'suggestion', subject: 'Publish the market hours', category: 'street-vending' });
      expect(submitted).toMatchObject({ kind: 'suggestion', status: 'submitted', answer: null });

      const [submittedEvent] = await stagedEvents(host, submitted.id);
      expect(submittedEvent).toEqual({
        event_type: 'complaints.merchant-request.submitted.v1',
        message_key: submitted.id,
        data: {
          requestId: submitted.id,
          merchantId: owner.merchant.id,
          kind: 'suggestion',
          subject: 'Publish the market hours',
          category: 'street-vending',
          status: 'submitted',
          submittedAt: expect.any(String),
        },
      });

      const queue = await get('/api/v1/merchant-requests?status=submitted&street=Market%20Lane', officer);
      expect(queue.status).toBe(200);
      const queued = (await queue.json()) as PageBody<RequestBody>;
      expect(queued.items.map((item) => item.id)).toEqual([submitted.id]);
      expect(queued.items[0]?.merchant).toEqual({ id: owner.merchant.id, businessName: 'Business 20', street: 'Market Lane', trade: 'catering' });

      const answered = await post(`/api/v1/merchant-requests/${submitted.id}/answer`, officer, { answer: 'The hours are on the website from Monday.' });
      expect(answered.status).toBe(200);
      expect(await answered.json()).toMatchObject({ status: 'answered', answer: 'The hours are on the website from Monday.', answeredBy: 'officer-1' });

      const events = await stagedEvents(host, submitted.id);
      expect(events.map((event) => event.event_type)).toEqual(['complaints.merchant-request.submitted.v1', 'complaints.merchant-request.answered.v1']);
      expect(events[1]?.data).toMatchObject({ status: 'answered', answer: 'The hours are on the website from Monday.', answeredBy: 'officer-1', merchantId: owner.merchant.id, forumId: null, actionItemId: null });
      const envelopes = JSON.stringify(await host.query(`SELECT envelope FROM complaints.outbox WHERE message_key = $1`, [submitted.id]));
      for (const secret of ['13722223333', 'asker@example.org', '王建国', 'Call me']) expect(envelopes).not.toContain(secret);

      const mine = (await (await get('/api/v1/merchants/me/requests', owner.token)).json()) as PageBody<RequestBody>;
      expect(mine.items.find((item) => item.id === submitted.id)).toMatchObject({ status: 'answered', answer: 'The hours are on the website from Monday.', answeredAt: expect.any(String) });
      const stillQueued = (await (await get('/api/v1/merchant-requests?status=submitted&street=Market%20Lane', officer)).json()) as PageBody<RequestBody>;
      expect(stillQueued.items.map((item) => item.id)).not.toContain(submitted.id);
    });

    it('refuses to answer an answered request (409) or an unknown one (404), and leaves no second event', async () => {
      const request = await submitRequest(owner.token);
      expect((await post(`/api/v1/merchant-requests/${request.id}/answer`, supervisor, { answer: 'Yes, from 5 to 7.' })).status).toBe(200);
      const again = await post(`/api/v1/merchant-requests/${request.id}/answer`, officer, { answer: 'No.' });
      expect(again.status).toBe(409);
      expect(await again.json()).toEqual({ statusCode: 409, code: 'merchant_request_already_answered', message: `merchant request ${request.id} is already answered` });
      expect((await stagedEvents(host, request.id)).filter((event) => event.event_type.endsWith('answered.v1'))).toHaveLength(1);

      const unknown = await post('/api/v1/merchant-requests/0194f3b0-1a2b-7c3d-8e4f-5a6b7c8d9e0f/answer', officer, { answer: 'Yes.' });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: 'merchant_request_not_found' });
    });

    it('validates requests and answers at the edge', async () => {
      const bad = await post('/api/v1/merchants/me/requests', owner.token, { kind: 'demand', subject: '', text: 'x', category: 'Not A Code' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as ErrorBody).message).toEqual(
        expect.arrayContaining([expect.stringMatching(/^kind must be one of/), 'subject should not be empty', expect.stringMatching(/^category must be a category code/)]),
      );
      const request = await submitRequest(owner.token);
      expect((await post(`/api/v1/merchant-requests/${request.id}/answer`, officer, { answer: '' })).status).toBe(400);
      expect((await get('/api/v1/merchant-requests?status=closed', officer)).status).toBe(400);
    });

    it('lets only officers and supervisors answer, and keeps the queue from merchants and citizens', async () => {
      const request = await submitRequest(owner.token);
      for (const token of [admin, citizen, owner.token]) {
        expect((await post(`/api/v1/merchant-requests/${request.id}/answer`, token, { answer: 'Yes.' })).status).toBe(403);
      }
      expect((await get('/api/v1/merchant-requests', owner.token)).status).toBe(403);
      expect((await get('/api/v1/merchant-requests', citizen)).status).toBe(403);
      expect((await get('/api/v1/merchant-requests', admin)).status).toBe(200);
    });

    it('shows a merchant its own requests only', async () => {
      const mine = await submitRequest(owner.token, { subject: 'Only mine' });
      const theirs = await submitRequest(other.token, { subject: 'Only theirs' });

      const ownList = (await (await get('/api/v1/merchants/me/requests', other.token)).json()) as PageBody<RequestBody>;
      expect(ownList.items.map((item) => item.id)).toEqual([theirs.id]);
      expect((await get(`/api/v1/merchants/me/requests/${theirs.id}`, other.token)).status).toBe(200);
      const foreign = await get(`/api/v1/merchants/me/requests/${mine.id}`, other.token);
      expect(foreign.status).toBe(404);
      expect(await foreign.json()).toMatchObject({ code: 'merchant_request_not_found' });
      await expect((await get('/api/v1/merchants/me/requests?status=answered', other.token)).json()).resolves.toMatchObject({ total: 0 });
    });

    it('asks an account to register before it submits', async () => {
      const response = await post('/api/v1/merchants/me/requests', await merchantToken('merchant-unregistered'), { kind: 'request', subject: 'Hello', text: 'Hello' });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'merchant_not_registered' });
    });
  });
});
