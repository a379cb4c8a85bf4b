import { HealthChecks } from '@civicflow/observability';
import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
  Optional,
} from '@nestjs/common';
import Redis from 'ioredis';

/** Inject with `@Inject(REDIS_CLIENT) redis: Redis | null`; null when no REDIS_URL is configured. */
export const REDIS_CLIENT = Symbol('civicflow.redis-client');

export interface RedisModuleOptions {
  /** Unset: no client, and users such as the rate limiter keep their state in memory. */
  url?: string;
}

export function createRedisClient(url: string): Redis {
  return new Redis(url, {
    lazyConnect: true,
    // A dead Redis must fail the command at once rather than queue it behind a request
    // that a user is waiting for.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    // A connection that never came up has nothing to flush; shutdown need not wait for it.
    disconnectTimeout: 300,
  });
}

@Injectable()
export class RedisLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private reportedUnreachable = false;

  constructor(
    @Inject(REDIS_CLIENT) private readonly client: Redis | null,
    @Optional() private readonly health?: HealthChecks,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.client) return;
    const client = this.client;
    this.health?.register('redis', async () => {
      await client.ping();
    });
    // Reconnection attempts repeat the same error; one line per outage is enough.
    client.on('error', (error: Error) => {
      if (this.reportedUnreachable) return;
      this.reportedUnreachable = true;
      this.logger.warn(`Redis unreachable, retrying in the background: ${error.message}`);
    });
    client.on('ready', () => {
      if (this.reportedUnreachable) this.logger.log('Redis reachable again');
      this.reportedUnreachable = false;
    });
    // Starting without Redis is allowed: readiness reports it, and its users degrade.
    await client.connect().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.client) return;
    if (this.client.status === 'ready') await this.client.quit();
    else this.client.disconnect();
  }
}

@Module({})
export class RedisModule {
  static forRoot({ url }: RedisModuleOptions = {}): DynamicModule {
    return {
      module: RedisModule,
      global: true,
      providers: [{ provide: REDIS_CLIENT, useFactory: () => (url ? createRedisClient(url) : null) }, RedisLifecycle],
      exports: [REDIS_CLIENT],
    };
  }
}
