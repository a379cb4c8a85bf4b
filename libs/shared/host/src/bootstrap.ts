import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { CONFIG } from '@civicflow/config';
import { EventConsumerServer } from '@civicflow/messaging';
import { HealthChecks, useStructuredLogger } from '@civicflow/observability';
import { HostConfig } from './host-config';
import { requestValidationPipe } from './request-validation';

export interface BootstrapOptions {
  title: string;
  description: string;
  /** Listen on this port instead of PORT (tests use 0 for a free one). */
  port?: number;
  host?: string;
  /** Tests start and stop apps themselves; a real process stops on SIGTERM/SIGINT. */
  handleSignals?: boolean;
}

// Complaints carry photos later; a complaint body is small, but the default 1 MiB is kept.
const BODY_LIMIT_BYTES = 1024 * 1024;

/** Creates, wires and starts a host: HTTP on Fastify, the event consumers, OpenAPI at /docs. */
export async function bootstrapHost(rootModule: Type<unknown> | ReturnType<typeof Object>, options: BootstrapOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: true }), {
    bufferLogs: true,
    abortOnError: false,
  });
  useStructuredLogger(app);
  app.useGlobalPipes(requestValidationPipe());
  const config = app.get<HostConfig>(CONFIG);
  serveOpenApi(app, options);
  app.connectMicroservice({ strategy: app.get(EventConsumerServer) }, { inheritAppConfig: true });
  if (options.handleSignals !== false) installGracefulShutdown(app, config.SHUTDOWN_GRACE_MS);
  // Module hooks register each hosted service's outbox before the consumers look them up.
  await app.init();
  await app.startAllMicroservices();
  await app.listen(options.port ?? config.PORT, options.host ?? '0.0.0.0');
  return app;
}

function serveOpenApi(app: INestApplication, options: BootstrapOptions): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1').addBearerAuth().build(),
  );
  // The Swagger UI needs @fastify/static, whose peer ranges in Nest 11's Fastify adapter and
  // swagger module do not overlap; the document itself is what clients and tools consume.
  SwaggerModule.setup('docs', app, document, { swaggerUiEnabled: false, jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}

/**
 * Readiness fails first so that load balancers stop sending work, then Nest closes: the
 * HTTP server finishes its requests, the relay its batch, consumers their messages and
 * commit, and the connections close. A stuck shutdown is cut off after the grace period.
 */
function installGracefulShutdown(app: INestApplication, graceMs: number): void {
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.get(HealthChecks).markShuttingDown();
    const timer = setTimeout(() => {
      process.stderr.write(`shutdown after ${signal} exceeded ${graceMs} ms; exiting\n`);
      process.exit(1);
    }, graceMs);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
