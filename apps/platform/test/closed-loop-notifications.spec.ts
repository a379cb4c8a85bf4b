import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@civicflow/auth';
import { bootstrapHost } from '@civicflow/host';
import { SatisfactionSurveys } from '@civicflow/notification';
import { startTestHost, type TestHost, waitFor } from '@civicflow/testing';
import { platformModule } from '../src/app.module';
import { freePort, type SmsGateway, startSmsGateway } from './platform-test-kit';

interface CapturedMail {
  to: string[];
  replyTo: string;
  subject: string;
  text: string;
}

/**
 * The reporter's side of the closed loop, on the platform with PostgreSQL: every step the
 * bureau promised to tell them about reaches their mailbox, in their language, once.
 */
describe('a reporter kept informed through the closed loop', () => {
  let host: TestHost<NestFastifyApplication>;
  let smsGateway: SmsGateway;

  beforeAll(async () => {
    const sinkPort = await freePort();
    smsGateway = await startSmsGateway();
    host = await startTestHost({
      name: 'closed_loop_mail',
      env: {
        MAIL_SINK_ENABLED: 'true',
        MAIL_SINK_PORT: String(sinkPort),
        SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
        SATISFACTION_SURVEY_DELAY_HOURS: '0',
        SMS_GATEWAY_URL: smsGateway.url,
      },
      boot: (env, listen) => bootstrapHost(platformModule(env), { title: 'test', description: 'test', ...listen }),
    });
  }, 120_000);

  afterAll(async () => {
    await host?.close();
    await smsGateway?.close();
  });

  const mailTo = async (address: string): Promise<CapturedMail[]> =>
    ((await (await host.request('/dev/mail')).json()) as CapturedMail[]).filter((mail) => mail.to.includes(address)).reverse();

  async function step(trackingCode: string, name: string, roles: Role[], sub: string, body: unknown = {}): Promise<void> {
    const response = await host.request(`/api/v1/complaints/${trackingCode}/${name}`, {
      method: 'POST',
      token: await host.tokenFor(roles, { sub }),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  }

  it('mails the acknowledgement, the acceptance with its deadline, the reply, the closure and the survey, each once', async () => {
    const email = 'zhao.lei@example.org';
    const response = await host.request('/api/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'Overflowing bins on Lane 5', location: { lat: 31.23, lng: 121.47 }, category: 'overflowing-bins', reporter: { name: 'Zhao Lei', email, locale: 'en' } }),
    });
    const { trackingCode } = (await response.json()) as { trackingCode: string };
    await waitFor(async () => ((await mailTo(email)).length === 1 ? true : undefined), { what: 'the acknowledgement', timeoutMs: 20_000 });

    await step(trackingCode, 'accept', [Role.HotlineOperator], 'op-1');
    await waitFor(async () => ((await mailTo(email)).length === 2 ? true : undefined), { what: 'the acceptance mail', timeoutMs: 20_000 });
    await step(trackingCode, 'dispatch', [Role.Supervisor], 'sup-1');
    await step(trackingCode, 'start-handling', [Role.Officer], 'off-1');
    await step(trackingCode, 'handle', [Role.Officer], 'off-1', { reply: 'The bins are emptied twice a day from now on.' });
    // Each mail is awaited before the next step: deliveries of different events may overtake each other.
    await waitFor(async () => ((await mailTo(email)).length === 3 ? true : undefined), { what: 'the reply mail', timeoutMs: 20_000 });
    await step(trackingCode, 'verify', [Role.Officer], 'off-2', { passed: true });
    await step(trackingCode, 'close', [Role.Supervisor], 'sup-1');
    await waitFor(async () => ((await mailTo(email)).length === 4 ? true : undefined), { what: 'the closure mail', timeoutMs: 20_000 });

    expect(await host.app.get(SatisfactionSurveys).sendDue(new Date(Date.now() + 1000))).toBe(1);
    // A second pass finds nothing due: the survey is sent once.
    expect(await host.app.get(SatisfactionSurveys).sendDue(new Date(Date.now() + 1000))).toBe(0);

    const mails = await waitFor(async () => {
      const received = await mailTo(email);
      return received.length === 5 ? received : undefined;
    }, { what: 'the survey mail', timeoutMs: 20_000 });
    expect(mails.map((mail) => mail.subject)).toEqual([
      `We have received your complaint ${trackingCode}`,
      `Your complaint ${trackingCode} has been accepted`,
      `Reply to your complaint ${trackingCode}`,
      `Your complaint ${trackingCode} is closed`,
      `How satisfied are you with the answer to ${trackingCode}?`,
    ]);
    expect(mails[1].text).toMatch(/due to be handled by/);
    // Replies go to the complaint mailbox, where the mail intake joins them to the complaint.
    expect(mails.every((mail) => mail.replyTo === 'complaints@civicflow.local')).toBe(true);
    expect(mails[2].text).toContain('The bins are emptied twice a day from now on.');
    expect(mails[4].text).toContain(`/complaints/${trackingCode}/rate`);

    const page = await host.request(`/complaints/${trackingCode}/rate`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);

    const timeline = await waitFor(async () => {
      const tracked = (await (await host.request(`/api/v1/complaints/${trackingCode}`)).json()) as { timeline: Array<{ type: string }> };
      const notified = tracked.timeline.filter((entry) => entry.type === 'reporter.notified');
      return notified.length === 4 ? tracked.timeline : undefined;
    }, { what: 'four notifications on the timeline', timeoutMs: 20_000 });
    expect(timeline.map((entry) => entry.type)).toContain('acknowledgement.delivered');
  });

  it('texts a hotline caller who left only a phone number: the acknowledgement and the acceptance', async () => {
    const response = await host.request('/api/v1/hotline/calls', {
      method: 'POST',
      token: await host.tokenFor([Role.HotlineOperator], { sub: 'op-2' }),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ description: '井盖丢了', location: { address: '复兴路 12 号' }, caller: { phone: '13900001111' }, category: 'manhole-cover-damaged' }),
    });
    const { trackingCode } = (await response.json()) as { trackingCode: string };
    await waitFor(async () => (smsGateway.texts.some((text) => text.text.includes(trackingCode)) ? true : undefined), { what: 'the acknowledgement text', timeoutMs: 20_000 });
    await step(trackingCode, 'accept', [Role.HotlineOperator], 'op-2');
    const received = await waitFor(async () => {
      const mine = smsGateway.texts.filter((text) => text.to === '13900001111' && text.text.includes(trackingCode));
      return mine.length === 2 ? mine : undefined;
    }, { what: 'the acceptance text', timeoutMs: 20_000 });
    expect(received.map((text) => text.text).join('\n')).toMatch(/已受理/);
  });

  it('tells a rejected reporter why, in Chinese by default', async () => {
    const email = 'li.na@example.org';
    const response = await host.request('/api/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ description: '小区内部道路', location: { address: '某小区 3 号楼' }, reporter: { email } }),
    });
    const { trackingCode } = (await response.json()) as { trackingCode: string };
    await step(trackingCode, 'reject', [Role.HotlineOperator], 'op-1', { reason: '属小区物业管理范围，请联系物业。' });
    const mails = await waitFor(async () => {
      const received = await mailTo(email);
      return received.length === 2 ? received : undefined;
    }, { what: 'the acknowledgement and the rejection', timeoutMs: 20_000 });
    // Sent by different consumers, the two may arrive in either order.
    const rejection = mails.find((mail) => mail.subject === `您的投诉 ${trackingCode} 未予受理`);
    expect(rejection?.text).toContain('属小区物业管理范围');
  });

  it('sends a merchant the answer to its request, and the answer to a forum item it raised, once each', async () => {
    const merchant = async (sub: string, licenceNumber: string, email: string) => {
      const token = await host.tokenFor([Role.Merchant], { sub });
      const response = await host.request('/api/v1/merchants', {
        method: 'POST',
        token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ businessName: `Shop ${sub}`, licenceNumber, contactPerson: '王建国', phone: '13812345678', email, street: 'Fuxing Road', trade: 'catering' }),
      });
      expect(response.status).toBe(201);
      return { token, id: ((await response.json()) as { id: string }).id };
    };
    const first = await merchant('m-1', '91350100M000100Y43', 'first@example.org');
    const send = async (path: string, token: string, body: unknown) => {
      const response = await host.request(path, { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (response.status >= 300) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as { id: string };
    };
    const officer = await host.tokenFor([Role.Officer], { sub: 'officer-9' });
    const supervisor = await host.tokenFor([Role.Supervisor], { sub: 'sup-9' });

    const direct = await send('/api/v1/merchants/me/requests', first.token, { kind: 'request', subject: 'Loading bay in the morning', text: 'Can we unload at 06:00?' });
    await send(`/api/v1/merchant-requests/${direct.id}/answer`, officer, { answer: 'Yes, from 05:00 to 07:00 on the east side.' });
    const afterDirect = await waitFor(async () => {
      const received = await mailTo('first@example.org');
      return received.length === 1 ? received : undefined;
    }, { what: 'the answer mail', timeoutMs: 20_000 });
    expect(afterDirect[0].subject).toBe('您的诉求已答复：Loading bay in the morning');
    expect(afterDirect[0].text).toContain('Yes, from 05:00 to 07:00 on the east side.');

    const taken = await send('/api/v1/merchants/me/requests', first.token, { kind: 'suggestion', subject: 'Waste point', text: 'A waste point at the east end, please.' });
    const forum = await send('/api/v1/forums', supervisor, { title: 'Fuxing Road forum', topic: 'Waste', startsAt: new Date(Date.now() - 3_600_000).toISOString(), place: 'Office', invite: { streets: ['Fuxing Road'] } });
    const item = await send(`/api/v1/forums/${forum.id}/action-items`, officer, {
      text: 'Find a waste point',
      ownerStaffId: 'officer-9',
      dueDate: '2026-12-31',
      raisedByMerchantIds: [first.id],
      merchantRequestIds: [taken.id],
    });
    await send(`/api/v1/forums/${forum.id}/action-items/${item.id}/answer`, officer, { answer: 'A collection point opens on 1 January.' });
    const afterForum = await waitFor(async () => {
      const received = await mailTo('first@example.org');
      return received.length >= 2 ? received : undefined;
    }, { what: 'the forum answer mail', timeoutMs: 20_000 });
    // One mail for the item, none for the request it answered: the merchant hears the answer once.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await mailTo('first@example.org')).map((mail) => mail.subject)).toEqual([afterDirect[0].subject, '座谈会事项答复']);
    expect(afterForum[1].text).toContain('A collection point opens on 1 January.');
  });
});
