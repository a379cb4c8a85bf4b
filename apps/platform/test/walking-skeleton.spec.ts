import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ComplaintsModule, complaintsVariables } from '@civicflow/complaints';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { MailSink, NotificationModule, notificationVariables } from '@civicflow/notification';
import { createTestDatabase, TestDatabase, waitFor } from '@civicflow/testing';
import { platformModule } from '../src/app.module';
import { freePort } from './platform-test-kit';

const complaint = {
  description: '夜市摊位占用人行道，行人只能走机动车道',
  location: { lat: 31.2304, lng: 121.4737, address: '人民路 88 号' },
  reporter: { name: 'Wang Fang', email: 'wang.fang@example.org', phone: '+86 138 0013 8000', locale: 'en' },
};

async function submit(baseUrl: string, body: unknown = complaint): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function followToAcknowledgement(baseUrl: string, trackingCode: string) {
  return waitFor(
    async () => {
      const response = await fetch(`${baseUrl}/api/v1/complaints/${trackingCode}`);
      const body = (await response.json()) as { status: string; timeline: Array<{ type: string; at: string }> };
      return body.timeline.some((entry) => entry.type === 'acknowledgement.delivered') ? body : undefined;
    },
    { what: 'the acknowledgement on the timeline', timeoutMs: 45_000, intervalMs: 100 },
  );
}

describe('the walking skeleton, embedded (npm start): no Kafka, no PostgreSQL, no Redis', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cf-embedded-'));
    const sinkPort = await freePort();
    const env = {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATA_DIR: dataDir,
      MAIL_SINK_ENABLED: 'true',
      MAIL_SINK_PORT: String(sinkPort),
      SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
      RATE_LIMIT_INTAKE_POINTS: '4',
    };
    app = await bootstrapHost(platformModule(env), { title: 'test', description: 'test', port: 0, host: '127.0.0.1', handleSignals: false });
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes a complaint, e-mails the acknowledgement with its tracking code, and shows the delivery on its timeline', async () => {
    const response = await submit(baseUrl);
    expect(response.status).toBe(201);
    const { trackingCode } = (await response.json()) as { trackingCode: string };
    expect(trackingCode).toMatch(/^CF-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const tracked = await followToAcknowledgement(baseUrl, trackingCode);
    expect(tracked.status).toBe('received');
    expect(tracked.timeline.map((entry) => entry.type)).toEqual(['received', 'acknowledgement.delivered']);
    expect(JSON.stringify(tracked)).not.toContain('wang.fang@example.org');

    const mail = (await (await fetch(`${baseUrl}/dev/mail`)).json()) as Array<{ to: string[]; subject: string; text: string }>;
    const acknowledgement = mail.find((m) => m.subject.includes(trackingCode));
    expect(acknowledgement?.to).toEqual(['wang.fang@example.org']);
    expect(acknowledgement?.text).toContain(`/api/v1/complaints/${trackingCode}`);
    expect(readdirSync(join(dataDir, 'mail')).some((file) => file.endsWith('.eml'))).toBe(true);
    expect(readdirSync(join(dataDir, 'pglite')).length).toBeGreaterThan(0);
  });

  it('answers bad input with 400 and says what is wrong', async () => {
    const response = await submit(baseUrl, { ...complaint, location: { lat: 95, lng: 121 }, reporter: { name: 'x', email: 'not-an-e-mail' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { message: string[] };
    expect(body.message).toEqual(expect.arrayContaining(['location.lat must be a latitude string or number', 'reporter.email must be an email']));
  });

  it('answers an unknown tracking code with 404 and a malformed one with 400', async () => {
    expect((await fetch(`${baseUrl}/api/v1/complaints/CF-0000-0000`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/api/v1/complaints/robert'); DROP TABLE`)).status).toBe(400);
  });

  it('limits the public intake per client, with Retry-After, in memory', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const response = await submit(baseUrl, { nonsense: true });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('serves its OpenAPI document', async () => {
    const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/complaints', '/api/v1/complaints/{trackingCode}']));
  });
});

describe('the walking skeleton deployed: complaints and notification as two hosts over Kafka, PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let sink: MailSink;
  let sinkFolder: string;
  let complaintsHost: NestFastifyApplication;
  let notificationHost: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase('skeleton');
    sinkFolder = mkdtempSync(join(tmpdir(), 'cf-smtp-'));
    sink = new MailSink(sinkFolder);
    const sinkPort = await sink.start(0);
    const env = {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATABASE_URL: database.url,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      MESSAGING_TRANSPORT: 'kafka',
      KAFKA_BROKERS: `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`,
      KAFKA_TOPIC_PREFIX: `e2e${randomBytes(4).toString('hex')}.`,
      KAFKA_SESSION_TIMEOUT_MS: '10000',
      KAFKA_HEARTBEAT_INTERVAL_MS: '1000',
      SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
      RATE_LIMIT_INTAKE_POINTS: '5',
    };
    const schema = (clientId: string) => hostConfigSchema({ port: 3001, kafkaClientId: clientId, transport: 'kafka' }, { ...complaintsVariables, ...notificationVariables });
    const start = (name: string, services: [typeof ComplaintsModule] | [typeof NotificationModule]) =>
      bootstrapHost(HostModule.forRoot({ name, configSchema: schema(`civicflow-${name}`), env, services }), {
        title: name,
        description: name,
        port: 0,
        host: '127.0.0.1',
        handleSignals: false,
      });
    complaintsHost = await start('complaints', [ComplaintsModule]);
    notificationHost = await start('notification', [NotificationModule]);
    baseUrl = (await complaintsHost.getUrl()).replace('[::1]', '127.0.0.1');
  }, 180_000);

  afterAll(async () => {
    await complaintsHost?.close();
    await notificationHost?.close();
    await sink?.stop();
    await database?.drop();
    rmSync(sinkFolder, { recursive: true, force: true });
  }, 60_000);

  it('takes a complaint, e-mails the acknowledgement over SMTP, and shows the delivery on its timeline', async () => {
    const response = await submit(baseUrl);
    expect(response.status).toBe(201);
    const { trackingCode } = (await response.json()) as { trackingCode: string };
    const tracked = await followToAcknowledgement(baseUrl, trackingCode);
    expect(tracked.timeline.map((entry) => entry.type)).toEqual(['received', 'acknowledgement.delivered']);
    const acknowledgements = sink.list().filter((m) => m.subject.includes(trackingCode));
    expect(acknowledgements).toHaveLength(1);
    expect(acknowledgements[0].to).toEqual(['wang.fang@example.org']);
  });

  it('reports every dependency in its readiness probe', async () => {
    const ready = (await (await fetch(`${baseUrl}/health/ready`)).json()) as { status: string; checks: Record<string, { status: string }> };
    expect(ready.status).toBe('ok');
    expect(Object.keys(ready.checks)).toEqual(expect.arrayContaining(['database:complaints', 'redis']));
  });

  it('limits the public intake per client through Redis, with Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i++) {
      const response = await submit(baseUrl, { nonsense: true });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
