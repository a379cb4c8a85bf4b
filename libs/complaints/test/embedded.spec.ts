import { Role } from '@civicflow/auth';
import { type EmbeddedComplaintsHost, startEmbeddedComplaintsHost } from './complaints-test-host';

/** Every write path of the service once on the embedded store, where a query beside an open transaction would hang. */
describe('the complaints service on the embedded store (npm start)', () => {
  let host: EmbeddedComplaintsHost;

  beforeAll(async () => {
    host = await startEmbeddedComplaintsHost();
  }, 120_000);

  afterAll(() => host?.close());

  const post = async (path: string, body: unknown, token?: string) => {
    const response = await host.request(path, { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('takes a complaint through every step of the closed loop to its rating', async () => {
    const operator = await host.tokenFor([Role.HotlineOperator], 'op-1');
    const supervisor = await host.tokenFor([Role.Supervisor], 'sup-1');
    const officer = await host.tokenFor([Role.Officer], 'off-1');
    const created = await post('/api/v1/complaints', { description: 'Bins overflowing', location: { lat: 31.2, lng: 121.4 }, category: 'overflowing-bins', reporter: { email: 'e@example.org' } });
    expect(created.status).toBe(201);
    const code = created.body['trackingCode'] as string;
    const duplicate = await post('/api/v1/hotline/calls', { description: 'Bins full again', location: { lat: 31.2, lng: 121.4 }, category: 'overflowing-bins' }, operator);
    expect(duplicate.body['possibleDuplicates']).toEqual([expect.objectContaining({ trackingCode: code })]);
    expect((await post(`/api/v1/complaints/${duplicate.body['trackingCode']}/duplicate-of`, { master: code }, operator)).status).toBe(200);

    const steps: Array<[string, string, unknown, string]> = [
      ['accept', operator, {}, 'accepted'],
      ['dispatch', supervisor, {}, 'dispatched'],
      ['start-handling', officer, {}, 'in_handling'],
      ['handle', officer, { reply: 'Emptied.' }, 'handled'],
      ['verify', supervisor, { passed: true }, 'verified'],
      ['close', supervisor, {}, 'closed'],
    ];
    for (const [step, token, body, status] of steps) {
      expect({ step, ...(await post(`/api/v1/complaints/${code}/${step}`, body, token)) }).toMatchObject({ step, status: 200, body: { status } });
    }
    expect((await post(`/api/v1/complaints/${code}/rating`, { score: 4, resolved: true })).body).toMatchObject({ status: 'evaluated' });
    const tracked = (await (await host.request(`/api/v1/complaints/${duplicate.body['trackingCode']}`)).json()) as { status: string };
    expect(tracked.status).toBe('closed');
  });

  it('registers a merchant and answers its request', async () => {
    const merchant = await host.tokenFor([Role.Merchant], 'shop-1');
    const registered = await post('/api/v1/merchants', { businessName: 'Shop', licenceNumber: '91350100M000100Y43', contactPerson: '王建国', phone: '13812345678', email: 's@example.org', street: 'Renmin Road', trade: 'catering' }, merchant);
    expect(registered.status).toBe(201);
    const request = await post('/api/v1/merchants/me/requests', { kind: 'request', subject: 'Loading bay', text: 'Morning unloading?' }, merchant);
    expect(request.status).toBe(201);
    const answered = await post(`/api/v1/merchant-requests/${request.body['id']}/answer`, { answer: 'Yes, 05:00 to 07:00.' }, await host.tokenFor([Role.Officer], 'off-2'));
    expect(answered.status).toBe(200);
  });

  it('stores an uploaded photo with its complaint', async () => {
    const created = await post('/api/v1/complaints', { description: 'Graffiti', location: { address: 'Bridge Street 3' } });
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
    const form = new FormData();
    form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'wall.jpg');
    const response = await host.request(`/api/v1/complaints/${created.body['trackingCode']}/media`, { method: 'POST', body: form });
    expect(response.status).toBe(201);
  });
});
