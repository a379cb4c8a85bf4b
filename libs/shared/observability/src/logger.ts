import type { DynamicModule } from '@nestjs/common';
import { maskEmail, maskIdNumber, maskName, maskPhone } from '@civicflow/domain';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { correlationIdOf } from './correlation-id';
import { RequestContext } from './request-context';

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** Where the JSON lines go; standard output by default. */
  destination?: DestinationStream;
}

const MASKS: Partial<Record<string, (value: string) => string>> = {
  email: maskEmail,
  phone: maskPhone,
  name: maskName,
  idNumber: maskIdNumber,
};
const SECRET_FIELDS = ['password', 'secret', 'token'];
/**
 * What a failed query carries: TypeORM's QueryFailedError keeps the bound values
 * (`parameters`) and PostgreSQL's `detail` quotes the offending row, e.g. a duplicate e-mail.
 */
const QUERY_VALUE_FIELDS = ['parameters', 'detail'];
const PERSONAL_FIELDS = [...Object.keys(MASKS), ...SECRET_FIELDS, ...QUERY_VALUE_FIELDS];

/** Personal fields at the top of a log object and up to two levels down. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

/** Masked rather than removed, so that a support engineer can still tell two reporters apart. */
function censor(value: unknown, path: string[]): unknown {
  const mask = MASKS[path[path.length - 1] ?? ''];
  return mask && typeof value === 'string' ? mask(value) : '[REDACTED]';
}

export function createLogger(service: string, { level = 'info', destination }: LoggerOptions = {}): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor },
    mixin: () => {
      const context = RequestContext.current();
      return context ? { ...context } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

const QUIET_PATHS = /^\/(health\/|metrics(\?|$))/;

/** Middleware mounted on a path sees `url` without that path; `originalUrl` keeps it whole. */
const originalUrl = (req: IncomingMessage & { originalUrl?: string }) => req.originalUrl ?? req.url ?? '';

export function createLoggerModule(service: string, options: LoggerOptions = {}): DynamicModule {
  // The completion line is written from the response's 'finish' event, which does not
  // promise to run inside the request's context, so the id is put in explicitly.
  const withCorrelationId = (req: IncomingMessage, _res: ServerResponse, value: object) => ({
    ...value,
    correlationId: correlationIdOf(req),
  });
  return LoggerModule.forRoot({
    pinoHttp: {
      logger: createLogger(service, options),
      genReqId: (req) => correlationIdOf(req),
      quietReqLogger: true,
      customSuccessObject: withCorrelationId,
      customErrorObject: (req, res, _error, value) => withCorrelationId(req, res, value),
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      // Probes and scrapes every few seconds would drown the requests worth reading.
      autoLogging: { ignore: (req) => QUIET_PATHS.test(originalUrl(req)) },
    },
  });
}
