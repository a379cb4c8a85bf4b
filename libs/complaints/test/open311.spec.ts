import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { issueDevelopmentToken, Role } from '@civicflow/auth';
import { DEVELOPMENT_JWT_SECRET } from '@civicflow/config';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { startTestHost, type TestHost } from '@civicflow/testing';
import { ComplaintsModule, complaintsVariables, DEFAULT_CATALOGUE, type SubClass } from '../src';

const CONFIGURED_KEY = 'configured-key-0123456789';
const JURISDICTION = 'civicflow.test';
const JSON_TYPE = 'application/json; charset=utf-8';
const XML_TYPE = 'text/xml; charset=utf-8';
const DAY = 24 * 60 * 60 * 1000;

/** The reporter of the requests filed here: none of it may appear in any Open311 output. */
const REPORTER = { first_name: 'Lei', last_name: 'Zhao', email: 'zhao.lei@example.org', phone: '+86 139 1234 5678' };

interface Open311Error {
  code: number;
  description: string;
}

interface Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: string;
  keywords: string;
  group: string;
}

interface ServiceRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string;
  agency_responsible: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  extended_attributes?: { detailed_status: string; channel: string };
}

const configSchema = hostConfigSchema({ port: 3001, kafkaClientId: 'civicflow-complaints-test', transport: 'in-process' }, complaintsVariables);
const activeSubClasses = DEFAULT_CATALOGUE.filter((definition): definition is SubClass => definition.level === 'sub' && definition.active);

