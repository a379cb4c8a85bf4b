import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@civicflow/auth';
import { bootstrapHost } from '@civicflow/host';
import { startTestHost, type TestHost, waitFor } from '@civicflow/testing';
import { platformModule } from '../src/app.module';
import { freePort, type SmsGateway, startSmsGateway } from './platform-test-kit';

interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
}

interface Proof {
  serviceId: string;
  caseId: string;
  document: string;
  recipients: string[];
  servedAt: string | null;
  servedChannel: string | null;
  acknowledgedAt: string | null;
  messages: Array<{ channel: string; recipient: string; status: string; deliveredAt: string | null }>;
}

/**
 * Electronic service (送达) of an enforcement decision across the two services on the platform
 * with PostgreSQL: enforcement asks, notification delivers on every channel the party agreed to
 * and proves the first delivery, and that proof moves the case to served and starts the payment
 * deadline from the day the message reached the party.
 */
const UNREACHABLE_PHONE = '13700000000';

describe('service of an enforcement decision with proof of delivery', () => {
  let host: TestHost<NestFastifyApplication>;
  let smsGateway: SmsGateway;
  let officer: string;
  let auditor: string;

  beforeAll(async () => {
    const sinkPort = await freePort();
    // A number the provider refuses for good, as for a phone that does not exist.
    smsGateway = await startSmsGateway((to) => (to === UNREACHABLE_PHONE ? 400 : 202));
    host = await startTestHost({
      name: 'service_of_documents',
      env: {
        MAIL_SINK_ENABLED: 'true',
        MAIL_SINK_PORT: String(sinkPort),
        SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
        SMS_GATEWAY_URL: smsGateway.url,
        PUBLIC_BASE_URL: 'https://civicflow.example.gov.cn',
      },
      boot: (env, listen) => bootstrapHost(platformModule(env), { title: 'test', description: 'test', ...listen }),
    });
    await host.query(
      `INSERT INTO enforcement.officer (id, name, certificate_number, certificate_valid_until) VALUES ('off-1', '王立', 'ZF-0001', '2099-06-30'), ('off-2', '李娜', 'ZF-0002', '2099-12-31')`,
    );
    officer = await host.tokenFor([Role.Officer], { sub: 'off-1' });
    auditor = await host.tokenFor([Role.Auditor], { sub: 'aud-1' });
  }, 120_000);

  afterAll(async () => {
    await host?.close();
    await smsGateway?.close();
  });

  const call = <T = Record<string, unknown>>(method: 'GET' | 'POST', path: string, token: string | undefined, body?: unknown) => host.json<T>(method, path, { token, body });

  /** A street-vending case decided on the spot (summary procedure), the party absent for service. */
  async function decidedCase(partyName: string): Promise<string> {
    const opened = await call<{ id: string }>('POST', '/api/v1/enforcement/cases', officer, {
      category: 'street-vending',
      description: 'Stall occupying the pavement outside the metro exit.',
      street: 'Nanjing East Road Subdistrict',
      location: { lat: 31.2304, lng: 121.4737, address: '100 Renmin Road' },
      violationAt: new Date(Date.now() - 3_600_000).toISOString(),
      officerIds: ['off-1', 'off-2'],
      party: { kind: 'person', name: partyName, idNumber: '310101199001011234', phone: '13912345678' },
    });
    expect(opened.status).toBe(201);
    const decided = await call<{ state: string }>('POST', `/api/v1/enforcement/cases/${opened.body.id}/summary-decision`, officer, {
      penalty: { warning: false, fineCny: 200, measures: [] },
      presentOfficerIds: ['off-1', 'off-2'],
      legalBasis: 'Regulation Art. 24',
    });
    expect(decided.body.state).toBe('decided');
    return opened.body.id;
  }

  const mailTo = async (address: string): Promise<CapturedMail[]> => ((await (await host.request('/dev/mail')).json()) as CapturedMail[]).filter((mail) => mail.to.includes(address));

  it('serves the decision by e-mail and SMS, proves the first delivery, and starts the payment deadline from it', async () => {
    const caseId = await decidedCase('王小明');
    const consentSignedAt = new Date(Date.now() - 60_000).toISOString();
    const asked = await call<{ serviceId: string; recipients: string[]; serveBy: string }>('POST', `/api/v1/enforcement/cases/${caseId}/electronic-service`, officer, {
      document: 'decision',
      consentSignedAt,
      email: 'wang.xm@example.org',
      phone: '13800138000',
    });
    expect(asked.status).toBe(202);
    expect(asked.body.recipients).toEqual(['w***@example.org', '138****8000']);

    const [mail] = await waitFor(async () => ((await mailTo('wang.xm@example.org')).length > 0 ? mailTo('wang.xm@example.org') : undefined), { what: 'the served decision', timeoutMs: 20_000 });
    expect(mail.subject).toBe('【送达】行政处罚决定书');
    expect(mail.text).toContain('【依法送达】');
    expect(mail.text).toContain('罚款人民币 200.00 元');
    expect(mail.text).toContain('15 日内缴纳罚款');
    await waitFor(async () => (smsGateway.texts.some((text) => text.to === '13800138000') ? true : undefined), { what: 'the SMS', timeoutMs: 20_000 });

    const served = await waitFor(
      async () => {
        const view = await call<{ state: string; servedAt: string | null; serviceMethod: string | null; deadlines: Array<{ name: string; from: string; dueAt: string }> }>(
          'GET',
          `/api/v1/enforcement/cases/${caseId}`,
          officer,
        );
        return view.body.servedAt ? view.body : undefined;
      },
      { what: 'the case served by the proof', timeoutMs: 20_000 },
    );
    const proof = await call<{ items: Proof[] }>('GET', `/api/v1/notifications/document-services?caseId=${caseId}`, auditor);
    expect(proof.status).toBe(200);
    expect(proof.body.items).toHaveLength(1);
    const [record] = proof.body.items;
    expect(record).toMatchObject({ serviceId: asked.body.serviceId, caseId, document: 'decision', recipients: ['w***@example.org', '138****8000'], acknowledgedAt: null });
    // With a fine the case moves on to execution at once.
    expect(served.state).toBe('executing');
    expect(served.servedAt).toBe(record.servedAt);
    expect(served.serviceMethod).toBe('electronic');
    expect(served.deadlines.find((deadline) => deadline.name === 'payment')?.from).toBe(record.servedAt);
    expect(served.deadlines.find((deadline) => deadline.name === 'service')?.dueAt).toBe(asked.body.serveBy);
    expect(JSON.stringify(proof.body)).not.toMatch(/wang\.xm@example\.org|13800138000/);

    // The first delivery is the proof; the one on the other channel changes nothing.
    const finalProof = await waitFor(async () => {
      const again = await call<Proof>('GET', `/api/v1/notifications/document-services/${record.serviceId}`, auditor);
      return again.body.messages.every((message) => message.status === 'delivered') ? again.body : undefined;
    }, { what: 'both channels delivered', timeoutMs: 20_000 });
    expect(record.servedAt).toBe(finalProof.messages.map((message) => message.deliveredAt).sort()[0]);
    const [{ count }] = await host.query<{ count: string }>(`SELECT count(*) AS count FROM notification.outbox WHERE event_type = 'notification.message.served.v1' AND envelope->'data'->>'serviceId' = $1`, [record.serviceId]);
    expect(Number(count)).toBe(1);

    // The party confirms receipt with the link from the message; the page alone confirms nothing.
    const link = new URL(/https:\/\/civicflow\.example\.gov\.cn(\S+acknowledgement\?token=\S+)/.exec(mail.text)?.[1] ?? '', 'http://local');
    const token = link.searchParams.get('token') ?? '';
    const page = await host.request(`${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect((await call<Proof>('GET', `/api/v1/notifications/document-services/${record.serviceId}`, auditor)).body.acknowledgedAt).toBeNull();
    expect((await call('POST', link.pathname, undefined, { token: `${token.slice(0, -2)}xx` })).status).toBe(404);
    expect((await call('POST', link.pathname, undefined, { token: 'not a token' })).status).toBe(400);
    expect((await call<{ firstTime: boolean }>('POST', link.pathname, undefined, { token })).body).toEqual({ acknowledged: true, firstTime: true });
    expect((await call<{ firstTime: boolean }>('POST', link.pathname, undefined, { token })).body).toEqual({ acknowledged: true, firstTime: false });
    expect((await call<Proof>('GET', `/api/v1/notifications/document-services/${record.serviceId}`, auditor)).body.acknowledgedAt).toEqual(expect.any(String));

    // The record shows the request and the service, with the proof's message and masked recipient.
    const entries = await host.query<{ action: string; payload: Record<string, unknown> }>(`SELECT action, payload FROM enforcement.case_record WHERE case_id = $1 ORDER BY sequence`, [caseId]);
    expect(entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['electronic_service_requested', 'serve_decision']));
    expect(entries.find((entry) => entry.action === 'serve_decision')?.payload).toMatchObject({ serviceId: record.serviceId, channel: record.servedChannel });
    expect(JSON.stringify(entries)).not.toMatch(/wang\.xm@example\.org|13800138000/);
  });

  it('refuses what cannot be served, and names why', async () => {
    const caseId = await decidedCase('李四');
    const notice = await call<{ code: string }>('POST', `/api/v1/enforcement/cases/${caseId}/electronic-service`, officer, { document: 'notice', consentSignedAt: new Date().toISOString(), email: 'li@example.org' });
    expect(notice).toMatchObject({ status: 409, body: { code: 'notice_not_awaiting_service' } });
    const byWord = await call<{ code: string }>('POST', `/api/v1/enforcement/cases/${caseId}/service`, officer, { method: 'electronic', servedAt: new Date().toISOString() });
    expect(byWord).toMatchObject({ status: 409, body: { code: 'electronic_service_needs_proof' } });
    const noContact = await call<{ message: string }>('POST', `/api/v1/enforcement/cases/${caseId}/electronic-service`, officer, { document: 'decision', consentSignedAt: new Date().toISOString() });
    expect(noContact.status).toBe(400);
    expect(noContact.body.message).toMatch(/email or phone/);
    const supervisor = await host.tokenFor([Role.Supervisor], { sub: 'sup-1' });
    expect((await call('POST', `/api/v1/enforcement/cases/${caseId}/electronic-service`, supervisor, { document: 'decision', consentSignedAt: new Date().toISOString(), email: 'li@example.org' })).status).toBe(403);
    const uncertified = await host.tokenFor([Role.Officer], { sub: 'off-9' });
    const refused = await call<{ code: string }>('POST', `/api/v1/enforcement/cases/${caseId}/electronic-service`, uncertified, { document: 'decision', consentSignedAt: new Date().toISOString(), email: 'li@example.org' });
    expect(refused).toMatchObject({ status: 409, body: { code: 'officer_not_certified' } });
    expect((await call('GET', `/api/v1/notifications/document-services?caseId=${caseId}`, officer)).body).toEqual({ items: [] });
  });
  it('records a service that failed on every channel, so that the officer serves another way, and takes a new one', async () => {
    const caseId = await decidedCase('赵六');
    const services = () => call<{ items: Array<{ status: string; failedChannels: string[]; servedAt: string | null }> }>('GET', `/api/v1/enforcement/cases/${caseId}/electronic-service`, officer);
    const asked = await call('POST', `/api/v1/enforcement/cases/${caseId}/electronic-service`, officer, { document: 'decision', consentSignedAt: new Date().toISOString(), phone: UNREACHABLE_PHONE });
    expect(asked.status).toBe(202);
    const failed = await waitFor(async () => ((await services()).body.items[0]?.status === 'failed' ? (await services()).body.items : undefined), { what: 'the failed service', timeoutMs: 20_000 });
    expect(failed).toEqual([expect.objectContaining({ status: 'failed', failedChannels: ['sms'], servedAt: null })]);
    const view = await call<{ state: string }>('GET', `/api/v1/enforcement/cases/${caseId}`, officer);
    expect(view.body.state).toBe('decided');
    const entries = await host.query<{ action: string; payload: Record<string, unknown> }>(`SELECT action, payload FROM enforcement.case_record WHERE case_id = $1 ORDER BY sequence`, [caseId]);
    expect(entries.at(-1)).toMatchObject({ action: 'electronic_service_failed', payload: { channel: 'sms', recipient: '137****0000' } });
    expect(JSON.stringify(entries)).not.toContain(UNREACHABLE_PHONE);

    // The party names an address that works; the new service proves delivery.
    await call('POST', `/api/v1/enforcement/cases/${caseId}/electronic-service`, officer, { document: 'decision', consentSignedAt: new Date().toISOString(), email: 'zhao.liu@example.org' });
    const served = await waitFor(async () => ((await services()).body.items[0]?.status === 'served' ? (await services()).body.items : undefined), { what: 'the second service', timeoutMs: 20_000 });
    expect(served.map((item) => item.status)).toEqual(['served', 'failed']);
    expect((await call<{ state: string }>('GET', `/api/v1/enforcement/cases/${caseId}`, officer)).body.state).toBe('executing');
  });
});
