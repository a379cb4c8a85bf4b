import {
  type CanActivate,
  type DynamicModule,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  Module,
  Optional,
  SetMetadata,
  UseGuards,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type Redis from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { REDIS_CLIENT } from './redis.module';

export interface RateLimitPolicy {
  /** Requests allowed per key within one window. */
  points: number;
  windowSeconds: number;
}

export type RateLimitPolicies = Record<string, RateLimitPolicy>;

export interface RateLimitModuleOptions {
  policies: RateLimitPolicies;
  /** Namespace of the counters in Redis. */
  keyPrefix?: string;
}

export function rateLimitPoliciesFromConfig(config: {
  RATE_LIMIT_INTAKE_POINTS: number;
  RATE_LIMIT_INTAKE_WINDOW_SECONDS: number;
}): RateLimitPolicies {
  return { intake: { points: config.RATE_LIMIT_INTAKE_POINTS, windowSeconds: config.RATE_LIMIT_INTAKE_WINDOW_SECONDS } };
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const RATE_LIMIT_OPTIONS = Symbol('civicflow.rate-limit-options');
const RATE_LIMIT_POLICY = 'civicflow:rate-limit:policy';

@Injectable()
export class RateLimiters {
  private readonly logger = new Logger(RateLimiters.name);
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private storeFailing = false;

  constructor(
    @Inject(RATE_LIMIT_OPTIONS) { policies, keyPrefix = 'civicflow:rate-limit' }: RateLimitModuleOptions,
    @Optional() @Inject(REDIS_CLIENT) redis?: Redis | null,
  ) {
    for (const [name, { points, windowSeconds }] of Object.entries(policies)) {
      const options = { keyPrefix: `${keyPrefix}:${name}`, points, duration: windowSeconds };
      this.limiters.set(
        name,
        redis ? new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true }) : new RateLimiterMemory(options),
      );
    }
  }

  async consume(policy: string, key: string): Promise<RateLimitDecision> {
    const limiter = this.limiters.get(policy);
    if (!limiter) throw new Error(`No rate-limit policy named "${policy}" is configured`);
    try {
      await limiter.consume(key);
      this.storeFailing = false;
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      // Fail open: losing the limiter's store must not stop citizens from filing
      // complaints; the limit is abuse protection, not a correctness rule.
      if (!this.storeFailing) {
        this.storeFailing = true;
        const reason = rejection instanceof Error ? rejection.message : String(rejection);
        this.logger.warn(`Rate-limit store unavailable, letting requests through unlimited: ${reason}`);
      }
      return { allowed: true };
    }
  }
}

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiters: RateLimiters,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const policy = this.reflector.getAllAndOverride<string | undefined>(RATE_LIMIT_POLICY, [context.getHandler(), context.getClass()]);
    if (!policy) return true;
    const http = context.switchToHttp();
    // Behind a load balancer this is the client only when the app trusts the proxy
    // (FastifyAdapter({ trustProxy })); otherwise every citizen shares one counter.
    const { ip } = http.getRequest<{ ip: string }>();
    const decision = await this.limiters.consume(policy, ip);
    if (decision.allowed) return true;
    http.getResponse<{ header(name: string, value: string): unknown }>().header('Retry-After', String(decision.retryAfterSeconds));
    throw new HttpException(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        code: 'rate_limited',
        message: `Too many requests; try again in ${decision.retryAfterSeconds} s`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** Limits the route per client IP with the named policy, e.g. `@RateLimit('intake')`. */
export const RateLimit = (policy: string) => applyDecorators(SetMetadata(RATE_LIMIT_POLICY, policy), UseGuards(RateLimitGuard));

/** Counters live in Redis when RedisModule has a client, in this process's memory otherwise. */
@Module({})
export class RateLimitModule {
  static forRoot(options: RateLimitModuleOptions): DynamicModule {
    return {
      module: RateLimitModule,
      global: true,
      providers: [{ provide: RATE_LIMIT_OPTIONS, useValue: options }, RateLimiters, RateLimitGuard],
      exports: [RateLimiters, RateLimitGuard],
    };
  }
}
