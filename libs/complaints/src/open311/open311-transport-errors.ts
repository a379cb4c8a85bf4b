import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { formatOfPath, OPEN311_CONTENT_TYPES, render } from './open311-format';

/** The errors Fastify answers itself, before a controller runs: `{ statusCode, code, error, message }`. */
interface FastifyErrorBody {
  statusCode: number;
  message: string;
}

/**
 * A body Fastify refuses before Nest sees it (malformed JSON, too large, an unknown content
 * type) is answered by Fastify's error handler, not by the Open311 exception filter. This
 * rewrites those answers on the Open311 paths into the GeoReport error shape, so that a
 * client gets `[{ code, description }]` whatever went wrong.
 */
@Injectable()
export class Open311TransportErrors implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    // A standalone application context (a CLI, a worker) has no HTTP server.
    if (!adapter || adapter.getType() !== 'fastify') return;
    adapter.getInstance<FastifyInstance>().addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode < 400 || !request.url.startsWith('/open311/v2/') || typeof payload !== 'string') return payload;
      const error = fastifyError(payload);
      if (!error) return payload;
      const format = formatOfPath(request.url);
      void reply.header('content-type', OPEN311_CONTENT_TYPES[format]);
      return render(format, 'errors', [{ code: error.statusCode, description: error.message }]);
    });
  }
}

function fastifyError(payload: string): FastifyErrorBody | undefined {
  if (!payload.startsWith('{"statusCode":')) return undefined;
  try {
    const body = JSON.parse(payload) as Partial<FastifyErrorBody>;
    return typeof body.statusCode === 'number' && typeof body.message === 'string' ? { statusCode: body.statusCode, message: body.message } : undefined;
  } catch {
    return undefined;
  }
}
