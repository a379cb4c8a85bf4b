import { Role, STAFF_ROLES } from '@civicflow/auth';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { startTestHost, TestHost } from '@civicflow/testing';
import { CoordinationModule } from '../src';

describe('CoordinationModule', () => {
  let host: TestHost;
  let shipped: string[];
  const departments = '/api/v1/coordination/departments';

  beforeAll(async () => {
    host = await startTestHost({
      name: 'coordination',
      boot: (env, listen) => {
        const configSchema = hostConfigSchema({ port: 3000, kafkaClientId: 'civicflow-coordination-test', transport: 'in-process' });
        return bootstrapHost(HostModule.forRoot({ name: 'coordination', configSchema, env, services: [CoordinationModule] }), { title: 'coordination', description: 'test', ...listen });
      },
    });
    // The listing is checked on departments of the test's own; the shipped directory is checked before they replace it.
    shipped = (await host.query<{ code: string }>('SELECT code FROM coordination.department ORDER BY code')).map((row) => row.code);
    await host.query('DELETE FROM coordination.department');
    await host.query(
      `INSERT INTO coordination.department (code, name_zh, name_en, contact_webhook_url, created_at)
       VALUES ('water-affairs', '市水务局', 'Water Affairs Bureau', 'https://water.example/hooks/civicflow?token=s3cret', '2026-03-01T08:00:00Z'),
              ('housing', '市住建局', 'Housing and Construction Bureau', NULL, '2026-03-02T08:00:00Z')`,
    );
  });

  afterAll(() => host?.close());

  it('keeps its departments and tasks in the coordination schema, beside its outbox and inbox', async () => {
    const tables = await host.query<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_name IN ('department', 'task', 'outbox', 'inbox') ORDER BY table_name`,
    );
    expect(tables).toEqual([
      { table_schema: 'coordination', table_name: 'department' },
      { table_schema: 'coordination', table_name: 'inbox' },
      { table_schema: 'coordination', table_name: 'outbox' },
      { table_schema: 'coordination', table_name: 'task' },
    ]);
  });

  it('records its migrations in its own schema', async () => {
    const migrations = await host.query<{ name: string }>('SELECT name FROM coordination.schema_migrations ORDER BY timestamp');
    expect(migrations.map((row) => row.name)).toEqual(['CreateMessagingTables1764000000000', 'CreateDepartment1795628610000', 'CreateTask1795700000000', 'SeedDefaultDepartments1795700000001']);
  });

  it('ships the departments the default complaint catalogue routes to', () => {
    expect(shipped).toEqual(['ecology-environment', 'housing-construction', 'market-supervision', 'traffic-police', 'water-affairs']);
  });

  it.each([...STAFF_ROLES])('lists the departments by code to the %s role', async (role) => {
    const response = await host.request(departments, { token: await host.tokenFor([role]) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      items: [
        { code: 'housing', nameZh: '市住建局', nameEn: 'Housing and Construction Bureau', receivesWebhooks: false, createdAt: '2026-03-02T08:00:00.000Z' },
        { code: 'water-affairs', nameZh: '市水务局', nameEn: 'Water Affairs Bureau', receivesWebhooks: true, createdAt: '2026-03-01T08:00:00.000Z' },
      ],
    });
  });

  it('never shows a webhook URL, which may carry the receiver’s token', async () => {
    const response = await host.request(departments, { token: await host.tokenFor([Role.Admin]) });
    expect(await response.text()).not.toContain('s3cret');
  });

  it.each([Role.Citizen, Role.Merchant])('forbids the department directory to the public (%s)', async (role) => {
    const response = await host.request(departments, { token: await host.tokenFor([role]) });
    expect(response.status).toBe(403);
  });

  it('asks for a bearer token when none is sent', async () => {
    expect((await host.request(departments)).status).toBe(401);
  });
});