describe('Open311 GeoReport v2 at /open311/v2, on PostgreSQL', () => {
  let host: TestHost;
  /** Every body the Open311 routes answered, to check at the end that no contact detail leaked. */
  const bodies: string[] = [];

  beforeAll(async () => {
    host = await startTestHost({
      name: 'open311',
      env: { OPEN311_API_KEYS: ` ${CONFIGURED_KEY} , another-configured-key-42 `, OPEN311_JURISDICTION_ID: JURISDICTION },
      boot: (env, listen) =>
        bootstrapHost(HostModule.forRoot({ name: 'complaints', configSchema, env, services: [ComplaintsModule] }), { title: 'complaints', description: 'test', ...listen }),
    });
  });

  afterAll(() => host?.close());

  async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string | null; body: string }> {
    const response = await host.request(`/open311/v2/${path}`, { headers });
    const body = await response.text();
    bodies.push(body);
    return { status: response.status, type: response.headers.get('content-type'), body };
  }

  async function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    const response = await host.request(`/open311/v2/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
    const body = await response.text();
    bodies.push(body);
    return { status: response.status, type: response.headers.get('content-type'), body };
  }

  const validRequest = (extra: Record<string, string> = {}) => ({
    api_key: CONFIGURED_KEY,
    service_code: 'manhole-cover-damaged',
    lat: '31.2304',
    long: '121.4737',
    address_string: '88 Renmin Road',
    description: 'The manhole cover is gone; Zhao Lei, call 13912345678',
    ...REPORTER,
    ...extra,
  });

  function expectError(response: { status: number; type: string | null; body: string }, code: number, description: RegExp): void {
    expect(response.status).toBe(code);
    expect(response.type).toBe(JSON_TYPE);
    const errors = JSON.parse(response.body) as Open311Error[];
    expect(errors).toEqual([{ code, description: expect.stringMatching(description) }]);
  }

  describe('discovery', () => {
    it('answers in JSON with the endpoint, the specification and both formats', async () => {
      const response = await get('discovery.json');
      expect(response.status).toBe(200);
      expect(response.type).toBe(JSON_TYPE);
      expect(JSON.parse(response.body)).toMatchObject({
        changeset: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        contact: expect.any(String),
        key_service: expect.any(String),
        endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${host.baseUrl}/open311/v2`, type: 'test', formats: ['text/xml', 'application/json'] }],
      });
    });

    it('answers in XML with a UTF-8 declaration and the GeoReport element names', async () => {
      const response = await get('discovery.xml');
      expect(response.status).toBe(200);
      expect(response.type).toBe(XML_TYPE);
      expect(response.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<discovery><changeset>/);
      expect(response.body).toContain(`<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification><url>${host.baseUrl}/open311/v2</url>`);
      expect(response.body).toContain('<formats><format>text/xml</format><format>application/json</format></formats>');
    });
  });

  describe('services', () => {
    it('lists every active sub class of the catalogue as a realtime service with metadata, named in Chinese by default', async () => {
      const response = await get('services.json');
      expect(response.status).toBe(200);
      expect(response.type).toBe(JSON_TYPE);
      const services = JSON.parse(response.body) as Service[];
      expect(services.map((service) => service.service_code).sort()).toEqual(activeSubClasses.map((subClass) => subClass.code).sort());
      expect(services.find((service) => service.service_code === 'manhole-cover-damaged')).toEqual({
        service_code: 'manhole-cover-damaged',
        service_name: '井盖缺失或破损',
        description: '井盖缺失或破损：自收到起 2 个工作小时内办理。',
        metadata: true,
        type: 'realtime',
        keywords: '井盖缺失或破损, Manhole cover missing or broken, 公用设施, Public facilities',
        group: '公用设施',
      });
    });

    it('names the services in English for Accept-Language or the locale parameter', async () => {
      for (const response of [await get('services.json', { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' }), await get('services.json?locale=en')]) {
        expect((JSON.parse(response.body) as Service[]).find((service) => service.service_code === 'manhole-cover-damaged')).toMatchObject({
          service_name: 'Manhole cover missing or broken',
          group: 'Public facilities',
        });
      }
    });

    it('lists the services in XML', async () => {
      const response = await get('services.xml');
      expect(response.type).toBe(XML_TYPE);
      expect(response.body).toMatch(/^<\?xml[^>]*>\n<services><service><service_code>/);
      expect(response.body).toContain('<service_code>manhole-cover-damaged</service_code><service_name>井盖缺失或破损</service_name>');
      expect(response.body).toContain('<metadata>true</metadata><type>realtime</type>');
    });

    it('defines the attributes of a service: hide_name, reply_language and location_detail, none required', async () => {
      const response = await get('services/manhole-cover-damaged.json?locale=en');
      expect(response.status).toBe(200);
      const definition = JSON.parse(response.body) as { service_code: string; attributes: Record<string, unknown>[] };
      expect(definition.service_code).toBe('manhole-cover-damaged');
      expect(definition.attributes.map((attribute) => [attribute['code'], attribute['datatype'], attribute['required'], attribute['order']])).toEqual([
        ['hide_name', 'singlevaluelist', false, 1],
        ['reply_language', 'singlevaluelist', false, 2],
        ['location_detail', 'string', false, 3],
      ]);
      expect(definition.attributes[0]).toMatchObject({
        variable: true,
        description: 'May your name be shown publicly?',
        values: [
          { key: 'false', name: 'My name may be shown' },
          { key: 'true', name: 'Never show my name' },
        ],
      });
    });

    it('defines a service in XML', async () => {
      const response = await get('services/manhole-cover-damaged.xml');
      expect(response.type).toBe(XML_TYPE);
      expect(response.body).toContain('<service_definition><service_code>manhole-cover-damaged</service_code><attributes><attribute><variable>true</variable><code>hide_name</code>');
      expect(response.body).toContain('<values><value><key>false</key><name>可以公开</name></value><value><key>true</key><name>不公开我的姓名</name></value></values>');
    });

    it('answers 404 for an unknown service, in the format asked for', async () => {
      expectError(await get('services/no-such-service.json'), 404, /service_code no-such-service is not a service/);
      const xml = await get('services/no-such-service.xml');
      expect(xml.status).toBe(404);
      expect(xml.type).toBe(XML_TYPE);
      expect(xml.body).toMatch(/<errors><error><code>404<\/code><description>service_code no-such-service is not a service[^<]*<\/description><\/error><\/errors>/);
    });

    it('serves the jurisdiction it is configured for and refuses another', async () => {
      expect((await get(`services.json?jurisdiction_id=${JURISDICTION}`)).status).toBe(200);
      expectError(await get('services.json?jurisdiction_id=elsewhere.example'), 404, /jurisdiction_id elsewhere\.example is not served here/);
    });
  });

  describe('POST requests', () => {
    it('files a complaint on the open311 channel with a configured key, and stages its received event', async () => {
      const response = await post('requests.json', validRequest({ media_url: 'https://img.example.org/cover.jpg', 'attribute[hide_name]': 'true', 'attribute[location_detail]': 'lamp post 17' }));
      expect(response.status).toBe(201);
      expect(response.type).toBe(JSON_TYPE);
      const [created] = JSON.parse(response.body) as { service_request_id: string; service_notice: string; account_id: null }[];
      expect(created).toEqual({ service_request_id: expect.stringMatching(/^CF-[0-9A-Z]{4}-[0-9A-Z]{4}$/), service_notice: expect.stringContaining(created?.service_request_id ?? '?'), account_id: null });

      const [row] = await host.query<Record<string, unknown>>(
        `SELECT id, channel, category, status, description, lat, lng, address, reporter_name, reporter_email, reporter_phone, reporter_hide_name
           FROM complaints.complaint WHERE tracking_code = $1`,
        [created?.service_request_id],
      );
      expect(row).toMatchObject({
        channel: 'open311',
        category: 'manhole-cover-damaged',
        status: 'received',
        description: 'The manhole cover is gone; Zhao Lei, call 13912345678\n具体位置: lamp post 17',
        lat: 31.2304,
        lng: 121.4737,
        address: '88 Renmin Road',
        reporter_name: 'Lei Zhao',
        reporter_email: 'zhao.lei@example.org',
        reporter_phone: '+86 139 1234 5678',
        reporter_hide_name: true,
      });
      const events = await host.query<{ event_type: string; data: Record<string, unknown> }>(
        `SELECT event_type, envelope -> 'data' AS data FROM complaints.outbox WHERE message_key = $1 ORDER BY seq`,
        [row?.['id']],
      );
      const received = events.find((event) => event.event_type === 'complaints.complaint.received.v2');
      expect(received?.data).toMatchObject({ trackingCode: created?.service_request_id, channel: 'open311', category: 'manhole-cover-damaged', reporterAnonymous: false });
      expect(JSON.stringify(received?.data)).not.toContain('zhao.lei@example.org');
      const timeline = await host.query<{ type: string; detail: Record<string, string> }>(`SELECT type, detail FROM complaints.timeline_entry WHERE complaint_id = $1 ORDER BY type`, [row?.['id']]);
      expect(timeline).toEqual(
        expect.arrayContaining([
          { type: 'media.linked', detail: { url: 'https://img.example.org/cover.jpg' } },
          { type: 'open311.filed', detail: { client: 'OPEN311_API_KEYS[1]' } },
        ]),
      );

      const read = JSON.parse((await get(`requests/${created?.service_request_id}.json`)).body) as ServiceRequest[];
      expect(read).toEqual([expect.objectContaining({ service_request_id: created?.service_request_id, status: 'open', service_code: 'manhole-cover-damaged', media_url: 'https://img.example.org/cover.jpg' })]);
      expect(read[0]?.description).toBe('The manhole cover is gone; Z*** ***, call 139****5678\n具体位置: lamp post 17');
    });

    it('answers in XML, takes an address alone, and writes to the reporter in the language they chose', async () => {
      const response = await post('requests.xml', { api_key: 'another-configured-key-42', service_code: 'street-lamp-damaged', address_string: '人民路 88 号', 'attribute[reply_language]': 'en', email: 'reader@example.org' });
      expect(response.status).toBe(201);
      expect(response.type).toBe(XML_TYPE);
      const id = /<service_requests><request><service_request_id>(CF-[0-9A-Z-]+)<\/service_request_id><service_notice>Received\.[^<]*<\/service_notice><account_id\/><\/request><\/service_requests>/.exec(response.body)?.[1];
      expect(id).toBeDefined();
      const [row] = await host.query(`SELECT description, lat, reporter_locale FROM complaints.complaint WHERE tracking_code = $1`, [id]);
      // Without a description the service's name stands in: a complaint always says what it is about.
      expect(row).toEqual({ description: 'Street lamp out or damaged', lat: null, reporter_locale: 'en' });
    });

    it('refuses a request without an api_key or with a wrong one: 403 in the error format', async () => {
      const { api_key: _key, ...withoutKey } = validRequest();
      expectError(await post('requests.json', withoutKey), 403, /api_key is required/);
      expectError(await post('requests.json', validRequest({ api_key: 'wrong-key-0123456789' })), 403, /api_key is not valid/);
      const xml = await post('requests.xml', validRequest({ api_key: 'wrong-key-0123456789' }));
      expect(xml.status).toBe(403);
      expect(xml.type).toBe(XML_TYPE);
      expect(xml.body).toContain('<errors><error><code>403</code><description>api_key is not valid: unknown or revoked</description></error></errors>');
    });

    it('refuses a missing service_code with 400 and an unknown one with 404', async () => {
      const { service_code: _code, ...withoutService } = validRequest();
      expectError(await post('requests.json', withoutService), 400, /service_code is required/);
      expectError(await post('requests.json', validRequest({ service_code: 'alien-landing' })), 404, /service_code alien-landing is not a service/);
    });

    it('refuses a request without a location, with half a coordinate pair or with a bad attribute: 400', async () => {
      const { lat: _lat, long: _long, address_string: _address, ...withoutLocation } = validRequest();
      expectError(await post('requests.json', withoutLocation), 400, /a location is required: lat and long, or address_string/);
      expectError(await post('requests.json', { ...withoutLocation, lat: '31.2' }), 400, /lat and long go together/);
      expectError(await post('requests.json', validRequest({ 'attribute[hide_name]': 'perhaps' })), 400, /attribute\[hide_name\] must be one of false, true/);
    });

    it('checks the jurisdiction_id when one is given', async () => {
      expectError(await post('requests.json', validRequest({ jurisdiction_id: 'elsewhere.example' })), 404, /jurisdiction_id elsewhere\.example is not served here/);
      expect((await post('requests.json', validRequest({ jurisdiction_id: JURISDICTION }))).status).toBe(201);
    });

    it('answers a body Fastify itself refuses (malformed JSON, too large) in the error format too', async () => {
      const malformed = await host.request('/open311/v2/requests.xml', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"api_key":' });
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get('content-type')).toBe(XML_TYPE);
      expect(await malformed.text()).toMatch(/<errors><error><code>400<\/code><description>Body is not valid JSON[^<]*<\/description><\/error><\/errors>/);
      const tooLarge = await post('requests.json', validRequest({ description: 'x'.repeat(2 * 1024 * 1024) }));
      expectError(tooLarge, 413, /too large/);
    });

    it('files no complaint for a refused request', async () => {
      const before = await host.query<{ count: string }>(`SELECT count(*) FROM complaints.complaint`);
      await post('requests.json', validRequest({ api_key: 'wrong-key-0123456789' }));
      await post('requests.json', validRequest({ lat: '95' }));
      expect(await host.query(`SELECT count(*) FROM complaints.complaint`)).toEqual(before);
    });
  });

  describe('keys an admin issues', () => {
    const keysPath = '/api/v1/open311/keys';

    async function issue(label: string): Promise<{ id: string; key: string; label: string }> {
      const response = await host.request(keysPath, {
        method: 'POST',
        token: await host.tokenFor([Role.Admin], { sub: 'admin-7' }),
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ label }),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string; key: string; label: string };
    }

    it('lets only admins issue keys', async () => {
      const body = JSON.stringify({ label: 'someone' });
      const headers = { 'content-type': 'application/json' };
      expect((await host.request(keysPath, { method: 'POST', headers, body })).status).toBe(401);
      expect((await host.request(keysPath, { method: 'POST', headers, body, token: await host.tokenFor([Role.Officer, Role.Supervisor]) })).status).toBe(403);
      const invalid = await host.request(keysPath, { method: 'POST', headers, body: JSON.stringify({ label: '' }), token: await host.tokenFor([Role.Admin]) });
      expect(invalid.status).toBe(400);
    });

    it('accepts an issued key, stores only its hash, and refuses it once revoked', async () => {
      const issued = await issue('FixMyStreet Shanghai');
      expect(issued.key).toMatch(/^o311_[A-Za-z0-9_-]{43}$/);
      const stored = await host.query<{ label: string; key_hash: string; issued_by: string }>(`SELECT label, key_hash, issued_by FROM complaints.open311_api_key WHERE id = $1`, [issued.id]);
      expect(stored).toEqual([{ label: 'FixMyStreet Shanghai', key_hash: createHash('sha256').update(issued.key).digest('hex'), issued_by: 'admin-7' }]);
      expect(JSON.stringify(await host.query(`SELECT * FROM complaints.open311_api_key`))).not.toContain(issued.key);

      const accepted = await post('requests.json', validRequest({ api_key: issued.key }));
      expect(accepted.status).toBe(201);
      const [created] = JSON.parse(accepted.body) as { service_request_id: string }[];
      expect(await host.query(`SELECT t.detail FROM complaints.timeline_entry t JOIN complaints.complaint c ON c.id = t.complaint_id WHERE c.tracking_code = $1 AND t.type = 'open311.filed'`, [created?.service_request_id])).toEqual([
        { detail: { client: 'FixMyStreet Shanghai' } },
      ]);

      const token = await host.tokenFor([Role.Admin], { sub: 'admin-8' });
      expect((await host.request(`${keysPath}/${issued.id}`, { method: 'DELETE', token })).status).toBe(204);
      expect((await host.request(`${keysPath}/${issued.id}`, { method: 'DELETE', token })).status).toBe(204);
      expectError(await post('requests.json', validRequest({ api_key: issued.key })), 403, /api_key is not valid/);

      const list = (await (await host.request(keysPath, { token })).json()) as { items: { id: string; label: string; revokedAt: string | null }[] };
      expect(list.items.find((key) => key.id === issued.id)).toMatchObject({ label: 'FixMyStreet Shanghai', revokedAt: expect.stringMatching(/^\d{4}-/) });
      expect(JSON.stringify(list)).not.toContain(issued.key);
    });

    it('answers 404 when revoking a key that does not exist', async () => {
      expect((await host.request(`${keysPath}/no-such-key`, { method: 'DELETE', token: await host.tokenFor([Role.Admin]) })).status).toBe(404);
    });
  });

  describe('GET requests', () => {
    const now = Date.now();
    const seeded = {
      closedTenDaysAgo: 'CF-0PEN-0001',
      handlingFiveDaysAgo: 'CF-0PEN-0002',
      rejectedLongAgo: 'CF-0PEN-0003',
      evaluatedTwentyDaysAgo: 'CF-0PEN-0004',
      roadOld: 'CF-R0AD-0001',
      roadMiddle: 'CF-R0AD-0002',
      roadNew: 'CF-R0AD-0003',
    };

    beforeAll(async () => {
      const rows: [string, string, string, number, Record<string, unknown>][] = [
        [seeded.closedTenDaysAgo, 'closed', 'guardrail-damaged', 10, {}],
        [
          seeded.handlingFiveDaysAgo,
          'in_handling',
          'bus-shelter-damaged',
          5,
          { reply: 'A crew is on its way.', handling_unit: 'municipal-facilities-office', deadline_at: new Date(now + 2 * DAY), updated_at: new Date(now - 4 * DAY) },
        ],
        [seeded.rejectedLongAgo, 'rejected', 'guardrail-damaged', 100, { rejection_reason: 'Outside the city' }],
        [seeded.evaluatedTwentyDaysAgo, 'evaluated', 'guardrail-damaged', 20, {}],
        [seeded.roadOld, 'accepted', 'road-damage', 30, {}],
        [seeded.roadMiddle, 'accepted', 'road-damage', 19, {}],
        [seeded.roadNew, 'accepted', 'road-damage', 9, {}],
      ];
      for (const [trackingCode, status, category, daysAgo, extra] of rows) {
        const columns = ['id', 'tracking_code', 'status', 'description', 'address', 'category', 'channel', 'reporter_name', 'reporter_email', 'reporter_locale', 'received_at', ...Object.keys(extra)];
        const values = [`seeded-${trackingCode}`, trackingCode, status, `Seeded ${status}`, 'Seeded address', category, 'web', 'Zhao Lei', 'zhao.lei@example.org', 'zh-CN', new Date(now - daysAgo * DAY), ...Object.values(extra)];
        await host.query(`INSERT INTO complaints.complaint (${columns.join(', ')}) VALUES (${values.map((_value, index) => `$${index + 1}`).join(', ')})`, values);
      }
    });

    async function listed(query: string): Promise<ServiceRequest[]> {
      const response = await get(`requests.json${query}`);
      expect(response.status).toBe(200);
      expect(response.type).toBe(JSON_TYPE);
      return JSON.parse(response.body) as ServiceRequest[];
    }
    const ids = (requests: ServiceRequest[]) => requests.map((request) => request.service_request_id);
    const seededIds = (requests: ServiceRequest[]) => ids(requests).filter((id) => Object.values(seeded).includes(id));

    it('lists the last 90 days by default, newest first, complaints of every channel', async () => {
      const requests = await listed('');
      expect(seededIds(requests)).toEqual([seeded.handlingFiveDaysAgo, seeded.roadNew, seeded.closedTenDaysAgo, seeded.roadMiddle, seeded.evaluatedTwentyDaysAgo, seeded.roadOld]);
      const times = requests.map((request) => request.requested_datetime);
      expect([...times].sort().reverse()).toEqual(times);
    });

    it('maps the closed loop to open and closed, and filters on it', async () => {
      expect(seededIds(await listed('?status=closed'))).toEqual([seeded.closedTenDaysAgo, seeded.evaluatedTwentyDaysAgo]);
      expect(seededIds(await listed('?status=open'))).toEqual([seeded.handlingFiveDaysAgo, seeded.roadNew, seeded.roadMiddle, seeded.roadOld]);
      expect((await listed('?status=open')).every((request) => request.status === 'open')).toBe(true);
    });

    it('filters on service codes', async () => {
      expect(ids(await listed('?service_code=guardrail-damaged,bus-shelter-damaged'))).toEqual([seeded.handlingFiveDaysAgo, seeded.closedTenDaysAgo, seeded.evaluatedTwentyDaysAgo]);
    });

    it('filters on the requested date between start_date and end_date', async () => {
      const start = new Date(now - 12 * DAY).toISOString();
      const end = new Date(now - 8 * DAY).toISOString();
      expect(ids(await listed(`?start_date=${start}&end_date=${end}`))).toEqual([seeded.roadNew, seeded.closedTenDaysAgo]);
      expectError(await get(`requests.json?start_date=${new Date(now - 120 * DAY).toISOString()}&end_date=${end}`), 400, /not be more than 90 days apart/);
      expectError(await get('requests.json?start_date=yesterday'), 400, /start_date must be a W3C date-time/);
    });

    it('returns the requests of a list of ids whatever the other filters, even outside the window', async () => {
      expect(ids(await listed(`?service_request_id=${seeded.rejectedLongAgo},${seeded.closedTenDaysAgo.toLowerCase()}&status=open`)).sort()).toEqual([seeded.closedTenDaysAgo, seeded.rejectedLongAgo]);
    });

    it('pages with page and page_size, newest first', async () => {
      expect(ids(await listed('?service_code=road-damage&page_size=2'))).toEqual([seeded.roadNew, seeded.roadMiddle]);
      expect(ids(await listed('?service_code=road-damage&page_size=2&page=2'))).toEqual([seeded.roadOld]);
      expect(ids(await listed('?service_code=road-damage&page_size=2&page=3'))).toEqual([]);
      expectError(await get('requests.json?page_size=1001'), 400, /page_size must be a whole number from 1 to 1000/);
    });

    it('gives the GeoReport fields: deadline as expected_datetime, reply as status_notes, unit as agency_responsible', async () => {
      const [request] = await listed(`?service_request_id=${seeded.handlingFiveDaysAgo}&locale=en`);
      expect(request).toEqual({
        service_request_id: seeded.handlingFiveDaysAgo,
        status: 'open',
        status_notes: 'A crew is on its way.',
        service_name: 'Damaged bus shelter',
        service_code: 'bus-shelter-damaged',
        description: 'Seeded in_handling',
        agency_responsible: 'municipal-facilities-office',
        service_notice: null,
        requested_datetime: new Date(now - 5 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        updated_datetime: new Date(now - 4 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        expected_datetime: new Date(now + 2 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        address: 'Seeded address',
        address_id: null,
        zipcode: null,
        lat: null,
        long: null,
        media_url: null,
      });
      const [rejected] = await listed(`?service_request_id=${seeded.rejectedLongAgo}`);
      expect(rejected).toMatchObject({ status: 'closed', status_notes: 'Outside the city' });
    });

    it('adds the detailed status with extensions=true', async () => {
      const requests = await listed(`?service_request_id=${seeded.handlingFiveDaysAgo},${seeded.evaluatedTwentyDaysAgo}&extensions=true`);
      expect(requests.map((request) => [request.status, request.extended_attributes])).toEqual([
        ['open', { detailed_status: 'in_handling', channel: 'web' }],
        ['closed', { detailed_status: 'evaluated', channel: 'web' }],
      ]);
      expect((await listed(`?service_request_id=${seeded.handlingFiveDaysAgo}`))[0]).not.toHaveProperty('extended_attributes');
    });

    it('refuses an unknown filter or status with 400', async () => {
      expectError(await get('requests.json?status=pending'), 400, /status must be open or closed/);
      expectError(await get('requests.json?colour=red'), 400, /unknown parameter colour/);
    });

    it('reads one request in XML', async () => {
      const response = await get(`requests/${seeded.handlingFiveDaysAgo}.xml?extensions=true`);
      expect(response.status).toBe(200);
      expect(response.type).toBe(XML_TYPE);
      expect(response.body).toMatch(
        new RegExp(
          `^<\\?xml version="1.0" encoding="utf-8"\\?>\\n<service_requests><request><service_request_id>${seeded.handlingFiveDaysAgo}</service_request_id><status>open</status><status_notes>A crew is on its way.</status_notes><service_name>公交站亭损坏</service_name><service_code>bus-shelter-damaged</service_code>`,
        ),
      );
      expect(response.body).toContain('<address_id/><zipcode/><lat/><long/><media_url/><extended_attributes><detailed_status>in_handling</detailed_status><channel>web</channel></extended_attributes></request></service_requests>');
    });

    it('answers 404 for an unknown request', async () => {
      expectError(await get('requests/CF-ZZZZ-ZZZZ.json'), 404, /no service request has the id CF-ZZZZ-ZZZZ/);
      expectError(await get('requests/42.json'), 404, /no service request has the id 42/);
    });
  });

  describe('tokens', () => {
    it('answers a token with the request it stands for, since requests are created at once', async () => {
      const created = await post('requests.json', validRequest());
      const [{ service_request_id: id } = { service_request_id: '' }] = JSON.parse(created.body) as { service_request_id: string }[];
      expect(JSON.parse((await get(`tokens/${id}.json`)).body)).toEqual([{ service_request_id: id, token: id }]);
      expect((await get(`tokens/${id}.xml`)).body).toContain(`<service_requests><request><service_request_id>${id}</service_request_id><token>${id}</token></request></service_requests>`);
      expectError(await get('tokens/CF-ZZZZ-ZZZZ.json'), 404, /no token CF-ZZZZ-ZZZZ is known/);
    });
  });

  describe('formats and unknown resources', () => {
    it('answers 404 for a format it does not serve', async () => {
      expectError(await get('requests.csv'), 404, /format "csv" is not served/);
      expectError(await get('discovery.yaml'), 404, /format "yaml" is not served/);
      expectError(await get('services/manhole-cover-damaged.html'), 404, /format "html" is not served/);
      expectError(await get('requests/CF-ZZZZ-ZZZZ'), 404, /needs a format/);
    });

    it('answers 404 in the Open311 shape for a resource that does not exist', async () => {
      expectError(await get('complaints.json'), 404, /no GeoReport v2 resource/);
      const xml = await get('everything/else.xml');
      expect(xml.type).toBe(XML_TYPE);
      expect(xml.body).toContain('<errors><error><code>404</code>');
    });
  });

  it("never shows a reporter's name, e-mail address or phone number", () => {
    expect(bodies.length).toBeGreaterThan(40);
    for (const body of bodies) {
      expect(body).not.toMatch(/zhao\.lei@example\.org|Zhao Lei|Lei Zhao|1234 5678|13912345678|reader@example\.org/i);
    }
  });
});

describe('Open311, embedded (PGlite)', () => {
  let app: INestApplication;
  let dataDir: string;
  let baseUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cf-open311-'));
    const env = { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: dataDir, MESSAGING_TRANSPORT: 'in-process' };
    app = await bootstrapHost(HostModule.forRoot({ name: 'complaints', configSchema, env, services: [ComplaintsModule] }), {
      title: 'complaints',
      description: 'test',
      port: 0,
      host: '127.0.0.1',
      handleSignals: false,
    });
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('issues a key, files a request with it and reads the request back', async () => {
    const token = await issueDevelopmentToken({ sub: 'admin-1', roles: [Role.Admin] }, DEVELOPMENT_JWT_SECRET, '10m');
    const issued = await fetch(new URL('/api/v1/open311/keys', baseUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'embedded client' }),
    });
    expect(issued.status).toBe(201);
    const { key } = (await issued.json()) as { key: string };
    const filed = await fetch(new URL('/open311/v2/requests.json', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: key, service_code: 'street-lamp-damaged', lat: '31.23', long: '121.47', media_url: 'https://img.example.org/lamp.jpg' }).toString(),
    });
    expect(filed.status).toBe(201);
    const [{ service_request_id: id } = { service_request_id: '' }] = (await filed.json()) as { service_request_id: string }[];
    const read = await fetch(new URL(`/open311/v2/requests/${id}.xml`, baseUrl));
    expect(read.headers.get('content-type')).toBe(XML_TYPE);
    expect(await read.text()).toContain(`<service_request_id>${id}</service_request_id><status>open</status>`);
    const listed = (await (await fetch(new URL('/open311/v2/requests.json?service_code=street-lamp-damaged', baseUrl))).json()) as ServiceRequest[];
    expect(listed.map((request) => [request.service_request_id, request.media_url])).toEqual([[id, 'https://img.example.org/lamp.jpg']]);
  });
});
