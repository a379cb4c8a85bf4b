import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Role } from '@civicflow/auth';
import { type TestHost, waitFor } from '@civicflow/testing';
import { DeliveryRequests, type DeliveryRequest, type EnqueueResult, MailSink, MANDATORY_NOTICE } from '../src';
import { startNotificationHost } from './notification-test-host';
const GATEWAY_TOKEN = 'sms-gateway-test-token';
const MAX_ATTEMPTS = 3;
const CHANNEL_TIMEOUT_MS = 500;

interface ReceivedCall {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server standing for the SMS gateway and the departments' webhook receivers; `answer` decides each reply. */
class FakeReceiver {
  readonly calls: ReceivedCall[] = [];
  answer: (call: ReceivedCall) => number | Promise<number> = () => 200;
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const call = { path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      this.calls.push(call);
      void Promise.resolve(this.answer(call)).then((status) => {
        response.statusCode = status;
        response.end();
      });
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  to(path: string): ReceivedCall[] {
    return this.calls.filter((call) => call.path === path);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The receiver's check exactly as docs/webhooks.md prints it. */
function verifyAsDocumented(secret: string, rawBody: string, header: string | undefined): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((kv) => kv.split('=')));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface DeliveryRow {
  id: string;
  status: string;
  attempts: number;
  address: string | null;
  recipient_masked: string;
  next_attempt_at: Date;
  last_error: string | null;
}

interface OutboxEvent {
  event_type: string;
  data: Record<string, unknown>;
}

describe('notification delivery on every channel, on PostgreSQL with real SMTP and HTTP receivers', () => {
  let host: TestHost;
  let sink: MailSink;
  let sinkFolder: string;
  const gateway = new FakeReceiver();
  const departments = new FakeReceiver();

  beforeAll(async () => {
    sinkFolder = mkdtempSync(join(tmpdir(), 'notification-delivery-'));
    sink = new MailSink(sinkFolder);
    const smtpPort = await sink.start(0);
    await gateway.start();
    await departments.start();
    host = await startNotificationHost('notification_delivery', {
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SMS_GATEWAY_URL: `${gateway.url}/sms`,
      SMS_GATEWAY_TOKEN: GATEWAY_TOKEN,
      SMS_MAX_SEGMENTS: '2',
      DELIVERY_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      DELIVERY_RETRY_BASE_MS: '40',
      DELIVERY_RETRY_MAX_MS: '200',
      DELIVERY_POLL_INTERVAL_MS: '25',
      CHANNEL_TIMEOUT_MS: String(CHANNEL_TIMEOUT_MS),
    });
  }, 120_000);

  afterAll(async () => {
    await host?.close();
    await sink?.stop();
    await gateway.stop();
    await departments.stop();
    rmSync(sinkFolder, { recursive: true, force: true });
  });

  function request(overrides: Partial<DeliveryRequest> & { recipient: DeliveryRequest['recipient'] }): DeliveryRequest {
    return {
      sourceEvent: { id: uuidv7(), type: 'complaints.complaint.accepted.v1' },
      about: { kind: 'complaint', id: uuidv7() },
      correlationId: uuidv7(),
      template: 'complaint.accepted',
      content: {
        'zh-CN': { subject: '您的投诉已受理', text: '您的投诉 CF-7K3M-Q9TZ 已受理，将于3个工作日内处理。' },
        en: { subject: 'Your complaint has been accepted', text: 'Your complaint CF-7K3M-Q9TZ has been accepted.\n\nWe will handle it within 3 working days.' },
      },
      ...overrides,
    };
  }

  const enqueue = (deliveryRequest: DeliveryRequest): Promise<EnqueueResult> =>
    host.app.get<DataSource>(getDataSourceToken('notification')).transaction((manager) => host.app.get(DeliveryRequests).enqueue(manager, deliveryRequest));

  const delivery = async (id: string): Promise<DeliveryRow> =>
    (await host.query<DeliveryRow>(`SELECT id, status, attempts, address, recipient_masked, next_attempt_at, last_error FROM notification.delivery WHERE id = $1`, [id]))[0];

  const settled = (id: string) =>
    waitFor(
      async () => {
        const row = await delivery(id);
        return row.status === 'delivered' || row.status === 'failed' ? row : undefined;
      },
      { what: `delivery ${id} to settle`, timeoutMs: 10_000 },
    );

  const eventsAbout = (messageId: string) =>
    host.query<OutboxEvent>(`SELECT event_type, envelope -> 'data' AS data FROM notification.outbox WHERE message_key = $1 ORDER BY seq`, [messageId]);

  const mailsTo = (address: string) => sink.list().filter((mail) => mail.to.includes(address));

  async function putPreferences(sub: string, body: unknown): Promise<Response> {
    return host.request('/api/v1/notifications/preferences/me', {
      method: 'PUT',
      token: await host.tokenFor([Role.Citizen], { sub }),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** 'HH:MM' in Beijing time, `minutes` from now. */
  const beijingTime = (minutes: number) => new Date(Date.now() + 8 * 3_600_000 + minutes * 60_000).toISOString().slice(11, 16);

  it('mails a message with text and HTML parts in the recipient language, records it delivered and announces it masked', async () => {
    const email = 'li.na@example.org';
    const result = await enqueue(request({ recipient: { key: 'reporter:li-na', email } }));
    expect(result.deliveries).toEqual([expect.objectContaining({ channel: 'email', created: true })]);
    const id = result.deliveries[0].id;

    const row = await settled(id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, address: null, recipient_masked: 'l***@example.org' });
    const [mail] = mailsTo(email);
    expect(mail.subject).toBe('您的投诉已受理');
    expect(mail.text).toContain('已受理');
    const raw = readFileSync(mail.file, 'utf8');
    expect(raw).toMatch(/Content-Type: text\/plain/i);
    expect(raw).toMatch(/Content-Type: text\/html/i);
    expect(raw).toContain(`Message-ID: <${id}@civicflow>`);

    const events = await eventsAbout(id);
    expect(events).toEqual([
      {
        event_type: 'notification.message.delivered.v1',
        data: expect.objectContaining({ messageId: id, channel: 'email', template: 'complaint.accepted', recipient: 'l***@example.org' }),
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(email);
  });

  it('sends an SMS through the gateway with its token, cutting a long Chinese text to the segment limit', async () => {
    const phone = '13812345678';
    const longText = '城市管理综合行政执法局通知：'.repeat(20);
    const result = await enqueue(request({ recipient: { key: 'reporter:sms-long', phone }, content: { 'zh-CN': { subject: '通知', text: longText }, en: { subject: 'Notice', text: 'Notice' } } }));
    const row = await settled(result.deliveries[0].id);
    expect(row.status).toBe('delivered');

    const calls = gateway.to('/sms').filter((call) => JSON.parse(call.body).to === phone);
    expect(calls).toHaveLength(1);
    expect(calls[0].headers.authorization).toBe(`Bearer ${GATEWAY_TOKEN}`);
    const sms = JSON.parse(calls[0].body);
    expect(sms).toMatchObject({ messageId: row.id, encoding: 'UCS-2', segments: 2 });
    expect(sms.text).toHaveLength(134);
    expect(sms.text.endsWith('…')).toBe(true);
    expect((await eventsAbout(row.id))[0].data).toMatchObject({ channel: 'sms', recipient: '138****5678' });
  });

  it('signs webhooks so that the documented check accepts them and refuses a tampered body', async () => {
    const admin = await host.tokenFor([Role.Admin]);
    const created = await host.request('/api/v1/notifications/webhook-subscriptions', {
      method: 'POST',
      token: admin,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ department: 'market-supervision', url: `${departments.url}/hooks/market` }),
    });
    expect(created.status).toBe(201);
    const subscription = (await created.json()) as { id: string; secret: string };
    expect(subscription.secret).toMatch(/^whsec_/);
    const listed = await (await host.request('/api/v1/notifications/webhook-subscriptions', { token: admin })).json();
    expect(JSON.stringify(listed)).not.toContain(subscription.secret);

    const result = await enqueue(
      request({ recipient: { key: 'department:market-supervision', webhookSubscriptionId: subscription.id }, data: { caseId: 'case-17', kind: 'joint-inspection' }, urgent: true }),
    );
    const row = await settled(result.deliveries[0].id);
    expect(row.status).toBe('delivered');

    const [call] = departments.to('/hooks/market');
    expect(call.headers['x-civicflow-delivery']).toBe(row.id);
    const signature = call.headers['x-civicflow-signature'] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyAsDocumented(subscription.secret, call.body, signature)).toBe(true);
    expect(JSON.parse(call.body)).toMatchObject({ id: row.id, template: 'complaint.accepted', data: { caseId: 'case-17' } });

    expect(verifyAsDocumented(subscription.secret, call.body.replace('case-17', 'case-18'), signature)).toBe(false);
    expect(verifyAsDocumented('whsec_someone-else', call.body, signature)).toBe(false);
  });

  it('puts in-app messages in the user inbox with an unread count, and lets only that user mark them read', async () => {
    const sub = 'citizen-inbox-1';
    const token = await host.tokenFor([Role.Citizen], { sub });
    const result = await enqueue(request({ recipient: { key: `user:${sub}`, userId: sub, email: 'inbox@example.org' } }));
    expect(result.deliveries.map((d) => d.channel)).toEqual(['in-app']);
    const row = await settled(result.deliveries[0].id);
    expect(row).toMatchObject({ status: 'delivered', recipient_masked: 'user:ci***' });

    const inbox = (await (await host.request('/api/v1/notifications/inbox', { token })).json()) as { items: Array<{ id: string; subject: string; readAt: string | null }>; unreadCount: number };
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.items).toEqual([expect.objectContaining({ id: row.id, subject: '您的投诉已受理', readAt: null })]);

    const stranger = await host.tokenFor([Role.Citizen], { sub: 'someone-else' });
    expect((await host.request(`/api/v1/notifications/inbox/${row.id}/read`, { method: 'POST', token: stranger })).status).toBe(404);
    expect((await host.request(`/api/v1/notifications/inbox/${row.id}/read`, { method: 'POST', token })).status).toBe(204);
    const after = (await (await host.request('/api/v1/notifications/inbox', { token })).json()) as { items: Array<{ readAt: string | null }>; unreadCount: number };
    expect(after.unreadCount).toBe(0);
    expect(after.items[0].readAt).not.toBeNull();
    expect((await host.request('/api/v1/notifications/inbox')).status).toBe(401);
  });

  it('retries a 429 and a gateway that does not answer in time, then delivers with the same message id', async () => {
    const phone = '13900000001';
    let seen = 0;
    const slowAnswer = () => new Promise<number>((resolve) => setTimeout(() => resolve(200), CHANNEL_TIMEOUT_MS * 2));
    gateway.answer = (call) => {
      if (JSON.parse(call.body).to !== phone) return 200;
      seen += 1;
      return seen === 1 ? 429 : seen === 2 ? slowAnswer() : 200;
    };
    try {
      const result = await enqueue(request({ recipient: { key: 'reporter:retry-ok', phone } }));
      const row = await settled(result.deliveries[0].id);
      expect(row).toMatchObject({ status: 'delivered', attempts: 3 });
      expect(seen).toBe(3);
      const calls = gateway.to('/sms').filter((call) => JSON.parse(call.body).to === phone);
      expect(new Set(calls.map((call) => JSON.parse(call.body).messageId))).toEqual(new Set([row.id]));
      const events = await eventsAbout(row.id);
      expect(events.map((event) => event.event_type)).toEqual(['notification.message.delivered.v1']);
    } finally {
      gateway.answer = () => 200;
    }
  });

  it('gives up after the last attempt and announces the failure; a 4xx fails at once', async () => {
    const phone = '13900000002';
    const refused = '13900000003';
    gateway.answer = (call) => {
      const to = JSON.parse(call.body).to;
      return to === phone ? 503 : to === refused ? 400 : 200;
    };
    try {
      const [failing, rejected] = await Promise.all([
        enqueue(request({ recipient: { key: 'reporter:retry-fail', phone } })),
        enqueue(request({ recipient: { key: 'reporter:refused', phone: refused } })),
      ]);
      const row = await settled(failing.deliveries[0].id);
      expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, address: null });
      expect(row.last_error).toContain('503');
      const [failed] = await eventsAbout(row.id);
      expect(failed).toEqual({
        event_type: 'notification.message.failed.v1',
        data: expect.objectContaining({ messageId: row.id, channel: 'sms', attempts: MAX_ATTEMPTS, recipient: '139****0002', reason: expect.stringContaining('503') }),
      });
      expect(JSON.stringify(failed)).not.toContain(phone);

      const permanent = await settled(rejected.deliveries[0].id);
      expect(permanent).toMatchObject({ status: 'failed', attempts: 1 });
      expect(gateway.to('/sms').filter((call) => JSON.parse(call.body).to === refused)).toHaveLength(1);
    } finally {
      gateway.answer = () => 200;
    }
  });

  it('queues nothing new and sends once when the same event is delivered twice', async () => {
    const email = 'twice@example.org';
    const once = request({ recipient: { key: 'reporter:twice', email } });
    const first = await enqueue(once);
    const second = await enqueue(once);
    expect(second.deliveries).toEqual([expect.objectContaining({ id: first.deliveries[0].id, created: false })]);
    await settled(first.deliveries[0].id);
    // The dispatcher keeps polling; give it a few rounds to prove there is nothing left to send.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(email)).toHaveLength(1);
    expect(await host.query(`SELECT id FROM notification.delivery WHERE source_event_id = $1`, [once.sourceEvent.id])).toHaveLength(1);
  });

  it('takes over a delivery whose sender died mid-send once its lease has run out', async () => {
    const email = 'orphan@example.org';
    const dataSource = host.app.get<DataSource>(getDataSourceToken('notification'));
    // As a replica that claimed the delivery and then died would leave it: sending, attempted once, leased for a while.
    const result = await dataSource.transaction(async (manager) => {
      const enqueued = await host.app.get(DeliveryRequests).enqueue(manager, request({ recipient: { key: 'reporter:orphan', email } }));
      await manager.query(`UPDATE notification.delivery SET status = 'sending', attempts = 1, next_attempt_at = now() + interval '600 milliseconds' WHERE id = $1`, [
        enqueued.deliveries[0].id,
      ]);
      return enqueued;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mailsTo(email)).toHaveLength(0);
    const row = await settled(result.deliveries[0].id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(mailsTo(email)).toHaveLength(1);
  });

  it('defers a non-urgent message to the end of quiet hours, in the language the recipient chose', async () => {
    const sub = 'citizen-quiet';
    const quiet = { start: beijingTime(-60), end: beijingTime(60) };
    const saved = await putPreferences(sub, { channels: ['email', 'in-app'], language: 'en', quietHours: quiet });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ channels: ['email', 'in-app'], language: 'en', quietHours: quiet });

    const email = 'quiet@example.org';
    const before = Date.now();
    const result = await enqueue(request({ recipient: { key: `user:${sub}`, userId: sub, email } }));
    expect(result.deliveries).toEqual([expect.objectContaining({ channel: 'email' })]);
    const deferredTo = result.deliveries[0].nextAttemptAt.getTime();
    expect(deferredTo).toBeGreaterThan(before + 58 * 60_000);
    expect(deferredTo).toBeLessThanOrEqual(before + 61 * 60_000);
    expect(new Date(deferredTo + 8 * 3_600_000).toISOString().slice(11, 16)).toBe(quiet.end);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await delivery(result.deliveries[0].id)).status).toBe('queued');
    expect(mailsTo(email)).toHaveLength(0);

    // An urgent message for the same recipient is not held back.
    const urgent = await enqueue(request({ template: 'complaint.urgent', recipient: { key: `user:${sub}`, userId: sub, email }, urgent: true }));
    expect((await settled(urgent.deliveries[0].id)).status).toBe('delivered');

    // The quiet hours end: the deferred message goes out, in English.
    await host.query(`UPDATE notification.delivery SET next_attempt_at = now() WHERE id = $1`, [result.deliveries[0].id]);
    expect((await settled(result.deliveries[0].id)).status).toBe('delivered');
    expect(mailsTo(email).map((mail) => mail.subject)).toEqual(expect.arrayContaining(['Your complaint has been accepted']));
  });

