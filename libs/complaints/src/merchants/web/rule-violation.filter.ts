import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { RuleViolation, type RuleViolationKind } from '../domain/rule-violation';

const STATUS_OF: Record<RuleViolationKind, number> = { not_found: 404, conflict: 409, forbidden: 403 };

interface HttpReply {
  status(statusCode: number): { send(body: unknown): unknown };
}

/** Maps a broken rule to its HTTP status, with the rule's code and message in the body as every other error of the API has them. */
@Catch(RuleViolation)
export class RuleViolationFilter implements ExceptionFilter<RuleViolation> {
  catch(violation: RuleViolation, host: ArgumentsHost): void {
    const statusCode = STATUS_OF[violation.kind];
    host.switchToHttp().getResponse<HttpReply>().status(statusCode).send({ statusCode, code: violation.code, message: violation.message });
  }
}
