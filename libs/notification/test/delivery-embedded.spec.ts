import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { issueDevelopmentToken, Role } from '@civicflow/auth';
import { DEVELOPMENT_JWT_SECRET } from '@civicflow/config';
import { bootstrapHost, HostModule } from '@civicflow/host';
import { waitFor } from '@civicflow/testing';
import { DeliveryRequests, NotificationModule } from '../src';
import { notificationTestConfigSchema } from './notification-test-host';

/** The same tables and dispatcher on the embedded store, where TypeORM answers UPDATEs differently. */
describe('notification delivery, embedded (PGlite)', () => {
  let app: INestApplication;
  let dataDir: string;
  let baseUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cf-notification-'));
    const env = { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: dataDir, MESSAGING_TRANSPORT: 'in-process', DELIVERY_POLL_INTERVAL_MS: '20' };
    app = await bootstrapHost(HostModule.forRoot({ name: 'notification', configSchema: notificationTestConfigSchema, env, services: [NotificationModule] }), {
      title: 'notification',
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

  const call = async (path: string, sub: string, roles: Role[], init: RequestInit = {}) =>
    fetch(new URL(path, baseUrl), {
      ...init,
      headers: { authorization: `Bearer ${await issueDevelopmentToken({ sub, roles }, DEVELOPMENT_JWT_SECRET, '10m')}`, 'content-type': 'application/json' },
    });

  it('stores a preference, delivers to the inbox once, and reports the message delivered', async () => {
    const saved = await call('/api/v1/notifications/preferences/me', 'embedded-user', [Role.Citizen], {
      method: 'PUT',
      body: JSON.stringify({ channels: ['in-app'], language: 'en', quietHours: null }),
    });
    expect(saved.status).toBe(200);

    const request = {
      sourceEvent: { id: uuidv7(), type: 'complaints.complaint.accepted.v1' },
      about: { kind: 'complaint', id: 'c-embedded' },
      correlationId: uuidv7(),
      template: 'complaint.accepted',
      recipient: { key: 'user:embedded-user', userId: 'embedded-user' },
      content: { 'zh-CN': { subject: '受理', text: '已受理' }, en: { subject: 'Accepted', text: 'Your complaint was accepted.' } },
    };
    const dataSource = app.get<DataSource>(getDataSourceToken('notification'));
    const requests = app.get(DeliveryRequests);
    const first = await dataSource.transaction((manager) => requests.enqueue(manager, request));
    const again = await dataSource.transaction((manager) => requests.enqueue(manager, request));
    expect(again.deliveries[0]).toMatchObject({ id: first.deliveries[0].id, created: false });

    const id = first.deliveries[0].id;
    const status = await waitFor(
      async () => {
        const body = (await (await call(`/api/v1/notifications/messages/${id}`, 'auditor-1', [Role.Auditor])).json()) as { status: string; attempts: number };
        return body.status === 'delivered' ? body : undefined;
      },
      { what: 'the message delivered', timeoutMs: 15_000 },
    );
    expect(status.attempts).toBe(1);
    const inbox = (await (await call('/api/v1/notifications/inbox', 'embedded-user', [Role.Citizen])).json()) as { items: Array<{ subject: string }>; unreadCount: number };
    expect(inbox).toMatchObject({ unreadCount: 1, items: [{ subject: 'Accepted' }] });
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM notification.outbox WHERE event_type = 'notification.message.delivered.v1'`);
    expect(count).toBe(1);
  });
});
