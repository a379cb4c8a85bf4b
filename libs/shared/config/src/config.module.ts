import { type DynamicModule, Module } from '@nestjs/common';
import type { TObject } from '@sinclair/typebox';
import { type Environment, loadConfig } from './load-config';

/** Inject with `@Inject(CONFIG) config: Static<typeof yourSchema>`. */
export const CONFIG = Symbol('civicflow.config');

@Module({})
export class ConfigModule {
  static forRoot(schema: TObject, env: Environment = process.env): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: CONFIG, useFactory: () => loadConfig(schema, env) }],
      exports: [CONFIG],
    };
  }
}
