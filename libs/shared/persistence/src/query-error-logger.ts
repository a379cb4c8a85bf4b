import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's own loggers print a failed query with its bound values, which are what was being
 * stored: names, phone numbers, mail text. This one logs the statement and the database's
 * error code and message only, through the service's structured log.
 */
export class QueryErrorLogger implements TypeOrmLogger {
  private readonly logger: NestLogger;

  constructor(service: string) {
    this.logger = new NestLogger(`database:${service}`);
  }

  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'object' ? (error as { code?: string }).code : undefined;
    const message = typeof error === 'string' ? error : error.message;
    this.logger.error(`query failed${code ? ` (${code})` : ''}: ${message} -- ${query.replace(/\s+/g, ' ').slice(0, 500)}`);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }

  logQuery(): void {
    // Every statement would flood the log and carry the values; failures are logged above.
  }

  logQuerySlow(): void {
    // Slow statements show in the database's own statistics (pg_stat_statements), values excluded.
  }

  logSchemaBuild(): void {
    // Schemas are built by migrations only (synchronize is off).
  }
}
