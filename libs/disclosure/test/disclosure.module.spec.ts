import { Role } from '@civicflow/auth';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { startTestHost, TestHost } from '@civicflow/testing';
import { DisclosureModule, PUBLICATION_KINDS } from '../src';

describe('DisclosureModule', () => {
  let host: TestHost;
  const publications = '/api/v1/disclosure/publications';

  beforeAll(async () => {
    host = await startTestHost({
      name: 'disclosure',
      boot: (env, listen) => {
        const configSchema = hostConfigSchema({ port: 3000, kafkaClientId: 'civicflow-disclosure-test', transport: 'in-process' });
        return bootstrapHost(HostModule.forRoot({ name: 'disclosure', configSchema, env, services: [DisclosureModule] }), { title: 'disclosure', description: 'test', ...listen });
      },
    });
    await host.query(
      `INSERT INTO disclosure.publication (id, kind, title, body, published_at, withdrawn_at) VALUES
         ('pub-old', 'basis', '城市管理执法依据', '《城市市容和环境卫生管理条例》…', '2026-01-05T00:00:00Z', NULL),
         ('pub-new', 'result', '行政处罚结果公示', '当事人张**，…', '2026-03-05T00:00:00Z', NULL),
         ('pub-withdrawn', 'news', '已撤回的新闻', '…', '2026-02-01T00:00:00Z', '2026-02-02T00:00:00Z'),
         ('pub-scheduled', 'policy', '尚未发布的政策', '…', now() + interval '1 day', NULL)`,
    );
  });

  afterAll(() => host?.close());

  it('keeps its publications in the disclosure schema, beside its outbox and inbox', async () => {
    const tables = await host.query<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_name IN ('publication', 'outbox', 'inbox') ORDER BY table_name`,
    );
    expect(tables).toEqual([
      { table_schema: 'disclosure', table_name: 'inbox' },
      { table_schema: 'disclosure', table_name: 'outbox' },
      { table_schema: 'disclosure', table_name: 'publication' },
    ]);
  });

  it('records its migrations in its own schema', async () => {
    const migrations = await host.query<{ name: string }>('SELECT name FROM disclosure.schema_migrations ORDER BY timestamp');
    expect(migrations.map((row) => row.name)).toEqual(['CreateMessagingTables1764000000000', 'CreatePublication1795628620000']);
  });

  it('lists to anyone, without a token, what is on the public record, newest first', async () => {
    const response = await host.request(publications);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      items: [
        { id: 'pub-new', kind: 'result', title: '行政处罚结果公示', body: '当事人张**，…', publishedAt: '2026-03-05T00:00:00.000Z' },
        { id: 'pub-old', kind: 'basis', title: '城市管理执法依据', body: '《城市市容和环境卫生管理条例》…', publishedAt: '2026-01-05T00:00:00.000Z' },
      ],
    });
  });

  it('lists the same record to a signed-in citizen', async () => {
    const response = await host.request(publications, { token: await host.tokenFor([Role.Citizen]) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual(['pub-new', 'pub-old']);
  });

  it('turns away an expired or forged token rather than answering anonymously', async () => {
    expect((await host.request(publications, { token: 'not-a-token' })).status).toBe(401);
  });

  it('accepts every kind the domain knows and no other', async () => {
    for (const kind of PUBLICATION_KINDS) {
      await host.query(`INSERT INTO disclosure.publication (id, kind, title, body, published_at) VALUES ($1, $2, 't', 'b', '2030-01-01')`, [`kind-${kind}`, kind]);
    }
    await expect(
      host.query(`INSERT INTO disclosure.publication (id, kind, title, body, published_at) VALUES ('kind-rumour', 'rumour', 't', 'b', now())`),
    ).rejects.toMatchObject({ code: '23514', constraint: 'publication_kind_known' });
  });

  it('refuses a withdrawal dated before the publication', async () => {
    await expect(
      host.query(
        `INSERT INTO disclosure.publication (id, kind, title, body, published_at, withdrawn_at)
         VALUES ('pub-backdated', 'news', 't', 'b', '2026-02-02T00:00:00Z', '2026-02-01T00:00:00Z')`,
      ),
    ).rejects.toMatchObject({ code: '23514', constraint: 'publication_withdrawn_after_published' });
  });
});
