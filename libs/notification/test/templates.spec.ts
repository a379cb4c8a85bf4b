import { Role } from '@civicflow/auth';
import { buildExampleEvent, type CloudEvent, ComplaintOverdueV1Event, toBinaryMessage } from '@civicflow/contracts';
import { MESSAGE_BROKER, type MessageBroker } from '@civicflow/messaging';
import { type TestHost, waitFor } from '@civicflow/testing';
import { RULES_GROUP } from '../src/rules/rules.message.controller';
import { startNotificationHost } from './notification-test-host';

type Rendered = { subject: string; text: string; html: string };

describe('notification templates: typed variables checked at save, preview in both languages (PostgreSQL)', () => {
  let host: TestHost;
  let admin: string;

  beforeAll(async () => {
    host = await startNotificationHost('notification_templates', { DELIVERY_POLL_INTERVAL_MS: '60000' });
    admin = await host.tokenFor([Role.Admin], { sub: 'admin-7' });
  }, 120_000);

  afterAll(() => host?.close());

  const call = <T = { code: string; message: string[] }>(method: string, path: string, body?: unknown) => host.json<T>(method, path, { token: admin, body });

  const overdue = (change: Record<string, unknown>) => ({
    subject: 'Complaint {{trackingCode}} is late',
    text: 'Complaint {{trackingCode}} ({{handlingUnit}}) was due by {{deadlineAt}}.',
    variables: { trackingCode: 'string', handlingUnit: 'string', deadlineAt: 'datetime' },
    ...change,
  });

  it('lists and reads the seeded templates in zh-CN and en, with their declared variables', async () => {
    const { status, body } = await call<{ items: Array<{ key: string; locale: string }> }>('GET', '/api/v1/notifications/templates');
    expect(status).toBe(200);
    const accepted = body.items.filter((template) => template.key === 'complaint.accepted').map((template) => template.locale);
    expect(accepted.sort()).toEqual(['en', 'zh-CN']);
    const one = await call<{ variables: Record<string, string> }>('GET', '/api/v1/notifications/templates/complaint.accepted/zh-CN');
    expect(one.body.variables).toMatchObject({ trackingCode: 'string', deadlineAt: 'datetime', trackingUrl: 'url' });
    expect((await call('GET', '/api/v1/notifications/templates/complaint.accepted/fr')).status).toBe(400);
    expect((await call('GET', '/api/v1/notifications/templates/no.such-template')).status).toBe(404);
  });

  it.each([
    ['an undeclared placeholder', { text: 'Due by {{deadlineAt}}, says {{handlerName}}.' }, /text: placeholder \{\{handlerName\}\} is not a declared variable/],
    ['a syntax error', { text: 'Due {{#deadlineAt}}by {{deadlineAt}}.' }, /text: Unclosed section "deadlineAt"/],
    ['a variable the events of its rules cannot supply', { variables: { trackingCode: 'string', handlingUnit: 'string', deadlineAt: 'datetime', reply: 'string' } }, /variable reply is not supplied by complaints\.complaint\.overdue\.v1/],
    ['a type the event cannot fill', { variables: { trackingCode: 'string', handlingUnit: 'string', deadlineAt: 'money' } }, /variable deadlineAt is declared money but complaints\.complaint\.overdue\.v1 supplies a datetime/],
    ['an unknown type', { variables: { trackingCode: 'text', handlingUnit: 'string', deadlineAt: 'datetime' } }, /variable trackingCode has the unknown type "text"/],
    ['an unescaped value in the HTML part', { html: '<p>{{{handlingUnit}}}</p>' }, /html: placeholder handlingUnit must be escaped/],
    ['a partial', { text: '{{> footer}}' }, /partial \{\{> footer\}\} is not supported/],
  ])('refuses a template with %s, naming it', async (_what, change, expected) => {
    const { status, body } = await call('PUT', '/api/v1/notifications/templates/staff.complaint-overdue/en', overdue(change));
    expect(status).toBe(400);
    expect(body.code).toBe('invalid_template');
    expect(body.message.join('\n')).toMatch(expected);
  });

  it('previews both languages from the event contract example, values given overriding it', async () => {
    const { status, body } = await call<Record<'zh-CN' | 'en', Rendered>>('POST', '/api/v1/notifications/templates/complaint.accepted/preview', {});
    expect(status).toBe(200);
    expect(body['zh-CN'].subject).toBe('您的投诉 CF-7K3D-9QXA 已受理');
    expect(body['zh-CN'].text).toContain('办理时限：2026年3月4日');
    expect(body.en.subject).toBe('Your complaint CF-7K3D-9QXA has been accepted');
    expect(body.en.text).toContain('It is due to be handled by March 4, 2026');
    expect(body.en.text).toContain('/api/v1/complaints/CF-7K3D-9QXA');
    expect(body.en.html).toContain('<p>');

    const given = await call<Record<'zh-CN' | 'en', Rendered>>('POST', '/api/v1/notifications/templates/complaint.accepted/preview', { variables: { trackingCode: 'CF-TEST-0001', deadlineAt: null } });
    expect(given.body.en.subject).toBe('Your complaint CF-TEST-0001 has been accepted');
    expect(given.body.en.text).not.toContain('due to be handled');

    const wrong = await call('POST', '/api/v1/notifications/templates/complaint.accepted/preview', { variables: { deadlineAt: 'next week', colour: 'red' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toEqual(expect.arrayContaining(['variable deadlineAt must be a datetime', 'variable colour is not declared by template complaint.accepted']));
    expect((await call('POST', '/api/v1/notifications/templates/no.such-template/preview', {})).status).toBe(404);
  });

  it('saves a valid template, escapes values in its HTML part, and the next event is told in its words', async () => {
    const saved = await call<{ subject: string }>(
      'PUT',
      '/api/v1/notifications/templates/staff.complaint-overdue/en',
      overdue({ html: '<p>Complaint <b>{{trackingCode}}</b> ({{handlingUnit}}) was due by {{deadlineAt}}.</p>' }),
    );
    expect(saved).toMatchObject({ status: 200, body: { subject: 'Complaint {{trackingCode}} is late' } });

    const preview = await call<Record<'zh-CN' | 'en', Rendered>>('POST', '/api/v1/notifications/templates/staff.complaint-overdue/preview', { variables: { handlingUnit: '<script>alert(1)</script>' } });
    expect(preview.body.en.subject).toBe('Complaint CF-7K3D-9QXA is late');
    expect(preview.body.en.html).toContain('&lt;script&gt;alert(1)&lt;&#x2F;script&gt;');
    expect(preview.body.en.text).toContain('(<script>alert(1)</script>)');
    expect(preview.body['zh-CN'].subject).toBe('投诉 CF-7K3D-9QXA 已超期');

    expect((await call('PUT', '/api/v1/notifications/staff/sup-9', { roles: ['supervisor'] })).status).toBe(200);
    // The supervisor reads English: the preference picks the language of the notice.
    const supervisor = await host.tokenFor([Role.Supervisor], { sub: 'sup-9' });
    const preference = await host.request('/api/v1/notifications/preferences/me', {
      method: 'PUT',
      token: supervisor,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channels: ['in-app'], language: 'en' }),
    });
    expect(preference.status).toBe(200);
    const example = buildExampleEvent(ComplaintOverdueV1Event);
    const event: CloudEvent = { ...example, id: '0194f3a2-ffff-7a4b-9d2e-000000000001', time: new Date().toISOString() };
    await host.app.get<MessageBroker>(MESSAGE_BROKER).publish([{ topic: ComplaintOverdueV1Event.topic, ...toBinaryMessage(event) }]);
    const [delivery] = await waitFor(
      async () => {
        const rows = await host.query<{ locale: string; subject: string; html: string }>(
          `SELECT d.locale, d.payload -> 'content' -> 'en' ->> 'subject' AS subject, d.payload -> 'content' -> 'en' ->> 'html' AS html
           FROM notification.delivery d JOIN notification.inbox i ON i.event_id = d.source_event_id AND i.consumer_group = $2 WHERE d.source_event_id = $1`,
          [event.id, RULES_GROUP],
        );
        return rows.length > 0 ? rows : undefined;
      },
      { what: 'the overdue notice' },
    );
    expect(delivery).toEqual({ locale: 'en', subject: 'Complaint CF-7K3D-9QXA is late', html: expect.stringContaining('<b>CF-7K3D-9QXA</b>') });
  });
});
