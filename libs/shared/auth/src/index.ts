export { ALL_ROLES, Role, STAFF_ROLES, isRole } from './role';
export type { AuthenticatedUser } from './authenticated-user';
export { type AuthOptions, InvalidTokenError, TokenVerifier } from './token-verifier';
export { type DevelopmentTokenClaims, issueDevelopmentToken } from './development-token';
export { CurrentUser, IS_PUBLIC, Public, REQUIRED_ROLES, Roles } from './decorators';
export { AuthGuard } from './auth.guard';
export { type AuthConfig, AuthModule, authOptionsFromConfig } from './auth.module';
export {
  CROSS_DEPARTMENT_ROLES,
  DepartmentAccessDeniedError,
  type DepartmentScope,
  assertDepartmentAccess,
  canAccessDepartment,
  departmentScope,
} from './department-scope';
