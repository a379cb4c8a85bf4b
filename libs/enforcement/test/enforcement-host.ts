import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { issueDevelopmentToken, Role } from '@civicflow/auth';
import { DEVELOPMENT_JWT_SECRET } from '@civicflow/config';
import { bootstrapHost, hostConfigSchema, HostModule } from '@civicflow/host';
import { type JsonAnswer, startTestHost, type TestHost } from '@civicflow/testing';
import { EnforcementModule, enforcementVariables } from '../src';

/** The enforcement service alone on a fresh PostgreSQL database, with the bureau's officers in its directory. */
export async function startEnforcementHost(): Promise<TestHost> {
  const host = await startTestHost({
    name: 'enforcement',
    boot: (env, listen) => {
      const configSchema = hostConfigSchema({ port: 3000, kafkaClientId: 'civicflow-enforcement-test', transport: 'in-process' }, enforcementVariables);
      return bootstrapHost(HostModule.forRoot({ name: 'enforcement', configSchema, env, services: [EnforcementModule] }), { title: 'enforcement', description: 'test', ...listen });
    },
  });
  await host.query(
    `INSERT INTO enforcement.officer (id, name, certificate_number, certificate_valid_until)
     VALUES ('off-1', '王立', 'ZF-0001', '2099-06-30'), ('off-2', '李娜', 'ZF-0002', '2099-12-31'),
            ('off-3', '赵强', 'ZF-0003', '2020-12-31'), ('off-4', '陈静', 'ZF-0004', '2099-12-31')`,
  );
  return host;
}

export interface Staff {
  officer: string;
  otherOfficer: string;
  expiredOfficer: string;
  supervisor: string;
  legalReviewer: string;
  auditor: string;
}

export async function staffTokens(host: TestHost): Promise<Staff> {
  return {
    officer: await host.tokenFor([Role.Officer], { sub: 'off-1' }),
    otherOfficer: await host.tokenFor([Role.Officer], { sub: 'off-2' }),
    expiredOfficer: await host.tokenFor([Role.Officer], { sub: 'off-3' }),
    supervisor: await host.tokenFor([Role.Supervisor], { sub: 'sup-1' }),
    legalReviewer: await host.tokenFor([Role.LegalReviewer], { sub: 'legal-1' }),
    auditor: await host.tokenFor([Role.Auditor], { sub: 'aud-1' }),
  };
}

export type Answer<T = Record<string, unknown>> = JsonAnswer<T>;

export function call<T = Record<string, unknown>>(host: TestHost, method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<Answer<T>> {
  return host.json<T>(method, path, { token, body });
}

export const sha = (character: string) => character.repeat(64);
export const video = (character = 'a') => ({ kind: 'video', sha256: sha(character), description: 'body camera' });

/** A patrol finding against a person, with two certified officers. */
export function patrolFinding(overrides: Record<string, unknown> = {}) {
  return {
    category: 'street-vending',
    description: 'Stall occupying the pavement outside the metro exit.',
    street: 'Nanjing East Road Subdistrict',
    location: { lat: 31.2304, lng: 121.4737, address: '100 Renmin Road' },
    violationAt: new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString(),
    officerIds: ['off-1', 'off-2'],
    party: { kind: 'person', name: '张伟明', idNumber: '310101199001011234', phone: '13912345678', address: '5 Lane 200 Fuxing Road' },
    place: '100 Renmin Road',
    ...overrides,
  };
}

export interface EmbeddedEnforcementHost {
  dataSource: DataSource;
  /** GET without a body, POST with one, with a development token for these roles. */
  send(path: string, roles: Role[], sub: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** The enforcement service alone on the embedded store (PGlite, in a fresh folder), as `npm start` runs it. */
export async function startEmbeddedEnforcementHost(folderPrefix: string): Promise<EmbeddedEnforcementHost> {
  const dataDir = mkdtempSync(join(tmpdir(), folderPrefix));
  const env = { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: dataDir, MESSAGING_TRANSPORT: 'in-process' };
  const configSchema = hostConfigSchema({ port: 3000, kafkaClientId: 'civicflow-enforcement-test', transport: 'in-process' }, enforcementVariables);
  const app = await bootstrapHost(HostModule.forRoot({ name: 'enforcement', configSchema, env, services: [EnforcementModule] }), {
    title: 'enforcement',
    description: 'test',
    port: 0,
    host: '127.0.0.1',
    handleSignals: false,
  });
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    dataSource: app.get<DataSource>(getDataSourceToken('enforcement')),
    send: async (path, roles, sub, body) => {
      const token = await issueDevelopmentToken({ sub, roles }, DEVELOPMENT_JWT_SECRET, '10m');
      const response = await fetch(new URL(path, baseUrl), {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
