import { HealthChecks, HealthModule } from '@civicflow/observability';
import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type Redis from 'ioredis';
import { once } from 'node:events';
import { REDIS_CLIENT, RedisModule } from './redis.module';

async function start(url?: string) {
  const moduleRef = await Test.createTestingModule({ imports: [HealthModule, RedisModule.forRoot({ url })] }).compile();
  return moduleRef.init();
}

describe('RedisModule', () => {
  it('connects, registers a passing redis readiness check and disconnects on shutdown', async () => {
    const app = await start('redis://127.0.0.1:6379');
    const closed = once(app.get<Redis>(REDIS_CLIENT), 'end');
    try {
      expect(app.get<Redis>(REDIS_CLIENT).status).toBe('ready');
      await expect(app.get(HealthChecks).readiness()).resolves.toEqual({ status: 'ok', checks: { redis: { status: 'up' } } });
    } finally {
      await app.close();
    }
    await closed;
  });

  it('provides no client and no check when no URL is configured', async () => {
    const app = await start(undefined);
    try {
      expect(app.get(REDIS_CLIENT)).toBeNull();
      await expect(app.get(HealthChecks).readiness()).resolves.toEqual({ status: 'ok', checks: {} });
    } finally {
      await app.close();
    }
  });

  it('starts without a reachable Redis, reports it unready, and fails commands at once', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const app = await start('redis://127.0.0.1:1');
    try {
      const report = await app.get(HealthChecks).readiness();
      expect(report.status).toBe('unavailable');
      expect(report.checks['redis']).toMatchObject({ status: 'down' });
      const startedAt = Date.now();
      await expect(app.get<Redis>(REDIS_CLIENT).get('anything')).rejects.toThrow();
      expect(Date.now() - startedAt).toBeLessThan(500);
    } finally {
      await app.close();
      warn.mockRestore();
    }
  });
});