  it('sends a mandatory notice despite opt-out and quiet hours, on every reachable channel, and says so', async () => {
    const sub = 'merchant-opted-out';
    expect((await putPreferences(sub, { channels: [], language: 'zh-CN', quietHours: { start: beijingTime(-30), end: beijingTime(30) } })).status).toBe(200);
    const recipient = { key: `user:${sub}`, userId: sub, email: 'shop@example.org', phone: '13700000009' };

    expect(await enqueue(request({ recipient }))).toEqual({ deliveries: [], skipped: 'opted-out' });

    const notice = await enqueue(request({ template: 'enforcement.decision-served', about: { kind: 'case', id: 'case-42' }, recipient, mandatory: true }));
    expect(notice.deliveries.map((d) => d.channel).sort()).toEqual(['email', 'in-app', 'sms']);
    for (const { id } of notice.deliveries) expect((await settled(id)).status).toBe('delivered');

    const [mail] = mailsTo('shop@example.org');
    expect(mail.text.startsWith(MANDATORY_NOTICE['zh-CN'])).toBe(true);
    const sms = gateway.to('/sms').find((call) => JSON.parse(call.body).to === '13700000009');
    expect(JSON.parse(sms?.body ?? '{}').text).toContain('依法送达');
    const inbox = (await (await host.request('/api/v1/notifications/inbox', { token: await host.tokenFor([Role.Merchant], { sub }) })).json()) as { items: Array<{ body: string }> };
    expect(inbox.items[0].body.startsWith(MANDATORY_NOTICE['zh-CN'])).toBe(true);
  });

