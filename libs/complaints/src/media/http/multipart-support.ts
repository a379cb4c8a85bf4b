import fastifyMultipart from '@fastify/multipart';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * Lets Fastify take multipart/form-data, for photo and video uploads. The host builds the
 * Fastify instance, so the parser is added from here; the limits are set per request by
 * the route that reads the parts, not here. Another module that registers the plugin first
 * is left alone: one parser per content type is all Fastify allows.
 */
@Injectable()
export class MultipartSupport implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    const adapter = this.adapterHost.httpAdapter;
    // A standalone application context (a CLI, a worker) has no HTTP server.
    if (!adapter || adapter.getType() !== 'fastify') return;
    const fastify = adapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('multipart/form-data')) return;
    await fastify.register(fastifyMultipart);
  }
}
