export { ConfigurationError } from './configuration-error';
export { loadConfig, type Environment } from './load-config';
export { describeConfig, renderConfigTable, type ConfigVariableRow } from './describe-config';
export { CONFIG, ConfigModule } from './config.module';
export {
  DEVELOPMENT_JWT_SECRET,
  LOG_LEVELS,
  MESSAGING_TRANSPORTS,
  authVariables,
  databaseVariables,
  httpVariables,
  messagingVariables,
  rateLimitVariables,
  redisVariables,
  runtimeVariables,
  stringEnum,
  type LogLevel,
  type MessagingTransport,
} from './shared-variables';
