import { type ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { AuthenticatedUser } from './authenticated-user';
import type { Role } from './role';

export const IS_PUBLIC = 'civicflow:auth:public';
export const REQUIRED_ROLES = 'civicflow:auth:roles';

/** The route answers without a token; a valid token, when sent, still identifies the caller. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller needs at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The signed-in caller, or undefined on a public route called without a token. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser | undefined =>
    context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user,
);
