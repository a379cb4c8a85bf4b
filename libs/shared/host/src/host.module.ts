import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { TObject } from '@sinclair/typebox';
import { AuthModule, authOptionsFromConfig } from '@civicflow/auth';
import { ConfigModule, loadConfig } from '@civicflow/config';
import { kafkaOptionsFromConfig, MessagingModule, MessagingOptions } from '@civicflow/messaging';
import { ObservabilityModule } from '@civicflow/observability';
import { RateLimitModule, rateLimitPoliciesFromConfig, RedisModule } from '@civicflow/persistence';
import { HostConfig } from './host-config';
import { PrometheusMessagingMetrics } from './prometheus-messaging-metrics';
import { MESSAGING_METRICS } from '@civicflow/messaging';

export function messagingOptionsFromConfig(config: HostConfig): MessagingOptions {
  return {
    transport: config.MESSAGING_TRANSPORT,
    kafka: kafkaOptionsFromConfig(config),
    consumer: {
      maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
      retryBackoffMs: config.CONSUMER_RETRY_BACKOFF_MS,
      heartbeatIntervalMs: config.KAFKA_HEARTBEAT_INTERVAL_MS,
    },
    outbox: { batchSize: config.OUTBOX_BATCH_SIZE, pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS },
  };
}

export interface HostModuleOptions<S extends TObject> {
  /** The `service` field of log lines: a service name, or `platform`. */
  name: string;
  configSchema: S;
  env?: NodeJS.ProcessEnv;
  /** The service modules this process hosts. */
  services: NonNullable<ModuleMetadata['imports']>;
}

/**
 * Everything a host process needs around its service modules: validated configuration,
 * logs, metrics and health, authentication, rate limits, and the event transport.
 * The configuration is read once here; a bad value stops the process with its reason.
 */
@Module({})
export class HostModule {
  static forRoot<S extends TObject>(options: HostModuleOptions<S>): DynamicModule {
    const env = options.env ?? process.env;
    const config = loadConfig(options.configSchema, env) as unknown as HostConfig;
    return {
      module: HostModule,
      imports: [
        ConfigModule.forRoot(options.configSchema, env),
        ObservabilityModule.forRoot({ service: options.name, level: config.LOG_LEVEL }),
        AuthModule.forRoot(authOptionsFromConfig(config)),
        RedisModule.forRoot({ url: config.REDIS_URL }),
        RateLimitModule.forRoot({ policies: rateLimitPoliciesFromConfig(config) }),
        MessagingModule.forRootAsync({
          useFactory: () => messagingOptionsFromConfig(config),
          metrics: { provide: MESSAGING_METRICS, useClass: PrometheusMessagingMetrics },
        }),
        ...options.services,
      ],
    };
  }
}
