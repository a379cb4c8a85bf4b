import type { AuthenticatedUser } from './authenticated-user';
import { DepartmentAccessDeniedError, assertDepartmentAccess, departmentScope } from './department-scope';
import { Role } from './role';

const agent: AuthenticatedUser = { id: 'a', roles: [Role.DepartmentAgent], department: 'sanitation' };

describe('departmentScope', () => {
  it('limits a department agent to their own department', () => {
    expect(departmentScope(agent)).toEqual({ kind: 'department', department: 'sanitation' });
  });

  it.each([Role.Supervisor, Role.Admin, Role.Auditor])('lets a %s see every department', (role) => {
    expect(departmentScope({ id: 'x', roles: [role] })).toEqual({ kind: 'all' });
  });

  it('gives the wider scope to a user holding both kinds of role', () => {
    expect(departmentScope({ ...agent, roles: [Role.DepartmentAgent, Role.Supervisor] })).toEqual({ kind: 'all' });
  });

  it('gives a department agent without a department claim nothing', () => {
    expect(departmentScope({ id: 'a', roles: [Role.DepartmentAgent] })).toEqual({ kind: 'none' });
  });

  it('gives a citizen nothing', () => {
    expect(departmentScope({ id: 'c', roles: [Role.Citizen] })).toEqual({ kind: 'none' });
  });
});

describe('assertDepartmentAccess', () => {
  it('lets an agent into their own department', () => {
    expect(() => assertDepartmentAccess(agent, 'sanitation')).not.toThrow();
  });

  it('refuses an agent another department with a 403 carrying a machine-readable code', () => {
    const refusal = (() => {
      try {
        assertDepartmentAccess(agent, 'parks');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(DepartmentAccessDeniedError);
    expect((refusal as DepartmentAccessDeniedError).getStatus()).toBe(403);
    expect((refusal as DepartmentAccessDeniedError).getResponse()).toMatchObject({ code: 'forbidden' });
  });

  it('lets a supervisor into any department', () => {
    expect(() => assertDepartmentAccess({ id: 's', roles: [Role.Supervisor] }, 'parks')).not.toThrow();
  });
});
