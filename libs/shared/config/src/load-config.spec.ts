import { Type } from '@sinclair/typebox';
import { ConfigurationError } from './configuration-error';
import { loadConfig } from './load-config';
import {
  DEVELOPMENT_JWT_SECRET,
  authVariables,
  databaseVariables,
  httpVariables,
  messagingVariables,
  rateLimitVariables,
  redisVariables,
  runtimeVariables,
} from './shared-variables';

const schema = Type.Object({
  ...httpVariables(3001),
  ...runtimeVariables,
  ...databaseVariables,
  ...redisVariables,
  ...messagingVariables('civicflow-complaints'),
  ...authVariables,
  ...rateLimitVariables,
});

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(schema, env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadConfig', () => {
  it('fills every documented default when the environment is empty', () => {
    const config = loadConfig(schema, {});
    expect(config).toEqual({
      PORT: 3001,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      DATA_DIR: './data',
      SHUTDOWN_GRACE_MS: 10000,
      MESSAGING_TRANSPORT: 'in-process',
      KAFKA_BROKERS: '127.0.0.1:9092',
      KAFKA_CLIENT_ID: 'civicflow-complaints',
      KAFKA_TOPIC_PREFIX: '',
      KAFKA_SESSION_TIMEOUT_MS: 30000,
      KAFKA_REBALANCE_TIMEOUT_MS: 60000,
      KAFKA_HEARTBEAT_INTERVAL_MS: 3000,
      KAFKA_REQUEST_TIMEOUT_MS: 30000,
      KAFKA_CONNECTION_TIMEOUT_MS: 3000,
      OUTBOX_BATCH_SIZE: 200,
      OUTBOX_POLL_INTERVAL_MS: 100,
      CONSUMER_MAX_ATTEMPTS: 5,
      CONSUMER_RETRY_BACKOFF_MS: 200,
      AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET,
      AUTH_ISSUER: 'civicflow',
      AUTH_AUDIENCE: 'civicflow',
      RATE_LIMIT_INTAKE_POINTS: 20,
      RATE_LIMIT_INTAKE_WINDOW_SECONDS: 60,
    });
  });

  it('converts numeric strings to numbers and keeps optional URLs', () => {
    const config = loadConfig(schema, {
      PORT: '8080',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      REDIS_URL: 'redis://127.0.0.1:6379',
      MESSAGING_TRANSPORT: 'kafka',
      KAFKA_BROKERS: 'kafka-0:9092,kafka-1:9092',
    });
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.MESSAGING_TRANSPORT).toBe('kafka');
    expect(config.KAFKA_BROKERS).toBe('kafka-0:9092,kafka-1:9092');
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig(schema, { DATABASE_URL: '', PORT: ' ' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PORT).toBe(3001);
  });

  it('returns only the declared variables, frozen', () => {
    const config = loadConfig(schema, { HOME: '/root' });
    expect(config).not.toHaveProperty('HOME');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every bad variable with its reason in one error', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      OUTBOX_BATCH_SIZE: '0',
      REDIS_URL: 'not a url',
      KAFKA_BROKERS: 'kafka-0',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT must be integer',
        'LOG_LEVEL must be equal to one of the allowed values: fatal, error, warn, info, debug, trace, silent',
        'OUTBOX_BATCH_SIZE must be >= 1',
        'REDIS_URL must match format "uri"',
      ]),
    );
    expect(problems.some((problem) => problem.startsWith('KAFKA_BROKERS must match pattern'))).toBe(true);
    expect(problems).toHaveLength(5);
  });

  it('names a missing variable that has no default', () => {
    const withRequired = Type.Object({ ...runtimeVariables, SMTP_HOST: Type.String({ description: 'Mail relay' }) });
    expect(() => loadConfig(withRequired, {})).toThrow(/SMTP_HOST is required/);
  });

  it('refuses the development JWT secret in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'AUTH_JWT_SECRET must be set to a secret of your own (or AUTH_JWKS_URL configured) when NODE_ENV=production',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toHaveLength(1);
  });

  it('accepts production with an own secret or a JWKS endpoint', () => {
    expect(loadConfig(schema, { NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-long-production-secret-value' }).NODE_ENV).toBe(
      'production',
    );
    expect(
      loadConfig(schema, { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://id.example.org/.well-known/jwks.json' }).AUTH_JWKS_URL,
    ).toBe('https://id.example.org/.well-known/jwks.json');
  });

  it('the message names the problems so that a crashing process explains itself', () => {
    expect(() => loadConfig(schema, { PORT: '70000' })).toThrow('Invalid configuration:\n  - PORT must be <= 65535');
  });
});
