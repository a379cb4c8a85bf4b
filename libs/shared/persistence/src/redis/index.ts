export { REDIS_CLIENT, RedisLifecycle, RedisModule, type RedisModuleOptions, createRedisClient } from './redis.module';
export {
  RateLimit,
  RateLimitGuard,
  RateLimitModule,
  type RateLimitModuleOptions,
  type RateLimitDecision,
  type RateLimitPolicies,
  type RateLimitPolicy,
  RateLimiters,
  rateLimitPoliciesFromConfig,
} from './rate-limit';
