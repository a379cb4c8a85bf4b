import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { CONFIG } from '@civicflow/config';
import { HealthChecks } from '@civicflow/observability';
import { buildDataSourceOptions, initializeServiceDataSource } from './service-data-source';

export interface ServicePersistenceOptions {
  service: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Array<Function | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

interface DatabaseConfig {
  DATABASE_URL?: string;
  DATA_DIR: string;
}

/**
 * One named TypeORM data source per service (named after it), migrated at start. Inject
 * with `@InjectDataSource('<service>')` / `@InjectRepository(Entity, '<service>')`.
 */
@Module({})
export class PersistenceModule {
  static forService(options: ServicePersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          name: options.service,
          inject: [CONFIG],
          // The name must be in the resolved options too: @nestjs/typeorm looks the data source up by it at shutdown.
          useFactory: (config: DatabaseConfig) => ({
            ...buildDataSourceOptions({ ...options, databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }),
            name: options.service,
          }),
          dataSourceFactory: async (dataSourceOptions) => initializeServiceDataSource(dataSourceOptions!),
        }),
        TypeOrmModule.forFeature(options.entities, options.service),
      ],
      providers: [
        {
          provide: `${options.service}:database-health`,
          inject: [getDataSourceToken(options.service), HealthChecks],
          useFactory: (dataSource: DataSource, health: HealthChecks) => {
            health.register(`database:${options.service}`, async () => {
              await dataSource.query('SELECT 1');
            });
            return true;
          },
        },
      ],
      exports: [TypeOrmModule],
    };
  }
}
