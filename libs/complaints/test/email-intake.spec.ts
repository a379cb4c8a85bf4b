import { createHash, randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { Role } from '@civicflow/auth';
import type { TestHost } from '@civicflow/testing';
import { MailIntakeListener } from '../src/intake/email/mail-intake.listener';
import { stagedEvents, startComplaintsHost } from './complaints-test-host';

const MAILBOX = 'complaints@civicflow.local';
const MAX_MAIL_BYTES = 256 * 1024;
const MAX_MEDIA_BYTES = 64 * 1024;

const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(4000)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface SmtpFailure {
  responseCode?: number;
  response?: string;
  message: string;
}

interface ComplaintRow {
  id: string;
  tracking_code: string;
  status: string;
  channel: string;
  description: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  category: string | null;
  reporter_name: string | null;
  reporter_email: string | null;
  reporter_phone: string | null;
  reporter_locale: string;
  reporter_hide_name: boolean;
  media_count: number;
}

describe('complaints by e-mail, over real SMTP, on PostgreSQL', () => {
  let host: TestHost;
  let smtp: Transporter;

  beforeAll(async () => {
    host = await startComplaintsHost('email_intake', {
      MAIL_INTAKE_ENABLED: 'true',
      MAIL_INTAKE_HOST: '127.0.0.1',
      MAIL_INTAKE_PORT: '0',
      MAIL_INTAKE_ADDRESSES: `${MAILBOX}, jubao@civicflow.local`,
      MAIL_INTAKE_MAX_BYTES: String(MAX_MAIL_BYTES),
      MEDIA_MAX_BYTES: String(MAX_MEDIA_BYTES),
    });
    const port = host.app.get(MailIntakeListener).port;
    smtp = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  });

  afterAll(async () => {
    smtp?.close();
    await host?.close();
  });

  const send = (mail: Mail.Options) => smtp.sendMail({ from: '"Wang Fang" <wang.fang@example.org>', to: MAILBOX, ...mail });

  async function refusal(mail: Mail.Options): Promise<SmtpFailure> {
    try {
      await send(mail);
    } catch (error) {
      return error as SmtpFailure;
    }
    throw new Error('the message was accepted');
  }

  function trackingCodeOf(response: string | undefined): string {
    const code = /received as (CF-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(response ?? '')?.[1];
    if (!code) throw new Error(`no tracking code in ${response}`);
    return code;
  }

  async function complaint(trackingCode: string): Promise<ComplaintRow> {
    const [row] = await host.query<ComplaintRow>(
      `SELECT id, tracking_code, status, channel, description, lat, lng, address, category, reporter_name, reporter_email, reporter_phone,
              reporter_locale, reporter_hide_name, media_count
         FROM complaints.complaint WHERE tracking_code = $1`,
      [trackingCode],
    );
    return row;
  }

  const countOf = async (table: string) => (await host.query<{ count: number }>(`SELECT count(*)::int AS count FROM complaints.${table}`))[0].count;

  async function timeline(trackingCode: string): Promise<Array<{ type: string; detail?: Record<string, string> }>> {
    const body = (await (await host.request(`/api/v1/complaints/${trackingCode}`)).json()) as { timeline: Array<{ type: string; detail?: Record<string, string> }> };
    return body.timeline;
  }

  it('makes the same record from a mail as the web API makes from the same report, and stages the same events', async () => {
    const text = 'Address: 88 Renmin Road\nThe night market stalls block the pavement.';
    const info = await send({ subject: 'Stalls on Renmin Road', text, messageId: '<same-record@mail.example.org>' });
    expect(info.response).toMatch(/^250 /);
    const byMail = await complaint(trackingCodeOf(info.response));

    const web = await host.request('/api/v1/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        description: `Stalls on Renmin Road\n\n${text}`,
        location: { address: '88 Renmin Road' },
        reporter: { name: 'Wang Fang', email: 'wang.fang@example.org', locale: 'en' },
      }),
    });
    const byWeb = await complaint(((await web.json()) as { trackingCode: string }).trackingCode);

    const record = ({ id: _id, tracking_code: _code, channel: _channel, ...rest }: ComplaintRow) => rest;
    expect(record(byMail)).toEqual(record(byWeb));
    expect(byMail).toMatchObject({ channel: 'email', status: 'received', address: '88 Renmin Road', reporter_name: 'Wang Fang', reporter_email: 'wang.fang@example.org', reporter_locale: 'en' });

    const mailEvents = await stagedEvents(host, byMail.id);
    const webEvents = await stagedEvents(host, byWeb.id);
    expect(mailEvents.map((event) => event.event_type)).toEqual(webEvents.map((event) => event.event_type));
    expect(mailEvents.map((event) => event.event_type)).toEqual(expect.arrayContaining(['complaints.complaint.received.v2', 'complaints.reporter.registered.v2']));
    const received = mailEvents.find((event) => event.event_type === 'complaints.complaint.received.v2');
    expect(received?.data).toMatchObject({ channel: 'email', location: { address: '88 Renmin Road' }, mediaCount: 0, reporterAnonymous: false });
    expect(JSON.stringify(received?.data)).not.toContain('wang.fang@example.org');
    const reporter = mailEvents.find((event) => event.event_type === 'complaints.reporter.registered.v2');
    expect(reporter?.data).toMatchObject({ channel: 'email', email: 'wang.fang@example.org', name: 'Wang Fang', locale: 'en' });

    expect(await host.query('SELECT message_id, kind FROM complaints.mail_thread WHERE complaint_id = $1', [byMail.id])).toEqual([
      { message_id: 'same-record@mail.example.org', kind: 'complaint' },
    ]);
  });

  it('turns a photo attachment into media with its SHA-256, and skips a refused one without losing the complaint', async () => {
    const photo = jpeg();
    const info = await send({
      subject: '路灯不亮',
      text: '地址：复兴路 12 弄\n路灯坏了一个星期。',
      attachments: [
        { filename: 'lamp.jpg', content: photo, contentType: 'image/jpeg' },
        { filename: 'notes.pdf', content: Buffer.from('%PDF-1.7\n'), contentType: 'application/pdf' },
      ],
    });
    const row = await complaint(trackingCodeOf(info.response));
    expect(row).toMatchObject({ address: '复兴路 12 弄', reporter_locale: 'zh-CN', media_count: 1 });
    expect(await host.query('SELECT filename, content_type, size_bytes, sha256, channel FROM complaints.media WHERE complaint_id = $1', [row.id])).toEqual([
      { filename: 'lamp.jpg', content_type: 'image/jpeg', size_bytes: photo.length, sha256: sha256(photo), channel: 'email' },
    ]);
    const [received] = (await stagedEvents(host, row.id)).filter((event) => event.event_type === 'complaints.complaint.received.v2');
    expect(received.data).toMatchObject({ mediaCount: 1 });
    expect(await timeline(row.tracking_code)).toContainEqual({ type: 'media.skipped', at: expect.any(String), detail: { channel: 'email', skipped: '1', reasons: 'unsupported_type' } });
    const [thread] = await host.query<{ skipped_attachments: Array<{ filename: string; reason: string }> }>(
      'SELECT skipped_attachments FROM complaints.mail_thread WHERE complaint_id = $1',
      [row.id],
    );
    expect(thread.skipped_attachments).toEqual([expect.objectContaining({ filename: 'notes.pdf', reason: 'unsupported_type' })]);
  });

  it('reads an HTML-only mail as text', async () => {
    const info = await send({ subject: 'Graffiti', html: '<p>Address: 5 Park Lane</p><p>Graffiti on the <b>bus shelter</b>.</p>' });
    const row = await complaint(trackingCodeOf(info.response));
    expect(row.description).toBe('Graffiti\n\nAddress: 5 Park Lane\n\nGraffiti on the bus shelter.');
  });

  it('refuses a mail over MAIL_INTAKE_MAX_BYTES with 552 and stores nothing', async () => {
    const before = { complaints: await countOf('complaint'), threads: await countOf('mail_thread') };
    const failure = await refusal({ subject: 'Big', text: `Address: 1 Main Street\n${'x'.repeat(MAX_MAIL_BYTES + 1024)}` });
    expect(failure.responseCode).toBe(552);
    expect({ complaints: await countOf('complaint'), threads: await countOf('mail_thread') }).toEqual(before);
  });

  it('refuses a recipient outside the mailbox at RCPT with 550, and logs the sender masked', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const failure = await refusal({ to: 'mayor@civicflow.local', subject: 'x', text: 'Address: 1 Main Street\nx' });
      expect(failure.responseCode).toBe(550);
      const logged = warn.mock.calls.map(([message]) => String(message)).join('\n');
      expect(logged).toContain('mail refused (unknown_recipient) from w***@example.org');
      expect(logged).not.toContain('wang.fang@example.org');
    } finally {
      warn.mockRestore();
    }
  });

  it('takes mail for every configured mailbox address, in any case', async () => {
    const info = await send({ to: 'JuBao@CivicFlow.local', subject: 'Noise', text: 'Address: 3 Bar Street\nLoud music after midnight.' });
    expect(info.response).toMatch(/^250 .*received as CF-/);
  });

  it('refuses malformed mail with a 5xx, and stores the valid mail sent right after', async () => {
    const noFrom = await refusal({ envelope: { from: 'wang.fang@example.org', to: [MAILBOX] }, raw: 'Subject: no sender\r\n\r\nAddress: 1 Main Street\r\nx\r\n' });
    expect(noFrom.responseCode).toBe(550);
    expect(noFrom.response).toMatch(/no From address/);

    const empty = await refusal({ envelope: { from: 'wang.fang@example.org', to: [MAILBOX] }, raw: 'From: wang.fang@example.org\r\n\r\n\r\n' });
    expect(empty.responseCode).toBe(550);
    expect(empty.response).toMatch(/no text and no attachment/);

    const info = await send({ subject: 'After the broken ones', text: 'Address: 2 Main Street\nA pothole.' });
    expect((await complaint(trackingCodeOf(info.response))).description).toBe('After the broken ones\n\nAddress: 2 Main Street\nA pothole.');
  });

  it('refuses mail an upstream filter marked as spam', async () => {
    const before = await countOf('complaint');
    const failure = await refusal({ subject: 'Cheap watches', text: 'Address: 1 Main Street\nBuy now', headers: { 'X-Spam-Flag': 'YES' } });
    expect(failure.responseCode).toBe(550);
    expect(failure.response).toMatch(/spam/);
    expect(await countOf('complaint')).toBe(before);
  });

  it('bounces a new complaint that does not say where, with how to say it', async () => {
    const failure = await refusal({ subject: 'Somewhere', text: 'There is garbage everywhere.' });
    expect(failure.responseCode).toBe(550);
    expect(failure.response).toMatch(/add a line 'Address: \.\.\.'/);
  });

  it('stores a message delivered twice (same Message-ID) once', async () => {
    const mail = { subject: 'Twice', text: 'Address: 4 Main Street\nBroken bench.', messageId: '<twice@mail.example.org>' };
    const first = await send(mail);
    const second = await send(mail);
    expect(second.response).toMatch(/^250 .*already received/);
    const rows = await host.query<{ tracking_code: string }>(`SELECT tracking_code FROM complaints.complaint WHERE description LIKE 'Twice%'`);
    expect(rows).toEqual([{ tracking_code: trackingCodeOf(first.response) }]);
  });

  it('answers 451 when the mail cannot be stored, keeps nothing of it, and stores it when the sending server retries', async () => {
    const mail = { subject: 'Retry me', text: 'Address: 6 Main Street\nFallen tree.', attachments: [{ filename: 'tree.jpg', content: jpeg() }], messageId: '<retry@mail.example.org>' };
    const before = { complaints: await countOf('complaint'), media: await countOf('media'), outbox: await countOf('outbox') };
    await host.query('ALTER TABLE complaints.mail_thread ADD CONSTRAINT refuse_all CHECK (false) NOT VALID');
    try {
      const failure = await refusal(mail);
      expect(failure.responseCode).toBe(451);
      expect({ complaints: await countOf('complaint'), media: await countOf('media'), outbox: await countOf('outbox') }).toEqual(before);
    } finally {
      await host.query('ALTER TABLE complaints.mail_thread DROP CONSTRAINT refuse_all');
    }
    const retried = await send(mail);
    expect((await complaint(trackingCodeOf(retried.response))).media_count).toBe(1);
  });

  describe('replies', () => {
    let trackingCode: string;
    let complaintId: string;

    beforeAll(async () => {
      const info = await send({ subject: 'Stall outside the school', text: 'Address: 9 School Road\nA stall blocks the gate.', messageId: '<original@mail.example.org>' });
      trackingCode = trackingCodeOf(info.response);
      complaintId = (await complaint(trackingCode)).id;
    });

    it('attaches a reply quoting the tracking code, from the reporter, to the complaint: timeline entry, media, no new complaint', async () => {
      const before = await countOf('complaint');
      const photo = jpeg();
      const info = await send({
        from: 'WANG.FANG@example.org',
        subject: `Re: We have received your complaint ${trackingCode}`,
        text: 'It is still there today. 13800138000',
        attachments: [{ filename: 'today.jpg', content: photo }],
        messageId: '<reply-1@mail.example.org>',
      });
      expect(info.response).toMatch(/^250 .*added to your complaint/);
      expect(await countOf('complaint')).toBe(before);
      expect(await host.query('SELECT sha256 FROM complaints.media WHERE complaint_id = $1', [complaintId])).toEqual([{ sha256: sha256(photo) }]);
      expect((await complaint(trackingCode)).media_count).toBe(1);

      const entries = await timeline(trackingCode);
      expect(entries).toContainEqual({ type: 'reporter.replied', at: expect.any(String), detail: { channel: 'email', attachments: '1' } });
      // The reply's words may carry personal data: staff read them, the public timeline does not show them.
      expect(JSON.stringify(entries)).not.toContain('13800138000');
      const staff = await host.request(`/api/v1/complaints/${trackingCode}/mail`, { token: await host.tokenFor([Role.Officer]) });
      const mail = (await staff.json()) as { items: Array<{ kind: string; text: string }> };
      expect(mail.items.map((item) => item.kind)).toEqual(['complaint', 'reply']);
      expect(mail.items[1].text).toBe('It is still there today. 13800138000');
      expect((await host.request(`/api/v1/complaints/${trackingCode}/mail`)).status).toBe(401);
    });

    it('attaches a reply found by In-Reply-To, without the code in its subject', async () => {
      const info = await send({ subject: 'Re: Stall outside the school', text: 'And again this morning.', inReplyTo: '<original@mail.example.org>', references: ['<original@mail.example.org>'] });
      expect(info.response).toMatch(/added to your complaint/);
      expect((await timeline(trackingCode)).filter((entry) => entry.type === 'reporter.replied')).toHaveLength(2);
    });

    it('makes a new complaint of a mail quoting the code from someone else', async () => {
      const info = await send({ from: 'Li Wei <li.wei@example.org>', subject: `Re: ${trackingCode}`, text: 'Address: 9 School Road\nSame stall, I saw it too.' });
      const other = await complaint(trackingCodeOf(info.response));
      expect(other.tracking_code).not.toBe(trackingCode);
      expect(other).toMatchObject({ reporter_email: 'li.wei@example.org', reporter_name: 'Li Wei' });
      expect((await timeline(trackingCode)).filter((entry) => entry.type === 'reporter.replied')).toHaveLength(2);
    });

    it('still records a reply to a rejected complaint, but skips its attachments', async () => {
      await host.query(`UPDATE complaints.complaint SET status = 'rejected' WHERE id = $1`, [complaintId]);
      const info = await send({ subject: `Re: ${trackingCode}`, text: 'Why was it rejected?', attachments: [{ filename: 'again.jpg', content: jpeg() }] });
      expect(info.response).toMatch(/added to your complaint/);
      expect(await host.query('SELECT count(*)::int AS count FROM complaints.media WHERE complaint_id = $1', [complaintId])).toEqual([{ count: 1 }]);
      expect(await timeline(trackingCode)).toContainEqual({
        type: 'reporter.replied',
        at: expect.any(String),
        detail: { channel: 'email', attachments: '0', skipped: '1', reasons: 'complaint_finished' },
      });
    });
  });
});
