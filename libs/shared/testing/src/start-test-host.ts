import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { issueDevelopmentToken, type Role } from '@civicflow/auth';
import { DEVELOPMENT_JWT_SECRET } from '@civicflow/config';
import { createTestDatabase, type TestDatabase } from './test-database';

/** What a test host listens on: a free port on the loopback, with no signal handlers of its own. */
export interface TestListenOptions {
  port: 0;
  host: '127.0.0.1';
  handleSignals: false;
}

export interface StartTestHostOptions<App extends INestApplication> {
  /** Labels the test database; a service name, usually. */
  name: string;
  /** Variables that override the test defaults and the process environment. */
  env?: Record<string, string>;
  /**
   * Starts the host for this environment, e.g.
   * `(env, listen) => bootstrapHost(enforcementHostModule(env), { title, description, ...listen })`.
   * The caller boots it because this library sits below @civicflow/host in the dependency graph.
   */
  boot: (env: NodeJS.ProcessEnv, listen: TestListenOptions) => Promise<App>;
}

export interface JsonAnswer<T> {
  status: number;
  body: T;
}

export interface TestHost<App extends INestApplication = INestApplication> {
  app: App;
  database: TestDatabase;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** fetch against the host; `token` becomes the bearer token. */
  request(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  /** A JSON request and its answer: the status and the parsed body (null when empty). */
  json<T = Record<string, unknown>>(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<JsonAnswer<T>>;
  /** A bearer token the host accepts, carrying these roles. */
  tokenFor(roles: Role[], claims?: { sub?: string; department?: string }): Promise<string>;
  /** Runs SQL on the test database over a connection of its own, outside the host. */
  query<Row = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<Row[]>;
  /** Closes the host, then drops its database. */
  close(): Promise<void>;
}

/**
 * Boots a host on a fresh PostgreSQL database, on a free port, with the in-process event
 * transport (no Kafka needed) and the development token secret, so that a test can talk
 * to it over real HTTP the way a client would.
 */
export async function startTestHost<App extends INestApplication>(options: StartTestHostOptions<App>): Promise<TestHost<App>> {
  const database = await createTestDatabase(options.name);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'error',
    AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET,
    AUTH_JWKS_URL: undefined,
    ...options.env,
    DATABASE_URL: database.url,
    MESSAGING_TRANSPORT: 'in-process',
  };

  let app: App;
  try {
    app = await options.boot(env, { port: 0, host: '127.0.0.1', handleSignals: false });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const baseUrl = await app.getUrl();

  const request: TestHost['request'] = (path, { token, headers, ...init } = {}) => {
    const withToken = new Headers(headers);
    if (token !== undefined) withToken.set('authorization', `Bearer ${token}`);
    return fetch(new URL(path, baseUrl), { ...init, headers: withToken });
  };

  return {
    app,
    database,
    baseUrl,
    request,
    json: async <T>(method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}) => {
      const response = await request(path, {
        method,
        token,
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
    tokenFor: (roles, claims = {}) =>
      issueDevelopmentToken({ sub: claims.sub ?? `test-${roles.join('-') || 'no-role'}`, roles, department: claims.department }, DEVELOPMENT_JWT_SECRET, '10m'),
    query: async <Row>(sql: string, parameters: unknown[] = []) => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        return (await client.query(sql, parameters)).rows as Row[];
      } finally {
        await client.end();
      }
    },
    close: async () => {
      try {
        await app.close();
      } finally {
        await database.drop();
      }
    },
  };
}
