import { Controller, Get, Headers, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { Role, TokenVerifier } from '@civicflow/auth';
import { DEVELOPMENT_JWT_SECRET } from '@civicflow/config';
import { startTestHost, TestListenOptions } from './start-test-host';
import { TEST_POSTGRES_URL } from './test-database';

@Controller('echo')
class EchoController {
  @Get()
  echo(@Headers('authorization') authorization?: string) {
    return { authorization: authorization ?? null };
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

async function bootEcho(listen: TestListenOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(EchoModule, new FastifyAdapter(), { logger: false });
  await app.listen(listen.port, listen.host);
  return app;
}

async function databaseExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('startTestHost', () => {
  it('hands the host a fresh database, the in-process transport and a free loopback port', async () => {
    let seen: NodeJS.ProcessEnv = {};
    const host = await startTestHost({
      name: 'testing',
      boot: (env, listen) => {
        seen = env;
        return bootEcho(listen);
      },
    });
    try {
      expect(seen.DATABASE_URL).toBe(host.database.url);
      expect(seen.MESSAGING_TRANSPORT).toBe('in-process');
      expect(host.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await host.query('SELECT current_database() AS name')).toEqual([{ name: host.database.name }]);
    } finally {
      await host.close();
    }
  });

  it('sends the token as a bearer token, and mints tokens the development secret verifies', async () => {
    const host = await startTestHost({ name: 'testing', boot: (_env, listen) => bootEcho(listen) });
    try {
      const token = await host.tokenFor([Role.Auditor], { department: 'water-affairs' });
      expect(await (await host.request('/echo', { token })).json()).toEqual({ authorization: `Bearer ${token}` });
      const verifier = new TokenVerifier({ jwtSecret: DEVELOPMENT_JWT_SECRET, issuer: 'civicflow', audience: 'civicflow' });
      expect(await verifier.verify(token)).toMatchObject({ roles: [Role.Auditor], department: 'water-affairs' });
    } finally {
      await host.close();
    }
  });

  it('drops the database when the host closes', async () => {
    const host = await startTestHost({ name: 'testing', boot: (_env, listen) => bootEcho(listen) });
    await host.close();
    expect(await databaseExists(host.database.name)).toBe(false);
  });

  it('drops the database when the host fails to start', async () => {
    let databaseUrl = '';
    const failing = startTestHost({
      name: 'testing',
      boot: async (env) => {
        databaseUrl = env.DATABASE_URL ?? '';
        throw new Error('bad configuration');
      },
    });
    await expect(failing).rejects.toThrow('bad configuration');
    expect(await databaseExists(new URL(databaseUrl).pathname.slice(1))).toBe(false);
  });
});
