import { DataSource, DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { join } from 'node:path';
import { embeddedPostgresDriver } from './embedded/serialized-pglite.pool';
import { QueryErrorLogger } from './query-error-logger';

export interface ServiceDatabaseOptions {
  /** The owning service; also its PostgreSQL schema name. */
  service: string;
  /** PostgreSQL URL; when absent the embedded store under `dataDir` is used. */
  databaseUrl?: string;
  dataDir: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

const SCHEMA_NAME = /^[a-z][a-z0-9_]{0,62}$/;

export function schemaNameFor(service: string): string {
  const schema = service.replace(/-/g, '_');
  if (!SCHEMA_NAME.test(schema)) throw new Error(`"${service}" cannot be used as a PostgreSQL schema name`);
  return schema;
}

export function embeddedDataDirectory(dataDir: string): string {
  return join(dataDir, 'pglite');
}

export function buildDataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  const schema = schemaNameFor(options.service);
  const common = {
    type: 'postgres' as const,
    schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    // Schema changes go through reviewed migrations only; see docs/adr/0003.
    synchronize: false,
    migrationsRun: false,
    logging: ['error' as const, 'warn' as const, 'migration' as const],
    logger: new QueryErrorLogger(schema),
  };
  if (options.databaseUrl) {
    return {
      ...common,
      url: options.databaseUrl,
      extra: { max: options.poolSize ?? 10, application_name: `civicflow-${options.service}` },
    };
  }
  return { ...common, driver: embeddedPostgresDriver(embeddedDataDirectory(options.dataDir)) };
}

export function isEmbeddedDataSource(dataSource: DataSource): boolean {
  return !('url' in dataSource.options && dataSource.options.url);
}

/** Opens the service's data source, creates its schema and applies pending migrations. */
export function openServiceDataSource(options: ServiceDatabaseOptions): Promise<DataSource> {
  return initializeServiceDataSource(buildDataSourceOptions(options));
}

/** Initialises a data source built by buildDataSourceOptions and applies pending migrations. */
export async function initializeServiceDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    await migrateServiceSchema(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

async function migrateServiceSchema(dataSource: DataSource): Promise<void> {
  const schema = dataSource.driver.schema as string;
  if (isEmbeddedDataSource(dataSource)) {
    // One process owns the embedded store, so there is no other migrator to wait for.
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  // Replicas start together; the advisory lock lets exactly one of them migrate.
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock(hashtext($1))', [`civicflow.migrations.${schema}`]);
    await lockRunner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock(hashtext($1))', [`civicflow.migrations.${schema}`]).catch(() => undefined);
    await lockRunner.release();
  }
}
