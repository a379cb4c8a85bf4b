import { loadConfig } from '@civicflow/config';
import { bootstrapHost } from '@civicflow/host';
import { startTestHost, TestHost } from '@civicflow/testing';
import { ratingConfigSchema, ratingHostModule } from '../src/app.module';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, { get?: { security?: unknown } }>;
}

describe('rating host', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost({ name: 'rating', boot: (env, listen) => bootstrapHost(ratingHostModule(env), { title: 'rating', description: 'test', ...listen }) });
  });

  afterAll(() => host?.close());

  it('listens on 3006 and names itself civicflow-rating to Kafka unless told otherwise', () => {
    expect(loadConfig(ratingConfigSchema, {})).toMatchObject({ PORT: 3006, KAFKA_CLIENT_ID: 'civicflow-rating', MESSAGING_TRANSPORT: 'kafka' });
  });

  it('refuses to start on a bad configuration value, naming it', () => {
    expect(() => ratingHostModule({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('reports itself alive', async () => {
    expect((await host.request('/health/live')).status).toBe(200);
  });

  it('reports itself ready once its own database answers', async () => {
    const response = await host.request('/health/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', checks: { 'database:rating': { status: 'up' } } });
  });

  it('counts the requests it served in its Prometheus metrics', async () => {
    await host.request('/api/v1/rating/criteria');
    const metrics = await (await host.request('/metrics')).text();
    expect(metrics).toMatch(/http_server_request_duration_seconds_count\{[^}]*route="\/api\/v1\/rating\/criteria"[^}]*status_code="200"[^}]*\} [1-9]/);
  });

  it('publishes an OpenAPI document listing the criteria endpoint as open to anyone', async () => {
    const document = (await (await host.request('/docs-json')).json()) as OpenApiDocument;
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths['/api/v1/rating/criteria']?.get).toBeDefined();
    expect(document.paths['/api/v1/rating/criteria']?.get?.security).toBeUndefined();
  });

  it('answers the criteria list without a token', async () => {
    expect((await host.request('/api/v1/rating/criteria')).status).toBe(200);
  });
});
