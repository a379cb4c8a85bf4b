import { HealthModule } from '@civicflow/observability';
import { Controller, type DynamicModule, Get, Logger, Post } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { RateLimit, RateLimitModule } from './rate-limit';
import { RedisModule } from './redis.module';

const REDIS_URL = 'redis://127.0.0.1:6379';
const POINTS = 3;

@Controller('complaints')
class IntakeProbeController {
  @RateLimit('intake')
  @Post()
  submit() {
    return { received: true };
  }

  @Get('unlimited')
  unlimited() {
    return { ok: true };
  }
}

async function startApp(redisModule: DynamicModule, keyPrefix: string): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      HealthModule,
      redisModule,
      RateLimitModule.forRoot({ policies: { intake: { points: POINTS, windowSeconds: 60 } }, keyPrefix }),
    ],
    controllers: [IntakeProbeController],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

const submitFrom = (app: NestFastifyApplication, remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/complaints', remoteAddress });

async function expectLimitedAfterPoints(app: NestFastifyApplication, ip: string): Promise<void> {
  for (let attempt = 1; attempt <= POINTS; attempt += 1) {
    expect((await submitFrom(app, ip)).statusCode).toBe(201);
  }
  const limited = await submitFrom(app, ip);
  expect(limited.statusCode).toBe(429);
  expect(limited.json()).toEqual({
    statusCode: 429,
    code: 'rate_limited',
    message: expect.stringMatching(/^Too many requests; try again in \d+ s$/),
  });
  const retryAfter = Number(limited.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('RateLimitGuard', () => {
  const keyPrefix = `civicflow-test:${randomUUID()}`;
  const inspector = new Redis(REDIS_URL);

  const storedKeys = () => inspector.keys(`${keyPrefix}:*`);

  afterAll(async () => {
    const keys = await storedKeys();
    if (keys.length > 0) await inspector.del(...keys);
    await inspector.quit();
  });

  describe('with Redis', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      app = await startApp(RedisModule.forRoot({ url: REDIS_URL }), `${keyPrefix}:redis`);
    });
    afterAll(() => app.close());

    it('answers the request past the limit with 429 and Retry-After', async () => {
      await expectLimitedAfterPoints(app, '203.0.113.10');
    });

    it('keeps the counters in Redis, one per client IP', async () => {
      expect(await storedKeys()).toContain(`${keyPrefix}:redis:intake:203.0.113.10`);
    });

    it('counts each client IP on its own', async () => {
      expect((await submitFrom(app, '203.0.113.11')).statusCode).toBe(201);
    });

    it('leaves routes without the decorator alone', async () => {
      for (let attempt = 0; attempt <= POINTS; attempt += 1) {
        expect((await app.inject({ method: 'GET', url: '/complaints/unlimited', remoteAddress: '203.0.113.10' })).statusCode).toBe(200);
      }
    });

    it('shares the counters between processes', async () => {
      const secondProcess = await startApp(RedisModule.forRoot({ url: REDIS_URL }), `${keyPrefix}:redis`);
      try {
        expect((await submitFrom(secondProcess, '203.0.113.10')).statusCode).toBe(429);
      } finally {
        await secondProcess.close();
      }
    });
  });

  describe('without Redis', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      app = await startApp(RedisModule.forRoot({}), `${keyPrefix}:memory`);
    });
    afterAll(() => app.close());

    it('limits in memory the same way', async () => {
      await expectLimitedAfterPoints(app, '198.51.100.20');
      expect(await inspector.keys(`${keyPrefix}:memory:*`)).toEqual([]);
    });
  });

  describe('when Redis is unreachable', () => {
    let app: NestFastifyApplication;
    let warn: jest.SpyInstance;
    beforeAll(async () => {
      warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      // Nothing listens on port 1, so every connection is refused at once.
      app = await startApp(RedisModule.forRoot({ url: 'redis://127.0.0.1:1' }), `${keyPrefix}:down`);
    });
    afterAll(async () => {
      await app.close();
      warn.mockRestore();
    });

    it('lets intake through unlimited and says so in the log', async () => {
      for (let attempt = 0; attempt <= POINTS + 2; attempt += 1) {
        expect((await submitFrom(app, '192.0.2.30')).statusCode).toBe(201);
      }
      const warnings = warn.mock.calls.map(([message]) => String(message));
      expect(warnings.filter((message) => message.startsWith('Rate-limit store unavailable'))).toHaveLength(1);
    });
  });
});
