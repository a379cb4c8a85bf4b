import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Open311Error } from './open311-error';
import { formatOfPath, OPEN311_CONTENT_TYPES, render } from './open311-format';

/**
 * Errors of the Open311 routes in the GeoReport v2 shape, `[{ code, description }]` or
 * `<errors><error>…`, in the format the path asked for. Scoped to the Open311 controller:
 * the rest of the service keeps its own error body.
 */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, description } = this.describe(exception);
    const format = formatOfPath(request.url);
    void reply
      .status(status)
      .header('content-type', OPEN311_CONTENT_TYPES[format])
      .send(render(format, 'errors', [{ code: status, description }]));
  }

  private describe(exception: unknown): { status: number; description: string } {
    if (exception instanceof Open311Error) return { status: exception.status, description: exception.message };
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const description = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
      return { status: exception.getStatus(), description };
    }
    // Only the error itself: a request body may hold a reporter's contact details.
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { status: 500, description: 'the request could not be completed; try again later' };
  }
}
