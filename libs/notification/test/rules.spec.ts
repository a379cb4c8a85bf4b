import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Role } from '@civicflow/auth';
import {
  buildExampleEvent,
  type CloudEvent,
  ComplaintEscalatedV1Event,
  ComplaintOverdueV1Event,
  ComplaintRejectedV1Event,
  ComplaintTriagedV1Event,
  CoordinationTaskAssignedV1Event,
  ForumActionItemAnsweredV1Event,
  MerchantRequestAnsweredV1Event,
  ReporterRegisteredV2Event,
  type EventDefinition,
  toBinaryMessage,
} from '@civicflow/contracts';
import { MESSAGE_BROKER, type MessageBroker } from '@civicflow/messaging';
import { type TestHost, waitFor } from '@civicflow/testing';
import { MailSink } from '../src';
import { DEFAULT_RULES } from '../src/rules/default-rules';
import { RulesEngine } from '../src/rules/rules-engine';
import { RulesSeeder } from '../src/rules/rules-seeder';
import { RULES_GROUP } from '../src/rules/rules.message.controller';
import { startNotificationHost } from './notification-test-host';

interface DeliveryRow {
  id: string;
  about_kind: string;
  channel: string;
  template: string;
  recipient_key: string;
  locale: string;
  urgent: boolean;
  status: string;
}

interface RuleBody {
  id: string;
  eventType: string;
  template: string;
  enabled: boolean;
  defaultKey: string | null;
}

let sequence = 0;
/** A fresh event of the type, from its contract example, about its own complaint. */
function eventOf<D extends EventDefinition>(definition: D, data: Partial<D['examples'][number]> = {}): CloudEvent<D['examples'][number]> {
  const example = buildExampleEvent(definition);
  const n = String(++sequence).padStart(12, '0');
  const complaintId = `0194f3a2-cccc-7a4b-9d2e-${n}`;
  const merged = { ...example.data, ...('complaintId' in example.data ? { complaintId } : {}), ...data };
  return {
    ...example,
    id: `0194f3a2-eeee-7a4b-9d2e-${n}`,
    time: new Date().toISOString(),
    correlationid: `corr-${n}`,
    subject: String((merged as Record<string, unknown>)[definition.subjectField]),
    data: merged,
  };
}

