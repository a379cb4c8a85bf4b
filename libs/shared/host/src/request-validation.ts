import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** "reporter.email must be an email", one line per broken rule, however deep the field. */
export function describeValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      // class-validator names only the leaf property; the full path tells which `name` is meant.
      message.startsWith(`${error.property} `) ? `${path}${message.slice(error.property.length)}` : message,
    );
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

/** Every request body and parameter is checked at the edge; unknown fields are refused. */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new BadRequestException({ statusCode: 400, code: 'invalid_request', message: describeValidationErrors(errors) }),
  });
}
