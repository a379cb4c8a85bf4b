import { Body, type CanActivate, Controller, Get, Injectable, Logger, Param, Post } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { HealthChecks } from '../src/health-checks';
import { ObservabilityModule, useStructuredLogger } from '../src/observability.module';
import { RequestContext } from '../src/request-context';

@Controller('complaints')
class ComplaintsProbeController {
  private readonly logger = new Logger('ComplaintsProbe');

  @Post()
  async receive(@Body() body: { email: string }) {
    await sleep(2);
    this.logger.log({ reporter: { email: body.email } }, 'complaint received');
    return RequestContext.current();
  }

  @Get(':id')
  async find(@Param('id') id: string) {
    await sleep(1);
    return { id, context: RequestContext.current() };
  }
}

/** Stands in for the auth guard: it attaches the user the way AuthGuard does. */
@Injectable()
class FakeAuthentication implements CanActivate {
  canActivate(context: Parameters<CanActivate['canActivate']>[0]): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string>; user?: { id: string } }>();
    const userId = request.headers['x-test-user'];
    if (userId) request.user = { id: userId };
    return true;
  }
}

describe('ObservabilityModule on a Fastify application', () => {
  let app: NestFastifyApplication;
  let health: HealthChecks;
  let failRedis = false;
  const lines: Record<string, unknown>[] = [];
  const rawLines: string[] = [];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({
          service: 'complaints',
          destination: {
            write: (chunk: string) => {
              rawLines.push(chunk);
              lines.push(JSON.parse(chunk) as Record<string, unknown>);
            },
          },
        }),
      ],
      controllers: [ComplaintsProbeController],
      providers: [{ provide: APP_GUARD, useClass: FakeAuthentication }],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { bufferLogs: true });
    useStructuredLogger(app);
    health = app.get(HealthChecks);
    health.register('redis', async () => {
      if (failRedis) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(() => app.close());
  beforeEach(() => {
    lines.length = 0;
    rawLines.length = 0;
    failRedis = false;
  });

  describe('correlation id', () => {
    it('adopts a valid incoming id, echoes it and exposes it to the handler', async () => {
      const response = await app.inject({ method: 'GET', url: '/complaints/c-1', headers: { 'x-correlation-id': 'trace-42' } });
      expect(response.headers['x-correlation-id']).toBe('trace-42');
      expect(response.json()).toMatchObject({ context: { correlationId: 'trace-42' } });
    });

    it('generates one when the caller sent none', async () => {
      const response = await app.inject({ method: 'GET', url: '/complaints/c-1' });
      const generated = response.headers['x-correlation-id'];
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.json()).toMatchObject({ context: { correlationId: generated } });
    });

    it('replaces an invalid id instead of echoing it', async () => {
      const response = await app.inject({ method: 'GET', url: '/complaints/c-1', headers: { 'x-correlation-id': 'bad id;drop' } });
      expect(response.headers['x-correlation-id']).not.toBe('bad id;drop');
      expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('keeps the context through body parsing into the handler of a POST', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/complaints',
        headers: { 'x-correlation-id': 'post-1', 'x-test-user': 'citizen-5' },
        payload: { email: 'reporter@example.org' },
      });
      expect(response.json()).toEqual({ correlationId: 'post-1', userId: 'citizen-5' });
    });

    it('keeps the context when the body arrives in pieces over a real connection', async () => {
      const { port } = app.getHttpServer().address() as AddressInfo;
      const answer = await new Promise<string>((resolve, reject) => {
        const request = httpRequest(
          { host: '127.0.0.1', port, method: 'POST', path: '/complaints', headers: { 'content-type': 'application/json', 'x-correlation-id': 'slow-1' } },
          (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => (body += chunk.toString()));
            response.on('end', () => resolve(body));
          },
        );
        request.on('error', reject);
        request.write('{"email":');
        setTimeout(() => request.end('"reporter@example.org"}'), 30);
      });
      expect(JSON.parse(answer)).toEqual({ correlationId: 'slow-1' });
    });
  });

  describe('logs', () => {
    it('carry the correlation id and mask the e-mail in the application log line', async () => {
      await app.inject({
        method: 'POST',
        url: '/complaints',
        headers: { 'x-correlation-id': 'log-1', 'x-test-user': 'citizen-5' },
        payload: { email: 'reporter@example.org' },
      });
      const line = lines.find((entry) => entry['msg'] === 'complaint received');
      expect(line).toMatchObject({
        service: 'complaints',
        correlationId: 'log-1',
        userId: 'citizen-5',
        context: 'ComplaintsProbe',
        reporter: { email: 'r***@example.org' },
      });
      expect(JSON.stringify(lines)).not.toContain('reporter@example.org');
    });

    it('record each request once it completed, under the same correlation id', async () => {
      await app.inject({ method: 'GET', url: '/complaints/c-7', headers: { 'x-correlation-id': 'log-2', authorization: 'Bearer secret.token.value' } });
      const completed = lines.find((entry) => entry['msg'] === 'request completed');
      expect(completed).toMatchObject({ correlationId: 'log-2', reqId: 'log-2', req: { id: 'log-2' }, res: { statusCode: 200 } });
      const completedRaw = rawLines.find((raw) => raw.includes('"request completed"')) ?? '';
      expect(completedRaw.match(/"correlationId"/g)).toHaveLength(1);
      expect(JSON.stringify(lines)).not.toContain('secret.token.value');
    });

    it('leave the probe and scrape routes out of the request log', async () => {
      await app.inject({ method: 'GET', url: '/health/live' });
      await app.inject({ method: 'GET', url: '/metrics' });
      expect(lines.filter((entry) => entry['msg'] === 'request completed')).toEqual([]);
    });
  });

  describe('GET /metrics', () => {
    it('exposes the request histogram labelled by route pattern, not by raw URL', async () => {
      await app.inject({ method: 'GET', url: '/complaints/CF-2026-000123' });
      const response = await app.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/plain');
      expect(response.body).toMatch(
        /http_server_request_duration_seconds_count\{method="GET",route="\/complaints\/:id",status_code="200"\} [1-9]/,
      );
      expect(response.body).not.toContain('CF-2026-000123');
      expect(response.body).toContain('process_cpu_user_seconds_total');
    });

    it('counts unknown paths under one label', async () => {
      expect((await app.inject({ method: 'GET', url: '/no/such/path/123' })).statusCode).toBe(404);
      const response = await app.inject({ method: 'GET', url: '/metrics' });
      expect(response.body).toMatch(/route="unmatched",status_code="404"/);
    });
  });

  describe('health', () => {
    it('is live and ready while every check passes', async () => {
      expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
      const ready = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ok', checks: { redis: { status: 'up' } } });
    });

    it('answers 503 naming the failing check', async () => {
      failRedis = true;
      const ready = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({
        status: 'unavailable',
        checks: { redis: { status: 'down', error: 'connect ECONNREFUSED 127.0.0.1:6379' } },
      });
      expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    });

    // Runs last: shutting down cannot be undone.
    it('answers 503 on both probes once shutdown began', async () => {
      health.markShuttingDown();
      const ready = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'shutting_down', checks: {} });
      expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(503);
    });
  });
});
