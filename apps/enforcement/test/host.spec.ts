import { Role } from '@civicflow/auth';
import { loadConfig } from '@civicflow/config';
import { bootstrapHost } from '@civicflow/host';
import { startTestHost, TestHost } from '@civicflow/testing';
import { enforcementConfigSchema, enforcementHostModule } from '../src/app.module';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, { get?: { security?: unknown }; post?: { security?: unknown } }>;
}

describe('enforcement host', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost({ name: 'enforcement', boot: (env, listen) => bootstrapHost(enforcementHostModule(env), { title: 'enforcement', description: 'test', ...listen }) });
  });

  afterAll(() => host?.close());

  it('listens on 3002 and names itself civicflow-enforcement to Kafka unless told otherwise', () => {
    expect(loadConfig(enforcementConfigSchema, {})).toMatchObject({ PORT: 3002, KAFKA_CLIENT_ID: 'civicflow-enforcement', MESSAGING_TRANSPORT: 'kafka' });
  });

  it('refuses to start on a bad configuration value, naming it', () => {
    expect(() => enforcementHostModule({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('reports itself alive', async () => {
    expect((await host.request('/health/live')).status).toBe(200);
  });

  it('reports itself ready once its own database answers', async () => {
    const response = await host.request('/health/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', checks: { 'database:enforcement': { status: 'up' } } });
  });

  it('counts the requests it served in its Prometheus metrics', async () => {
    await host.request('/api/v1/enforcement/officers');
    const metrics = await (await host.request('/metrics')).text();
    expect(metrics).toMatch(/http_server_request_duration_seconds_count\{[^}]*route="\/api\/v1\/enforcement\/officers"[^}]*status_code="401"[^}]*\} [1-9]/);
  });

  it('publishes an OpenAPI document listing the officers endpoint behind a bearer token', async () => {
    const document = (await (await host.request('/docs-json')).json()) as OpenApiDocument;
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths['/api/v1/enforcement/officers']?.get?.security).toEqual([{ bearer: [] }]);
  });

  it('publishes the case endpoints, each step and the record behind a bearer token', async () => {
    const document = (await (await host.request('/docs-json')).json()) as OpenApiDocument;
    expect(document.paths['/api/v1/enforcement/cases']?.post?.security).toEqual([{ bearer: [] }]);
    for (const step of ['register', 'evidence', 'notice', 'hearing-request', 'hearing', 'legal-review', 'decision', 'service', 'payment', 'close']) {
      expect(document.paths[`/api/v1/enforcement/cases/{id}/${step}`]?.post?.security).toEqual([{ bearer: [] }]);
    }
    expect(document.paths['/api/v1/enforcement/cases/{id}/record/verify']?.get?.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/v1/enforcement/cases/{id}/record/export']?.get?.security).toEqual([{ bearer: [] }]);
  });

  it('answers the officers list only with a token', async () => {
    expect((await host.request('/api/v1/enforcement/officers')).status).toBe(401);
    const response = await host.request('/api/v1/enforcement/officers', { token: await host.tokenFor([Role.Supervisor]) });
    expect(response.status).toBe(200);
  });
});
