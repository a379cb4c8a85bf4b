import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { type TestHost, waitFor } from '@civicflow/testing';
import { DeliveryRequests } from '../src';
import { startNotificationHost } from './notification-test-host';
const RATE = 4;
const MESSAGES = 12;

describe('per-channel rate limit', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startNotificationHost('notification_rate_limit', { RATE_LIMIT_IN_APP_PER_SECOND: String(RATE), DELIVERY_POLL_INTERVAL_MS: '20' });
  }, 120_000);

  afterAll(() => host?.close());

  it(`sends no more than ${RATE} in-app messages a second after a burst of ${RATE}, and sends them all`, async () => {
    const dataSource = host.app.get<DataSource>(getDataSourceToken('notification'));
    const requests = host.app.get(DeliveryRequests);
    const sourceEventId = uuidv7();
    await dataSource.transaction(async (manager) => {
      for (let index = 0; index < MESSAGES; index++) {
        await requests.enqueue(manager, {
          sourceEvent: { id: sourceEventId, type: 'complaints.complaint.accepted.v1' },
          about: { kind: 'complaint', id: 'c-1' },
          correlationId: uuidv7(),
          template: 'complaint.accepted',
          recipient: { key: `user:rate-${index}`, userId: `rate-${index}` },
          content: { 'zh-CN': { subject: '受理', text: '已受理' }, en: { subject: 'Accepted', text: 'Accepted' } },
        });
      }
    });

    const times = await waitFor(
      async () => {
        const rows = await host.query<{ delivered_at: Date }>(
          `SELECT delivered_at FROM notification.delivery WHERE source_event_id = $1 AND status = 'delivered' ORDER BY delivered_at`,
          [sourceEventId],
        );
        return rows.length === MESSAGES ? rows.map((row) => new Date(row.delivered_at).getTime()) : undefined;
      },
      { what: 'every message delivered', timeoutMs: 15_000 },
    );
    // A burst of RATE, then RATE a second: the last goes out (MESSAGES - RATE) / RATE seconds after the first.
    const spanMs = times[times.length - 1] - times[0];
    expect(spanMs).toBeGreaterThanOrEqual(((MESSAGES - RATE) / RATE) * 1000 - 250);
    const inFirstSecond = times.filter((time) => time - times[0] < 1000).length;
    expect(inFirstSecond).toBeLessThanOrEqual(RATE + RATE);
  });
});
