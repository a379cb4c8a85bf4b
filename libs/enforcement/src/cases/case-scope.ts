import { ForbiddenException } from '@nestjs/common';
import { type AuthenticatedUser, Role } from '@civicflow/auth';

/** Which cases a user may see and act on. */
export type CaseScope = { kind: 'all' } | { kind: 'department'; department: string };

// Oversight roles: they read and audit every department's cases.
const ACROSS_DEPARTMENTS: readonly Role[] = [Role.Admin, Role.Auditor];

/**
 * Staff (officers, supervisors, legal reviewers) work in one enforcement department: the token's
 * department claim, or the bureau's default department when the token carries none (a bureau
 * with one brigade issues no claims). Unlike the shared departmentScope, a supervisor here is
 * a brigade's supervisor, so not cross-department.
 */
export function caseScope(user: AuthenticatedUser, defaultDepartment: string): CaseScope {
  if (user.roles.some((role) => ACROSS_DEPARTMENTS.includes(role))) return { kind: 'all' };
  return { kind: 'department', department: user.department ?? defaultDepartment };
}

export function inScope(scope: CaseScope, department: string): boolean {
  return scope.kind === 'all' || scope.department === department;
}

/** The department filter of a query: null for all departments. */
export function scopedDepartment(scope: CaseScope): string | null {
  return scope.kind === 'all' ? null : scope.department;
}

export function otherDepartment(what: string, department: string): ForbiddenException {
  return new ForbiddenException({ statusCode: 403, code: 'other_department', message: `${what} belongs to department "${department}", not yours` });
}
