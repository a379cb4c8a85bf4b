import { Role } from '@civicflow/auth';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { startTestHost, TestHost } from '@civicflow/testing';
import { EnforcementModule } from '../src';

describe('EnforcementModule', () => {
  let host: TestHost;
  const officers = '/api/v1/enforcement/officers';

  beforeAll(async () => {
    host = await startTestHost({
      name: 'enforcement',
      boot: (env, listen) => {
        const configSchema = hostConfigSchema({ port: 3000, kafkaClientId: 'civicflow-enforcement-test', transport: 'in-process' });
        return bootstrapHost(HostModule.forRoot({ name: 'enforcement', configSchema, env, services: [EnforcementModule] }), { title: 'enforcement', description: 'test', ...listen });
      },
    });
    await host.query(
      `INSERT INTO enforcement.officer (id, name, certificate_number, certificate_valid_until, created_at)
       VALUES ('off-2', '李娜', 'ZF-0002', '2027-12-31', '2026-01-02T00:00:00Z'),
              ('off-1', '王立', 'ZF-0001', '2028-06-30', '2026-01-01T00:00:00Z')`,
    );
  });

  afterAll(() => host?.close());

  it('keeps its officers in the enforcement schema, beside its outbox and inbox', async () => {
    const tables = await host.query<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_name IN ('officer', 'outbox', 'inbox') ORDER BY table_name`,
    );
    expect(tables).toEqual([
      { table_schema: 'enforcement', table_name: 'inbox' },
      { table_schema: 'enforcement', table_name: 'officer' },
      { table_schema: 'enforcement', table_name: 'outbox' },
    ]);
  });

  it('records its migrations in its own schema', async () => {
    const migrations = await host.query<{ name: string }>('SELECT name FROM enforcement.schema_migrations ORDER BY timestamp');
    expect(migrations.map((row) => row.name)).toEqual([
      'CreateMessagingTables1764000000000',
      'CreateOfficer1795628600000',
      'CreateCase1795628700000',
      'CasePartyLater1795628800000',
      'CreateOfficerAccountability1795630000000',
      'OfficerComplaintSealed1795630100000',
      'DocumentService1795631000000',
      'PartySealedAndCaseDepartment1795632000000',
      'DocumentServiceFailures1795633000000',
      'OfficerDepartment1795634000000',
    ]);
  });

  it('refuses a second officer with the same certificate number', async () => {
    await expect(
      host.query(`INSERT INTO enforcement.officer (id, name, certificate_number, certificate_valid_until) VALUES ('off-3', '张三', 'ZF-0001', '2029-01-01')`),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it.each([Role.Supervisor, Role.Admin, Role.Auditor])('lists the officers by certificate number to the %s role', async (role) => {
    const response = await host.request(officers, { token: await host.tokenFor([role]) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      items: [
        { id: 'off-1', name: '王立', certificateNumber: 'ZF-0001', certificateValidUntil: '2028-06-30', createdAt: '2026-01-01T00:00:00.000Z' },
        { id: 'off-2', name: '李娜', certificateNumber: 'ZF-0002', certificateValidUntil: '2027-12-31', createdAt: '2026-01-02T00:00:00.000Z' },
      ],
    });
  });

  it.each([Role.Officer, Role.Citizen, Role.DepartmentAgent])('forbids the officers list to the %s role', async (role) => {
    const response = await host.request(officers, { token: await host.tokenFor([role]) });
    expect(response.status).toBe(403);
  });

  it('asks for a bearer token when none is sent', async () => {
    const response = await host.request(officers);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });
});