  it('shows preferences (defaults first) and refuses a malformed one with the field path', async () => {
    const token = await host.tokenFor([Role.Citizen], { sub: 'citizen-defaults' });
    expect(await (await host.request('/api/v1/notifications/preferences/me', { token })).json()).toEqual({
      channels: ['in-app', 'email', 'sms', 'webhook'],
      language: 'zh-CN',
      quietHours: null,
    });
    const bad = await putPreferences('citizen-defaults', { channels: ['email', 'fax'], language: 'fr', quietHours: { start: '25:00', end: '07:00' } });
    expect(bad.status).toBe(400);
    const { message } = (await bad.json()) as { message: string[] };
    expect(message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^channels/), expect.stringMatching(/^language/), expect.stringMatching(/^quietHours\.start/)]),
    );
    expect((await host.request('/api/v1/notifications/preferences/me')).status).toBe(401);
  });

  it('answers the status of a message and of a source event to supervisors, auditors and admins only', async () => {
    const deliveryRequest = request({ recipient: { key: 'reporter:status', email: 'status@example.org', phone: '13600000000' }, mandatory: true });
    const { deliveries } = await enqueue(deliveryRequest);
    for (const { id } of deliveries) await settled(id);

    const auditor = await host.tokenFor([Role.Auditor]);
    const one = await host.request(`/api/v1/notifications/messages/${deliveries[0].id}`, { token: auditor });
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: deliveries[0].id, sourceEventId: deliveryRequest.sourceEvent.id, status: 'delivered', attempts: 1, mandatory: true });

    const list = await host.request(`/api/v1/notifications/messages?sourceEventId=${deliveryRequest.sourceEvent.id}`, { token: await host.tokenFor([Role.Supervisor]) });
    const body = (await list.json()) as { items: Array<{ channel: string; recipient: string }> };
    expect(body.items.map((item) => item.channel).sort()).toEqual(['email', 'sms']);
    expect(JSON.stringify(body)).not.toMatch(/status@example\.org|13600000000/);

    expect((await host.request(`/api/v1/notifications/messages/${deliveries[0].id}`, { token: await host.tokenFor([Role.Officer]) })).status).toBe(403);
    expect((await host.request(`/api/v1/notifications/messages/${uuidv7()}`, { token: auditor })).status).toBe(404);
    expect((await host.request('/api/v1/notifications/messages', { token: auditor })).status).toBe(400);
  });
});
