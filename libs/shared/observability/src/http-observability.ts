import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { CORRELATION_ID_HEADER, correlationIdOf } from './correlation-id';
import { HealthChecks } from './health-checks';
import { httpServerRequestDuration, metricsRegistry } from './metrics';
import { RequestContext } from './request-context';

/**
 * Hooks the request context, the HTTP histogram and the probe and metrics routes
 * straight into Fastify. Hooks see every request, including 404s and requests that
 * guards reject, which Nest middleware and interceptors would miss; and the probes
 * stay outside guards and global prefixes, so that auth settings cannot break them.
 */
@Injectable()
export class HttpObservability implements OnModuleInit {
  private readonly logger = new Logger(HttpObservability.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly health: HealthChecks,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    // A standalone application context (a CLI, a worker) has no HTTP server to hook into.
    if (!adapter) return;
    if (adapter.getType() !== 'fastify') {
      throw new Error(`ObservabilityModule needs the Fastify adapter, not ${adapter.getType()}`);
    }
    const fastify = adapter.getInstance<FastifyInstance>();
    this.installRequestContext(fastify);
    this.installDurationHistogram(fastify);
    this.installRoutes(fastify);
    this.logger.debug('Request context, HTTP metrics, /metrics and /health routes installed');
  }

  private installRequestContext(fastify: FastifyInstance): void {
    // Fastify's own request id becomes the correlation id, so that every consumer of
    // `request.id` (pino-http through middie included) reports the same one.
    fastify.setGenReqId((rawRequest) => correlationIdOf(rawRequest));
    fastify.addHook('onRequest', (request, reply, done) => {
      const correlationId = request.id;
      void reply.header(CORRELATION_ID_HEADER, correlationId);
      RequestContext.run({ correlationId }, done);
    });
  }

  private installDurationHistogram(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      httpServerRequestDuration.observe(
        {
          method: request.method,
          // The pattern, not the raw URL: ids in paths would create a series per complaint.
          route: request.routeOptions.url ?? 'unmatched',
          status_code: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }

  private installRoutes(fastify: FastifyInstance): void {
    fastify.get('/metrics', async (_request, reply) => {
      void reply.header('content-type', metricsRegistry.contentType);
      return metricsRegistry.metrics();
    });
    fastify.get('/health/live', async (_request, reply) => {
      if (this.health.isShuttingDown) return reply.code(503).send({ status: 'shutting_down' });
      return { status: 'ok' };
    });
    fastify.get('/health/ready', async (_request, reply) => {
      const report = await this.health.readiness();
      return reply.code(report.status === 'ok' ? 200 : 503).send(report);
    });
  }
}
