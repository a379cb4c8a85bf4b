import { type DynamicModule, Global, type INestApplication, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Logger as PinoLoggerService } from 'nestjs-pino';
import { HealthChecks } from './health-checks';
import { HttpObservability } from './http-observability';
import { type LoggerOptions, createLoggerModule } from './logger';
import { UserContextInterceptor } from './user-context.interceptor';

/** The registry of readiness checks; any module injects `HealthChecks` and registers its own. */
@Global()
@Module({ providers: [HealthChecks], exports: [HealthChecks] })
export class HealthModule {}

export interface ObservabilityOptions extends LoggerOptions {
  /** The `service` field of every log line. */
  service: string;
}

/**
 * JSON logs with the correlation id, the request context, HTTP metrics, GET /metrics,
 * GET /health/live and GET /health/ready.
 */
@Module({})
export class ObservabilityModule {
  static forRoot({ service, ...loggerOptions }: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      imports: [createLoggerModule(service, loggerOptions), HealthModule],
      providers: [HttpObservability, { provide: APP_INTERCEPTOR, useClass: UserContextInterceptor }],
      exports: [HealthModule],
    };
  }
}

/** Routes Nest's own log output (bootstrap, `new Logger(...)`) through the JSON logger. */
export function useStructuredLogger(app: INestApplication): void {
  app.useLogger(app.get(PinoLoggerService));
  app.flushLogs();
}