describe('notification rules and templates, on PostgreSQL', () => {
  let host: TestHost;
  let broker: MessageBroker;
  let admin: string;
  let sink: MailSink;
  let sinkFolder: string;

  beforeAll(async () => {
    sinkFolder = mkdtempSync(join(tmpdir(), 'notification-rules-'));
    sink = new MailSink(sinkFolder);
    const smtpPort = await sink.start(0);
    host = await startNotificationHost('notification_rules', { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, DELIVERY_POLL_INTERVAL_MS: '25' });
    broker = host.app.get<MessageBroker>(MESSAGE_BROKER);
    admin = await host.tokenFor([Role.Admin], { sub: 'admin-1' });
  }, 120_000);

  afterAll(async () => {
    await host?.close();
    await sink?.stop();
    rmSync(sinkFolder, { recursive: true, force: true });
  });

  const call = <T = Record<string, unknown>>(method: string, path: string, body?: unknown, token = admin) => host.json<T>(method, path, { token, body });

  const publish = (definition: EventDefinition, event: CloudEvent) => broker.publish([{ topic: definition.topic, ...toBinaryMessage(event) }]);
  const processed = (event: CloudEvent) =>
    waitFor(
      async () => ((await host.query(`SELECT 1 FROM notification.inbox WHERE consumer_group = $1 AND event_id = $2`, [RULES_GROUP, event.id])).length > 0 ? true : undefined),
      { what: `${event.type} ${event.id} processed by the rules` },
    );
  const deliveriesOf = (event: CloudEvent) =>
    host.query<DeliveryRow>(`SELECT id, about_kind, channel, template, recipient_key, locale, urgent, status FROM notification.delivery WHERE source_event_id = $1 ORDER BY recipient_key, channel`, [event.id]);
  const reporterOf = (complaintId: string, email: string, locale: string) =>
    host.query(
      `INSERT INTO notification.complaint_acknowledgement (complaint_id, tracking_code, reporter_name, reporter_email, reporter_locale, status) VALUES ($1, 'CF-7K3D-9QXA', 'Zhao Lei', $2, $3, 'sent')`,
      [complaintId, email, locale],
    );

  it('seeds a default rule for every event type another service publishes, and lets only an admin see them', async () => {
    const { status, body } = await call<{ items: RuleBody[] }>('GET', '/api/v1/notifications/rules');
    expect(status).toBe(200);
    const stored = new Set(body.items.map((rule) => rule.eventType));
    expect(DEFAULT_RULES.filter((rule) => !stored.has(rule.eventType))).toEqual([]);
    expect(body.items.filter((rule) => rule.defaultKey !== null)).toHaveLength(DEFAULT_RULES.length);
    const officer = await host.tokenFor([Role.Officer], { sub: 'off-1' });
    expect((await call('GET', '/api/v1/notifications/rules', undefined, officer)).status).toBe(403);
    expect((await call('GET', '/api/v1/notifications/templates/complaint.accepted/en', undefined, officer)).status).toBe(403);
  });

  it('documents the admin endpoints behind a bearer token', async () => {
    const document = (await (await host.request('/docs-json')).json()) as { paths: Record<string, Record<string, { security?: unknown }>> };
    for (const [path, method] of [
      ['/api/v1/notifications/rules', 'post'],
      ['/api/v1/notifications/rules/{id}', 'put'],
      ['/api/v1/notifications/rules/{id}', 'delete'],
      ['/api/v1/notifications/templates/{key}/{locale}', 'put'],
      ['/api/v1/notifications/templates/{key}/preview', 'post'],
      ['/api/v1/notifications/staff/{userId}', 'put'],
    ]) {
      expect([path, method, document.paths[path]?.[method]?.security]).toEqual([path, method, [{ bearer: [] }]]);
    }
  });

  it('sends a notice by a rule stored through the API, in the reporter language, and none once the rule is disabled', async () => {
    const created = await call<RuleBody>('POST', '/api/v1/notifications/rules', {
      eventType: 'complaints.complaint.overdue.v1',
      audience: { kind: 'reporter' },
      template: 'staff.complaint-overdue',
      channels: ['email'],
      note: 'Tell reporters when we are late.',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ eventType: 'complaints.complaint.overdue.v1', template: 'staff.complaint-overdue', enabled: true, defaultKey: null });

    const first = eventOf(ComplaintOverdueV1Event);
    await reporterOf(first.data.complaintId, 'zhao.lei@example.org', 'en');
    await publish(ComplaintOverdueV1Event, first);
    await processed(first);
    const deliveries = await deliveriesOf(first);
    expect(deliveries).toEqual([expect.objectContaining({ channel: 'email', template: 'staff.complaint-overdue', recipient_key: `reporter:${first.data.complaintId}`, locale: 'en' })]);
    const mail = await waitFor(() => sink.list().find((m) => m.to.includes('zhao.lei@example.org')), { what: 'the overdue mail' });
    expect(mail.subject).toBe('Complaint CF-7K3D-9QXA is overdue');
    // The deadline is written for a reader in Beijing, in their language.
    expect(mail.text).toContain('March 4, 2026');

    const disabled = await call<RuleBody>('DELETE', `/api/v1/notifications/rules/${created.body.id}`);
    expect(disabled).toMatchObject({ status: 200, body: { enabled: false } });
    const second = eventOf(ComplaintOverdueV1Event);
    await reporterOf(second.data.complaintId, 'qian.yu@example.org', 'zh-CN');
    await publish(ComplaintOverdueV1Event, second);
    await processed(second);
    expect(await deliveriesOf(second)).toEqual([]);
  });

  it('acknowledges a complaint by the rule on the reporter registration, from the contact it carries, in the language chosen at intake', async () => {
    const registered = eventOf(ReporterRegisteredV2Event, { name: 'Wang Fang', email: 'wang.fang@example.org', locale: 'en', phone: undefined });
    await publish(ReporterRegisteredV2Event, registered);
    await processed(registered);
    expect(await deliveriesOf(registered)).toEqual([
      expect.objectContaining({ about_kind: 'complaint', channel: 'email', template: 'complaint.acknowledgement', recipient_key: `reporter:${registered.data.complaintId}`, locale: 'en' }),
    ]);
    const mail = await waitFor(() => sink.list().find((m) => m.to.includes('wang.fang@example.org')), { what: 'the acknowledgement' });
    expect(mail.subject).toBe(`We have received your complaint ${registered.data.trackingCode}`);
    expect(mail.text).toMatch(/^Dear Wang Fang,/);
    expect(mail.text).toContain(`/api/v1/complaints/${registered.data.trackingCode}`);
  });

  it("tells the reporter each promised step by the default rules: acceptance with its deadline, rejection with its reason, by mail or a caller's SMS", async () => {
    const triaged = eventOf(ComplaintTriagedV1Event);
    await reporterOf(triaged.data.complaintId, 'sun.li@example.org', 'en');
    await publish(ComplaintTriagedV1Event, triaged);
    await processed(triaged);
    expect(await deliveriesOf(triaged)).toEqual([expect.objectContaining({ about_kind: 'complaint', channel: 'email', template: 'complaint.accepted', recipient_key: `reporter:${triaged.data.complaintId}` })]);
    const accepted = await waitFor(() => sink.list().find((m) => m.to.includes('sun.li@example.org')), { what: 'the acceptance mail' });
    expect(accepted.subject).toBe('Your complaint CF-7K3D-9QXA has been accepted');
    expect(accepted.text).toMatch(/^Dear Zhao Lei,\n\nWe have accepted your complaint CF-7K3D-9QXA .* It is due to be handled by March 4, 2026/);
    expect(accepted.text).toContain('/api/v1/complaints/CF-7K3D-9QXA');

    const rejected = eventOf(ComplaintRejectedV1Event);
    await host.query(`INSERT INTO notification.complaint_acknowledgement (complaint_id, tracking_code, reporter_phone, status) VALUES ($1, 'CF-7K3D-9QXA', '13900002222', 'sent')`, [
      rejected.data.complaintId,
    ]);
    await publish(ComplaintRejectedV1Event, rejected);
    await processed(rejected);
    const [text] = await host.query<{ channel: string; text: string }>(
      `SELECT channel, payload -> 'content' -> 'zh-CN' ->> 'text' AS text FROM notification.delivery WHERE source_event_id = $1`,
      [rejected.id],
    );
    expect(text.channel).toBe('sms');
    expect(text.text).toContain('未予受理');
    expect(text.text).toContain(rejected.data.reason);
  });

  it('answers merchants by rule: a request answered directly, not one answered through a forum item, and the item to each merchant who raised it', async () => {
    const merchant = (n: number, email: string) =>
      host.query(`INSERT INTO notification.merchant_contact (merchant_id, business_name, contact_name, email, phone, locale) VALUES ($1, $2, '王建国', $3, '13812345678', 'zh-CN')`, [
        `0194f3a2-dddd-7a4b-9d2e-00000000000${n}`,
        `Shop ${n}`,
        email,
      ]);
    await merchant(1, 'shop1@example.org');
    await merchant(2, 'shop2@example.org');
    const direct = eventOf(MerchantRequestAnsweredV1Event, { merchantId: '0194f3a2-dddd-7a4b-9d2e-000000000001', subject: 'Loading bay', answer: 'From 05:00.', forumId: null, actionItemId: null });
    const throughForum = eventOf(MerchantRequestAnsweredV1Event, {
      merchantId: '0194f3a2-dddd-7a4b-9d2e-000000000001',
      forumId: '0194f3a2-dddd-7a4b-9d2e-0000000000f0',
      actionItemId: '0194f3a2-dddd-7a4b-9d2e-0000000000a0',
    });
    const item = eventOf(ForumActionItemAnsweredV1Event, { merchantIds: ['0194f3a2-dddd-7a4b-9d2e-000000000001', '0194f3a2-dddd-7a4b-9d2e-000000000002'] });
    await publish(MerchantRequestAnsweredV1Event, direct);
    await publish(MerchantRequestAnsweredV1Event, throughForum);
    await publish(ForumActionItemAnsweredV1Event, item);
    await Promise.all([processed(direct), processed(throughForum), processed(item)]);

    expect(await deliveriesOf(direct)).toEqual([expect.objectContaining({ about_kind: 'merchant', channel: 'email', template: 'merchant.request-answered', recipient_key: 'merchant:0194f3a2-dddd-7a4b-9d2e-000000000001' })]);
    expect(await deliveriesOf(throughForum)).toEqual([]);
    expect((await deliveriesOf(item)).map((delivery) => delivery.recipient_key)).toEqual(['merchant:0194f3a2-dddd-7a4b-9d2e-000000000001', 'merchant:0194f3a2-dddd-7a4b-9d2e-000000000002']);
    const mail = await waitFor(() => sink.list().find((m) => m.to.includes('shop1@example.org') && m.subject.startsWith('您的诉求已答复')), { what: 'the answer mail' });
    expect(mail.subject).toBe('您的诉求已答复：Loading bay');
    expect(mail.text).toContain('Shop 1提出的诉求“Loading bay”已答复如下：\n\nFrom 05:00.');
  });

  it('tells staff of a role in their inbox, agents only of the event department, and department systems by webhook', async () => {
    expect((await call('PUT', '/api/v1/notifications/staff/sup-1', { roles: ['supervisor'] })).status).toBe(200);
    expect((await call('PUT', '/api/v1/notifications/staff/agent-water', { roles: ['department_agent'], department: 'water-affairs' })).status).toBe(200);
    expect((await call('PUT', '/api/v1/notifications/staff/agent-housing', { roles: ['department_agent'], department: 'housing' })).status).toBe(200);
    expect((await call('PUT', '/api/v1/notifications/staff/someone', { roles: ['citizen'] })).status).toBe(400);
    const hook = await call<{ id: string }>('POST', '/api/v1/notifications/webhook-subscriptions', { department: 'water-affairs', url: 'http://127.0.0.1:9/hooks' });
    expect(hook.status).toBe(201);

    const escalated = eventOf(ComplaintEscalatedV1Event);
    await publish(ComplaintEscalatedV1Event, escalated);
    await processed(escalated);
    const [note] = await deliveriesOf(escalated);
    // Only notices to the reporter are about the complaint (the complaints service shows those on its public timeline).
    expect(note).toMatchObject({ about_kind: 'complaint-staff', channel: 'in-app', recipient_key: 'user:sup-1', template: 'staff.complaint-escalated', urgent: true });
    const supervisor = await host.tokenFor([Role.Supervisor], { sub: 'sup-1' });
    const inbox = await waitFor(
      async () => {
        const { body } = await call<{ items: Array<{ subject: string }> }>('GET', '/api/v1/notifications/inbox', undefined, supervisor);
        return body.items.length > 0 ? body.items : undefined;
      },
      { what: "the supervisor's inbox" },
    );
    expect(inbox[0].subject).toContain('CF-7K3D-9QXA');

    const assigned = eventOf(CoordinationTaskAssignedV1Event, { department: 'water-affairs' });
    await publish(CoordinationTaskAssignedV1Event, assigned);
    await processed(assigned);
    expect((await deliveriesOf(assigned)).map(({ channel, recipient_key, template }) => ({ channel, recipient_key, template }))).toEqual([
      { channel: 'webhook', recipient_key: `department:water-affairs:${hook.body.id}`, template: 'department.task-assigned' },
      { channel: 'in-app', recipient_key: 'user:agent-water', template: 'staff.task-assigned' },
    ]);
  });

  it('queues nothing twice for a redelivered event, through the inbox or past it', async () => {
    const event = eventOf(ComplaintEscalatedV1Event);
    await publish(ComplaintEscalatedV1Event, event);
    await publish(ComplaintEscalatedV1Event, event);
    await processed(event);
    // Past the inbox (another group, a replay): the delivery key still holds.
    const again = await host.app.get<DataSource>(getDataSourceToken('notification')).transaction((manager) => host.app.get(RulesEngine).apply(manager, event));
    expect(again).toEqual({ rules: 1, queued: 0 });
    expect(await deliveriesOf(event)).toHaveLength(1);
  });

  it('does not tell of what happened long before the rule was made (a new consumer group reads the retained history)', async () => {
    const old = { ...eventOf(ComplaintEscalatedV1Event), time: new Date(Date.now() - 3 * 24 * 3_600_000).toISOString() };
    const recent = { ...eventOf(ComplaintEscalatedV1Event), time: new Date(Date.now() - 3_600_000).toISOString() };
    await publish(ComplaintEscalatedV1Event, old);
    await publish(ComplaintEscalatedV1Event, recent);
    await processed(old);
    await processed(recent);
    expect(await deliveriesOf(old)).toEqual([]);
    expect(await deliveriesOf(recent)).toEqual([expect.objectContaining({ recipient_key: 'user:sup-1', template: 'staff.complaint-escalated' })]);
  });

  it('refuses at the edge a rule with an unknown event, audience, channel or template, or variables the event cannot supply', async () => {
    const base = { eventType: 'complaints.complaint.overdue.v1', audience: { kind: 'staff', role: 'supervisor' }, template: 'staff.complaint-overdue', channels: ['in-app'] };
    const refused = async (change: Record<string, unknown>, expected: RegExp) => {
      const { status, body } = await call<{ code: string; message: string[] }>('POST', '/api/v1/notifications/rules', { ...base, ...change });
      expect([status, body.code]).toEqual([400, expect.stringMatching(/invalid_rule|invalid_request/)]);
      expect(body.message.join('\n')).toMatch(expected);
    };
    await refused({ eventType: 'complaints.complaint.teleported.v1' }, /eventType complaints\.complaint\.teleported\.v1 is not an event type of the catalogue/);
    await refused({ eventType: 'notification.message.delivered.v1' }, /published by the notification service itself/);
    await refused({ audience: { kind: 'everyone' } }, /audience\.kind everyone is unknown/);
    await refused({ audience: { kind: 'staff', role: 'citizen' } }, /audience\.role citizen is not a staff role/);
    await refused({ audience: { kind: 'department' }, channels: ['webhook'] }, /complaints\.complaint\.overdue\.v1 carries no department/);
    await refused({ channels: ['email'] }, /channel email cannot reach the staff audience/);
    await refused({ when: { field: 'forumId', present: false } }, /when\.field forumId is not a field of complaints\.complaint\.overdue\.v1/);
    await refused({ template: 'staff.no-such-template' }, /template staff\.no-such-template is unknown/);
    await refused({ eventType: 'complaints.complaint.rated.v1' }, /variable deadlineAt is not supplied by complaints\.complaint\.rated\.v1/);
    await refused({ audience: { kind: 'staff', role: 'supervisor' }, eventType: 'complaints.merchant.registered.v1', template: 'merchant.registered' }, /carries personal data/);
    await refused({ mandatory: true, note: 'Art. 61' }, /mandatory: only a notice to the person concerned \(reporter, merchant\) can override their opt-out, not the staff audience/);
    await refused({ mandatory: true }, /mandatory: note must give the legal basis/);
    expect((await call('PUT', '/api/v1/notifications/rules/0194f3a2-0000-7000-8000-000000000000', base)).status).toBe(404);
  });

  it('changes a seeded default through the API, and keeps the change when the defaults are seeded again', async () => {
    const { body } = await call<{ items: RuleBody[] }>('GET', '/api/v1/notifications/rules?eventType=complaints.complaint.rated.v1');
    const [rated] = body.items;
    const changed = await call<RuleBody & { urgent: boolean }>('PUT', `/api/v1/notifications/rules/${rated.id}`, {
      eventType: rated.eventType,
      audience: { kind: 'staff', role: 'officer' },
      template: rated.template,
      channels: ['in-app'],
      urgent: true,
    });
    expect(changed).toMatchObject({ status: 200, body: { id: rated.id, urgent: true, audience: { kind: 'staff', role: 'officer' } } });
    await host.app.get(RulesSeeder).onApplicationBootstrap();
    const after = await call<{ items: RuleBody[] }>('GET', '/api/v1/notifications/rules?eventType=complaints.complaint.rated.v1');
    expect(after.body.items).toEqual([expect.objectContaining({ id: rated.id, urgent: true, audience: { kind: 'staff', role: 'officer' } })]);
  });
});
