import { type TestHost } from '@civicflow/testing';
import { ContactRetention } from '../src/retention/contact-retention';
import { startNotificationHost } from './notification-test-host';

const DAY_MS = 86_400_000;

describe('contact details kept only as long as needed (PostgreSQL)', () => {
  let host: TestHost;
  const now = new Date('2026-06-01T00:00:00Z');
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

  beforeAll(async () => {
    host = await startNotificationHost('notification_retention', { CONTACT_RETENTION_DAYS: '30', CONTACT_MAX_RETENTION_DAYS: '365' });
  }, 120_000);

  afterAll(() => host?.close());

  async function reporter(complaintId: string, acknowledgedAt: Date, surveySentAt: Date | null): Promise<void> {
    await host.query(
      `INSERT INTO notification.complaint_acknowledgement (complaint_id, tracking_code, reporter_name, reporter_email, reporter_phone, reporter_locale, status, sent_at)
       VALUES ($1, $2, 'Li Wei', 'li.wei@example.org', '13800138000', 'en', 'sent', $3)`,
      [complaintId, `CF-${complaintId.slice(0, 4)}-TEST`, acknowledgedAt],
    );
    if (surveySentAt) {
      await host.query(`INSERT INTO notification.satisfaction_survey (complaint_id, source_event_id, source_event_type, due_at, sent_at) VALUES ($1, $2, 'complaints.complaint.closed.v1', $3, $3)`, [
        complaintId,
        `closed-${complaintId}`,
        surveySentAt,
      ]);
    }
  }

  async function delivery(id: string, status: string, at: Date): Promise<void> {
    await host.query(
      `INSERT INTO notification.delivery (id, source_event_id, source_event_type, about_kind, about_id, correlation_id, recipient_key, recipient_masked, address, channel, template, locale, payload, status, delivered_at, failed_at)
       VALUES ($1, $1, 'complaints.complaint.closed.v1', 'complaint', 'c', 'corr', 'reporter:c', 'l***@example.org', $2, 'email', 'complaint.closed', 'en', $3, $4, $5, $6)`,
      [
        id,
        status === 'queued' ? 'li.wei@example.org' : null,
        JSON.stringify({ content: { en: { subject: 'Closed', text: 'Dear Li Wei' } }, data: {} }),
        status,
        status === 'delivered' ? at : null,
        status === 'failed' ? at : null,
      ],
    );
  }

  it('erases contacts a set time after the last notice, or after the longest period, and keeps what is still needed', async () => {
    await reporter('a0000000-0000-7000-8000-000000000001', daysAgo(90), daysAgo(31)); // surveyed long enough ago
    await reporter('a0000000-0000-7000-8000-000000000002', daysAgo(90), daysAgo(29)); // surveyed recently
    await reporter('a0000000-0000-7000-8000-000000000003', daysAgo(366), null); // never closed, past the longest period
    await reporter('a0000000-0000-7000-8000-000000000004', daysAgo(200), null); // still open
    await delivery('d-old', 'delivered', daysAgo(31));
    await delivery('d-failed', 'failed', daysAgo(40));
    await delivery('d-recent', 'delivered', daysAgo(5));
    await delivery('d-queued', 'queued', daysAgo(40));

    expect(await host.app.get(ContactRetention).eraseExpired(now)).toEqual({ reporters: 2, messages: 2 });

    const reporters = await host.query<{ complaint_id: string; reporter_email: string | null; reporter_phone: string | null; reporter_name: string | null; tracking_code: string }>(
      `SELECT complaint_id, reporter_name, reporter_email, reporter_phone, tracking_code FROM notification.complaint_acknowledgement ORDER BY complaint_id`,
    );
    expect(reporters.map((row) => [row.complaint_id.slice(-1), row.reporter_email !== null, row.reporter_phone !== null, row.reporter_name !== null])).toEqual([
      ['1', false, false, false],
      ['2', true, true, true],
      ['3', false, false, false],
      ['4', true, true, true],
    ]);
    expect(reporters.every((row) => row.tracking_code.startsWith('CF-'))).toBe(true);
    const messages = await host.query<{ id: string; payload: unknown; recipient_masked: string }>(`SELECT id, payload, recipient_masked FROM notification.delivery ORDER BY id`);
    expect(Object.fromEntries(messages.map((row) => [row.id, JSON.stringify(row.payload).includes('Li Wei')]))).toEqual({ 'd-failed': false, 'd-old': false, 'd-queued': true, 'd-recent': true });
    expect(messages.every((row) => row.recipient_masked === 'l***@example.org')).toBe(true);

    // A second pass has nothing left to erase.
    expect(await host.app.get(ContactRetention).eraseExpired(now)).toEqual({ reporters: 0, messages: 0 });
  });
});
