export * from './host-config';
export * from './host.module';
export * from './bootstrap';
export { PrometheusMessagingMetrics } from './prometheus-messaging-metrics';
export { describeValidationErrors, requestValidationPipe } from './request-validation';
