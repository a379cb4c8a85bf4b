export const Role = {
  Citizen: 'citizen',
  /** A business or vendor's account (商家商贩): its `sub` identifies the merchant profile it registers. */
  Merchant: 'merchant',
  HotlineOperator: 'hotline_operator',
  Officer: 'officer',
  Supervisor: 'supervisor',
  LegalReviewer: 'legal_reviewer',
  DepartmentAgent: 'department_agent',
  Auditor: 'auditor',
  Admin: 'admin',
} as const;

export type Role = (typeof Role)[keyof typeof Role];

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}

/** Roles of people who work for the bureau or another department, as opposed to the public (citizens, merchants). */
export const STAFF_ROLES: readonly Role[] = ALL_ROLES.filter((role) => role !== Role.Citizen && role !== Role.Merchant);
