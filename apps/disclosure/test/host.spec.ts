import { loadConfig } from '@civicflow/config';
import { bootstrapHost } from '@civicflow/host';
import { startTestHost, TestHost } from '@civicflow/testing';
import { disclosureConfigSchema, disclosureHostModule } from '../src/app.module';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, { get?: { security?: unknown } }>;
}

describe('disclosure host', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost({ name: 'disclosure', boot: (env, listen) => bootstrapHost(disclosureHostModule(env), { title: 'disclosure', description: 'test', ...listen }) });
  });

  afterAll(() => host?.close());

  it('listens on 3004 and names itself civicflow-disclosure to Kafka unless told otherwise', () => {
    expect(loadConfig(disclosureConfigSchema, {})).toMatchObject({ PORT: 3004, KAFKA_CLIENT_ID: 'civicflow-disclosure', MESSAGING_TRANSPORT: 'kafka' });
  });

  it('refuses to start on a bad configuration value, naming it', () => {
    expect(() => disclosureHostModule({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('reports itself alive', async () => {
    expect((await host.request('/health/live')).status).toBe(200);
  });

  it('reports itself ready once its own database answers', async () => {
    const response = await host.request('/health/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', checks: { 'database:disclosure': { status: 'up' } } });
  });

  it('counts the requests it served in its Prometheus metrics', async () => {
    await host.request('/api/v1/disclosure/publications');
    const metrics = await (await host.request('/metrics')).text();
    expect(metrics).toMatch(/http_server_request_duration_seconds_count\{[^}]*route="\/api\/v1\/disclosure\/publications"[^}]*status_code="200"[^}]*\} [1-9]/);
  });

  it('publishes an OpenAPI document listing the publications endpoint as open to anyone', async () => {
    const document = (await (await host.request('/docs-json')).json()) as OpenApiDocument;
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths['/api/v1/disclosure/publications']?.get).toBeDefined();
    expect(document.paths['/api/v1/disclosure/publications']?.get?.security).toBeUndefined();
  });

  it('answers the publications list without a token', async () => {
    expect((await host.request('/api/v1/disclosure/publications')).status).toBe(200);
  });
});
