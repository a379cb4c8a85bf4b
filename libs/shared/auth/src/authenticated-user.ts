import type { Role } from './role';

export interface AuthenticatedUser {
  /** The token's `sub`. */
  id: string;
  roles: Role[];
  /** The `department` claim; set for department agents. */
  department?: string;
  name?: string;
}
