import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@civicflow/auth';

export interface StaffMember {
  userId: string;
  roles: Role[];
  department: string | null;
  updatedAt: string;
}

interface StaffRow {
  user_id: string;
  roles: Role[];
  department: string | null;
  updated_at: Date;
}

const toMember = (row: StaffRow): StaffMember => ({ userId: row.user_id, roles: row.roles, department: row.department, updatedAt: new Date(row.updated_at).toISOString() });

/**
 * Who holds which role (and department), so that a rule for "supervisors" or "agents of
 * the event's department" finds their inboxes. Account ids only: names and contacts stay
 * with the identity provider.
 */
@Injectable()
export class StaffRoster {
  constructor(@InjectDataSource('notification') private readonly dataSource: DataSource) {}

  async list(): Promise<StaffMember[]> {
    const rows: StaffRow[] = await this.dataSource.query(`SELECT user_id, roles, department, updated_at FROM notification.staff_member ORDER BY user_id`);
    return rows.map(toMember);
  }

  async put(userId: string, roles: Role[], department: string | null): Promise<StaffMember> {
    const [row]: StaffRow[] = await this.dataSource.query(
      `INSERT INTO notification.staff_member (user_id, roles, department) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET roles = EXCLUDED.roles, department = EXCLUDED.department, updated_at = now()
       RETURNING user_id, roles, department, updated_at`,
      [userId, [...new Set(roles)], department],
    );
    return toMember(row);
  }

  async remove(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`WITH gone AS (DELETE FROM notification.staff_member WHERE user_id = $1 RETURNING user_id) SELECT * FROM gone`, [userId]);
    return rows.length > 0;
  }

  /** Holders of the role; only those of the department when one is given. */
  async withRole(manager: EntityManager, role: Role, department?: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await manager.query(
      `SELECT user_id FROM notification.staff_member WHERE $1 = ANY(roles) AND ($2::text IS NULL OR department = $2) ORDER BY user_id`,
      [role, department ?? null],
    );
    return rows.map((row) => row.user_id);
  }
}
