import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { startTestHost, TestHost } from '@civicflow/testing';
import { CRITERION_CATEGORIES, RatingModule } from '../src';

describe('RatingModule', () => {
  let host: TestHost;
  const criteria = '/api/v1/rating/criteria';

  beforeAll(async () => {
    host = await startTestHost({
      name: 'rating',
      boot: (env, listen) => {
        const configSchema = hostConfigSchema({ port: 3000, kafkaClientId: 'civicflow-rating-test', transport: 'in-process' });
        return bootstrapHost(HostModule.forRoot({ name: 'rating', configSchema, env, services: [RatingModule] }), { title: 'rating', description: 'test', ...listen });
      },
    });
    await host.query(
      `INSERT INTO rating.criterion (code, name_zh, name_en, weight, category) VALUES
         ('road-surface-clean', '路面整洁', 'Road surface clean', 15, 'sanitation'),
         ('bins-emptied', '垃圾桶及时清运', 'Bins emptied on time', 7.5, 'sanitation'),
         ('no-street-stalls', '无占道经营', 'No street stalls', 20, 'appearance_order')`,
    );
  });

  afterAll(() => host?.close());

  it('keeps its criteria in the rating schema, beside its outbox and inbox', async () => {
    const tables = await host.query<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_name IN ('criterion', 'outbox', 'inbox') ORDER BY table_name`,
    );
    expect(tables).toEqual([
      { table_schema: 'rating', table_name: 'criterion' },
      { table_schema: 'rating', table_name: 'inbox' },
      { table_schema: 'rating', table_name: 'outbox' },
    ]);
  });

  it('records its migrations in its own schema', async () => {
    const migrations = await host.query<{ name: string }>('SELECT name FROM rating.schema_migrations ORDER BY timestamp');
    expect(migrations.map((row) => row.name)).toEqual(['CreateMessagingTables1764000000000', 'CreateCriterion1795628630000']);
  });

  it('lists the criteria to anyone, by category then code, with weights as numbers', async () => {
    const response = await host.request(criteria);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      items: [
        { code: 'no-street-stalls', nameZh: '无占道经营', nameEn: 'No street stalls', weight: 20, category: 'appearance_order' },
        { code: 'bins-emptied', nameZh: '垃圾桶及时清运', nameEn: 'Bins emptied on time', weight: 7.5, category: 'sanitation' },
        { code: 'road-surface-clean', nameZh: '路面整洁', nameEn: 'Road surface clean', weight: 15, category: 'sanitation' },
      ],
    });
  });

  it.each([0, -1])('refuses a criterion weighing %s', async (weight) => {
    await expect(
      host.query(`INSERT INTO rating.criterion (code, name_zh, name_en, weight, category) VALUES ('weightless', 'x', 'x', $1, 'greening')`, [weight]),
    ).rejects.toMatchObject({ code: '23514', constraint: 'criterion_weight_positive' });
  });

  it('accepts every category the domain knows and no other', async () => {
    for (const category of CRITERION_CATEGORIES) {
      await host.query(`INSERT INTO rating.criterion (code, name_zh, name_en, weight, category) VALUES ($1, 'x', 'x', 1, $2)`, [`category-${category}`, category]);
    }
    await expect(
      host.query(`INSERT INTO rating.criterion (code, name_zh, name_en, weight, category) VALUES ('category-noise', 'x', 'x', 1, 'noise')`),
    ).rejects.toMatchObject({ code: '23514', constraint: 'criterion_category_known' });
  });
});
