import { randomUUID } from 'node:crypto';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

const VALID_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Adopts the caller's id when it is safe to put into logs and headers; anything else
 * (too long, other characters, repeated header) is replaced, so that a client cannot
 * inject log lines or bloat every record.
 */
export function resolveCorrelationId(headerValue: unknown): string {
  return typeof headerValue === 'string' && VALID_CORRELATION_ID.test(headerValue) ? headerValue : randomUUID();
}

const resolvedIds = new WeakMap<object, string>();

/**
 * The id of one incoming request. Both the Fastify hook and the pino-http middleware ask
 * for it, in an order Nest does not promise, so the first answer is kept for the other.
 */
export function correlationIdOf(rawRequest: { headers: Record<string, string | string[] | undefined> }): string {
  let correlationId = resolvedIds.get(rawRequest);
  if (correlationId === undefined) {
    correlationId = resolveCorrelationId(rawRequest.headers[CORRELATION_ID_HEADER]);
    resolvedIds.set(rawRequest, correlationId);
  }
  return correlationId;
}
