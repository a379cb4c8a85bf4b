import { Role } from '@civicflow/auth';
import { loadConfig } from '@civicflow/config';
import { buildExampleEvent, type CloudEvent, type ComplaintDispatchedV1, ComplaintDispatchedV1Event, toBinaryMessage } from '@civicflow/contracts';
import { bootstrapHost } from '@civicflow/host';
import { MESSAGE_BROKER, type MessageBroker } from '@civicflow/messaging';
import { startTestHost, TestHost, waitFor } from '@civicflow/testing';
import { coordinationConfigSchema, coordinationHostModule } from '../src/app.module';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, { get?: { security?: unknown }; post?: { security?: unknown } }>;
}

describe('coordination host', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost({ name: 'coordination', boot: (env, listen) => bootstrapHost(coordinationHostModule(env), { title: 'coordination', description: 'test', ...listen }) });
  });

  afterAll(() => host?.close());

  it('listens on 3003 and names itself civicflow-coordination to Kafka unless told otherwise', () => {
    expect(loadConfig(coordinationConfigSchema, {})).toMatchObject({ PORT: 3003, KAFKA_CLIENT_ID: 'civicflow-coordination', MESSAGING_TRANSPORT: 'kafka' });
  });

  it('refuses to start on a bad configuration value, naming it', () => {
    expect(() => coordinationHostModule({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('reports itself alive', async () => {
    expect((await host.request('/health/live')).status).toBe(200);
  });

  it('reports itself ready once its own database answers', async () => {
    const response = await host.request('/health/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', checks: { 'database:coordination': { status: 'up' } } });
  });

  it('counts the requests it served in its Prometheus metrics', async () => {
    await host.request('/api/v1/coordination/departments');
    const metrics = await (await host.request('/metrics')).text();
    expect(metrics).toMatch(/http_server_request_duration_seconds_count\{[^}]*route="\/api\/v1\/coordination\/departments"[^}]*status_code="401"[^}]*\} [1-9]/);
  });

  it('publishes an OpenAPI document listing the departments endpoint behind a bearer token', async () => {
    const document = (await (await host.request('/docs-json')).json()) as OpenApiDocument;
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths['/api/v1/coordination/departments']?.get?.security).toEqual([{ bearer: [] }]);
  });

  it('publishes the task endpoints for department agents behind a bearer token', async () => {
    const document = (await (await host.request('/docs-json')).json()) as OpenApiDocument;
    expect(document.paths['/api/v1/coordination/tasks']?.get?.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/v1/coordination/tasks/{id}']?.get?.security).toEqual([{ bearer: [] }]);
    for (const step of ['accept', 'return', 'complete']) {
      expect(document.paths[`/api/v1/coordination/tasks/{id}/${step}`]?.post?.security).toEqual([{ bearer: [] }]);
    }
  });

  it('turns a complaint dispatched to another department into a task for it', async () => {
    const envelope = buildExampleEvent(ComplaintDispatchedV1Event);
    const complaintId = '0194f3a2-7c1e-7a4b-9d2e-0000000000a1';
    const event: CloudEvent<ComplaintDispatchedV1> = {
      ...envelope,
      id: '0194f3a2-aaaa-7a4b-9d2e-0000000000a1',
      subject: complaintId,
      correlationid: 'corr-host',
      data: { ...envelope.data, complaintId, target: { kind: 'department', handlingUnit: 'street-order-squad', department: 'housing' } },
    };
    await host.app.get<MessageBroker>(MESSAGE_BROKER).publish([{ topic: ComplaintDispatchedV1Event.topic, ...toBinaryMessage(event) }]);
    const tasks = await waitFor(
      async () => {
        const rows = await host.query<{ department: string; state: string }>(`SELECT department, state FROM coordination.task WHERE complaint_id = $1`, [complaintId]);
        return rows.length > 0 ? rows : undefined;
      },
      { what: 'the task' },
    );
    expect(tasks).toEqual([{ department: 'housing', state: 'assigned' }]);
  });

  it('answers the departments list only with a token', async () => {
    expect((await host.request('/api/v1/coordination/departments')).status).toBe(401);
    const response = await host.request('/api/v1/coordination/departments', { token: await host.tokenFor([Role.HotlineOperator]) });
    expect(response.status).toBe(200);
  });

  it('refuses the public: citizens and merchants reach departments only through complaints', async () => {
    for (const role of [Role.Citizen, Role.Merchant]) {
      expect((await host.request('/api/v1/coordination/departments', { token: await host.tokenFor([role]) })).status).toBe(403);
    }
  });
});
