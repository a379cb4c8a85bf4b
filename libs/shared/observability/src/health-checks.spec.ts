import { HealthChecks } from './health-checks';

describe('HealthChecks', () => {
  it('is ready when every check passes', async () => {
    const health = new HealthChecks();
    health.register('database', async () => undefined);
    health.register('redis', async () => undefined);
    await expect(health.readiness()).resolves.toEqual({
      status: 'ok',
      checks: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('names the failing check and its error', async () => {
    const health = new HealthChecks();
    health.register('database', async () => undefined);
    health.register('redis', async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    });
    await expect(health.readiness()).resolves.toEqual({
      status: 'unavailable',
      checks: { database: { status: 'up' }, redis: { status: 'down', error: 'connect ECONNREFUSED 127.0.0.1:6379' } },
    });
  });

  it('fails a check that never answers', async () => {
    jest.useFakeTimers();
    try {
      const health = new HealthChecks();
      health.register('kafka', () => new Promise<void>(() => undefined));
      const report = health.readiness();
      await jest.advanceTimersByTimeAsync(3000);
      await expect(report).resolves.toMatchObject({ status: 'unavailable', checks: { kafka: { status: 'down' } } });
    } finally {
      jest.useRealTimers();
    }
  });

  it('is not ready once shutdown began, whatever the checks say', async () => {
    const health = new HealthChecks();
    health.register('database', async () => undefined);
    health.markShuttingDown();
    await expect(health.readiness()).resolves.toEqual({ status: 'shutting_down', checks: {} });
  });

  it('refuses two checks of the same name', () => {
    const health = new HealthChecks();
    health.register('redis', async () => undefined);
    expect(() => health.register('redis', async () => undefined)).toThrow(/already registered/);
  });
});
