import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@civicflow/testing';
import { openServiceDataSource, ServiceDatabaseOptions } from '../src';

class CreateNoteTable1732500000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE notes_probe.note (id text PRIMARY KEY, body jsonb NOT NULL)`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notes_probe.note`);
  }
}

const options = (overrides: Partial<ServiceDatabaseOptions>): ServiceDatabaseOptions => ({
  service: 'notes-probe',
  dataDir: './data',
  entities: [],
  migrations: [CreateNoteTable1732500000000],
  ...overrides,
});

describe('service data sources', () => {
  let dataDir: string;
  let database: TestDatabase;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cf-persistence-'));
    database = await createTestDatabase('persistence');
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  });

  it.each([
    ['PostgreSQL', () => options({ databaseUrl: database.url })],
    ['the embedded store', () => options({ dataDir })],
  ])('the same migrations create the service schema on %s, once', async (_store, makeOptions) => {
    const first = await openServiceDataSource(makeOptions());
    await first.query(`INSERT INTO notes_probe.note VALUES ('a', '{"n":1}')`);
    await first.destroy();
    const second = await openServiceDataSource(makeOptions());
    const rows = await second.query(`SELECT body FROM notes_probe.note`);
    const applied = await second.query(`SELECT name FROM notes_probe.schema_migrations`);
    await second.destroy();
    expect(rows).toEqual([{ body: { n: 1 } }]);
    expect(applied.map((row: { name: string }) => row.name)).toEqual(['CreateNoteTable1732500000000']);
  });

  it('keeps concurrent embedded transactions apart, so a rollback undoes only its own writes', async () => {
    const dataSource: DataSource = await openServiceDataSource(options({ dataDir }));
    let releaseFailing!: () => void;
    const failingMayFinish = new Promise<void>((resolve) => (releaseFailing = resolve));
    const failing = dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO notes_probe.note VALUES ('rolled-back', '{}')`);
      await failingMayFinish;
      throw new Error('abort');
    });
    const succeeding = dataSource.transaction((manager) => manager.query(`INSERT INTO notes_probe.note VALUES ('kept', '{}')`));
    releaseFailing();
    await expect(failing).rejects.toThrow('abort');
    await succeeding;
    const ids = (await dataSource.query(`SELECT id FROM notes_probe.note ORDER BY id`)).map((row: { id: string }) => row.id);
    await dataSource.destroy();
    expect(ids).toContain('kept');
    expect(ids).not.toContain('rolled-back');
  });
});
