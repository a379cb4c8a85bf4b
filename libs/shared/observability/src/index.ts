export { RequestContext, type RequestContextData } from './request-context';
export { CORRELATION_ID_HEADER, correlationIdOf, resolveCorrelationId } from './correlation-id';
export { REDACTED_PATHS, createLogger, createLoggerModule, type LoggerOptions } from './logger';
export {
  type ConsumerOutcome,
  consumerLag,
  consumerMessagesTotal,
  deadLettersTotal,
  httpServerRequestDuration,
  metricsRegistry,
  outboxBacklog,
  outboxPublishedTotal,
} from './metrics';
export { type CheckResult, type HealthCheck, HealthChecks, type ReadinessReport } from './health-checks';
export { UserContextInterceptor } from './user-context.interceptor';
export { HealthModule, ObservabilityModule, type ObservabilityOptions, useStructuredLogger } from './observability.module';
