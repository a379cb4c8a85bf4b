import { Type, type SchemaOptions, type TUnsafe } from '@sinclair/typebox';

export const DEVELOPMENT_JWT_SECRET = 'civicflow-development-secret-change-me';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const MESSAGING_TRANSPORTS = ['in-process', 'kafka'] as const;
export type MessagingTransport = (typeof MESSAGING_TRANSPORTS)[number];

/**
 * A string enum as a flat JSON Schema `enum`: TypeBox's union of literals would make
 * ajv report one "must be equal to constant" per member instead of one clear line.
 */
export function stringEnum<const Values extends readonly string[]>(
  values: Values,
  options: SchemaOptions = {},
): TUnsafe<Values[number]> {
  return Type.Unsafe<Values[number]>({ ...options, type: 'string', enum: [...values] });
}

const milliseconds = (defaultValue: number, description: string) =>
  Type.Integer({ minimum: 1, default: defaultValue, description });

export const httpVariables = (defaultPort: number) => ({
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: defaultPort, description: 'TCP port the HTTP server listens on.' }),
});

export const runtimeVariables = {
  NODE_ENV: Type.String({
    minLength: 1,
    default: 'development',
    description: "Deployment environment; 'production' forbids development defaults such as the built-in JWT secret.",
  }),
  LOG_LEVEL: stringEnum(LOG_LEVELS, { default: 'info', description: 'Lowest level written to the JSON log.' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data', description: 'Directory for the embedded store and other local files.' }),
  SHUTDOWN_GRACE_MS: milliseconds(10000, 'How long shutdown waits for in-flight requests and messages before closing.'),
};

export const databaseVariables = {
  DATABASE_URL: Type.Optional(
    Type.String({ format: 'uri', description: 'PostgreSQL connection URL; unset = the embedded on-disk store in DATA_DIR.' }),
  ),
};

export const redisVariables = {
  REDIS_URL: Type.Optional(
    Type.String({ format: 'uri', description: 'Redis connection URL; unset = rate limits and caches kept in memory.' }),
  ),
};

export const messagingVariables = (defaultClientId: string) => ({
  MESSAGING_TRANSPORT: stringEnum(MESSAGING_TRANSPORTS, {
    default: 'in-process',
    description: "How events travel: 'in-process' (one process, embedded default) or 'kafka'.",
  }),
  KAFKA_BROKERS: Type.String({
    pattern: '^[^\\s,]+:\\d{1,5}(,[^\\s,]+:\\d{1,5})*$',
    default: '127.0.0.1:9092',
    description: 'Kafka bootstrap brokers, comma-separated host:port.',
  }),
  KAFKA_CLIENT_ID: Type.String({ minLength: 1, default: defaultClientId, description: 'Kafka client id (used in broker logs and ACLs).' }),
  KAFKA_TOPIC_PREFIX: Type.String({ default: '', description: 'Prefix put before every topic name, e.g. per environment.' }),
  KAFKA_SESSION_TIMEOUT_MS: milliseconds(30000, 'Consumer session timeout: the broker evicts a consumer silent for longer.'),
  KAFKA_REBALANCE_TIMEOUT_MS: milliseconds(60000, 'How long the group waits for members to rejoin during a rebalance.'),
  KAFKA_HEARTBEAT_INTERVAL_MS: milliseconds(3000, 'Interval between consumer heartbeats.'),
  KAFKA_REQUEST_TIMEOUT_MS: milliseconds(30000, 'Timeout of one request to a broker.'),
  KAFKA_CONNECTION_TIMEOUT_MS: milliseconds(3000, 'Timeout of establishing a broker connection.'),
  OUTBOX_BATCH_SIZE: Type.Integer({ minimum: 1, default: 200, description: 'Outbox rows the relay publishes per batch.' }),
  OUTBOX_POLL_INTERVAL_MS: milliseconds(100, 'Pause of the outbox relay when it found nothing to publish.'),
  CONSUMER_MAX_ATTEMPTS: Type.Integer({
    minimum: 1,
    default: 5,
    description: 'Attempts to handle one message before it goes to the dead-letter topic.',
  }),
  CONSUMER_RETRY_BACKOFF_MS: milliseconds(200, 'Initial backoff between handling attempts (doubles each retry).'),
});

export const authVariables = {
  AUTH_JWT_SECRET: Type.String({
    minLength: 16,
    default: DEVELOPMENT_JWT_SECRET,
    description: 'HS256 secret for bearer tokens; the default is refused when NODE_ENV=production (set it or AUTH_JWKS_URL).',
  }),
  AUTH_JWKS_URL: Type.Optional(
    Type.String({ format: 'uri', description: 'JWKS endpoint of the identity provider; when set, RS256/ES256 tokens are verified against it instead.' }),
  ),
  AUTH_ISSUER: Type.String({ minLength: 1, default: 'civicflow', description: 'Required `iss` claim of bearer tokens.' }),
  AUTH_AUDIENCE: Type.String({ minLength: 1, default: 'civicflow', description: 'Required `aud` claim of bearer tokens.' }),
};

export const rateLimitVariables = {
  RATE_LIMIT_INTAKE_POINTS: Type.Integer({ minimum: 1, default: 20, description: 'Complaint submissions allowed per client IP per window.' }),
  RATE_LIMIT_INTAKE_WINDOW_SECONDS: Type.Integer({ minimum: 1, default: 60, description: 'Length of the intake rate-limit window, in seconds.' }),
};
