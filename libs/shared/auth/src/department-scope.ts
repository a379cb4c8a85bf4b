import { ForbiddenException } from '@nestjs/common';
import type { AuthenticatedUser } from './authenticated-user';
import { Role } from './role';

/** Roles that oversee the whole bureau and therefore see every department's work. */
export const CROSS_DEPARTMENT_ROLES: readonly Role[] = [Role.Supervisor, Role.Admin, Role.Auditor];

export type DepartmentScope =
  | { kind: 'all' }
  | { kind: 'department'; department: string }
  /** The caller may see no department's records. */
  | { kind: 'none' };

export function departmentScope(user: AuthenticatedUser): DepartmentScope {
  if (user.roles.some((role) => CROSS_DEPARTMENT_ROLES.includes(role))) return { kind: 'all' };
  if (user.roles.includes(Role.DepartmentAgent) && user.department) return { kind: 'department', department: user.department };
  return { kind: 'none' };
}

export class DepartmentAccessDeniedError extends ForbiddenException {
  constructor(department: string) {
    super({ statusCode: 403, code: 'forbidden', message: `No access to the records of department "${department}"` });
  }
}

export function canAccessDepartment(user: AuthenticatedUser, department: string): boolean {
  const scope = departmentScope(user);
  return scope.kind === 'all' || (scope.kind === 'department' && scope.department === department);
}

export function assertDepartmentAccess(user: AuthenticatedUser, department: string): void {
  if (!canAccessDepartment(user, department)) throw new DepartmentAccessDeniedError(department);
}
