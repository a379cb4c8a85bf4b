import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueDevelopmentToken, type Role } from '@civicflow/auth';
import { DEVELOPMENT_JWT_SECRET } from '@civicflow/config';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { startTestHost, type TestHost } from '@civicflow/testing';
import { ComplaintsModule, complaintsVariables } from '../src';

const configSchema = hostConfigSchema({ port: 3001, kafkaClientId: 'civicflow-complaints-test', transport: 'in-process' }, complaintsVariables);

/** The complaints service alone, as its own host would run it, on a fresh PostgreSQL database. */
export function startComplaintsHost(name: string, env: Record<string, string> = {}): Promise<TestHost> {
  return startTestHost({
    name,
    env: { RATE_LIMIT_INTAKE_POINTS: '100000', ...env },
    boot: (hostEnv, listen) =>
      bootstrapHost(HostModule.forRoot({ name: 'complaints', configSchema, env: hostEnv, services: [ComplaintsModule] }), { title: 'complaints', description: 'test', ...listen }),
  });
}

export interface StagedEvent {
  event_type: string;
  message_key: string;
  data: Record<string, unknown>;
}

/** The events the service staged for a complaint, in the order they will be published. */
export async function stagedEvents(host: TestHost, complaintId?: string): Promise<StagedEvent[]> {
  return host.query<StagedEvent>(
    `SELECT event_type, message_key, envelope -> 'data' AS data FROM complaints.outbox ${complaintId ? 'WHERE message_key = $1' : ''} ORDER BY seq`,
    complaintId ? [complaintId] : [],
  );
}

export interface EmbeddedComplaintsHost {
  request(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  tokenFor(roles: Role[], sub: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The complaints service on the embedded store (PGlite), as `npm start` runs it. The embedded
 * store has one session: a query made beside an open transaction waits for ever, which only
 * a run on this store shows.
 */
export async function startEmbeddedComplaintsHost(): Promise<EmbeddedComplaintsHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-complaints-embedded-'));
  const env = { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: dataDir, MESSAGING_TRANSPORT: 'in-process', AUTH_JWT_SECRET: DEVELOPMENT_JWT_SECRET };
  const app = await bootstrapHost(HostModule.forRoot({ name: 'complaints', configSchema, env, services: [ComplaintsModule] }), {
    title: 'complaints',
    description: 'test',
    port: 0,
    host: '127.0.0.1',
    handleSignals: false,
  });
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    request: (path, { token, headers, ...init } = {}) => {
      const withToken = new Headers(headers);
      if (token !== undefined) withToken.set('authorization', `Bearer ${token}`);
      return fetch(new URL(path, baseUrl), { ...init, headers: withToken, signal: AbortSignal.timeout(15_000) });
    },
    tokenFor: (roles, sub) => issueDevelopmentToken({ sub, roles }, DEVELOPMENT_JWT_SECRET, '10m'),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
