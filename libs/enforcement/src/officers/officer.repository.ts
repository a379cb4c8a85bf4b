import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseOfficer } from '../domain/procedure';
import { Officer } from '../domain/officer';

interface OfficerRow {
  id: string;
  name: string;
  certificate_number: string;
  certificate_valid_until: string;
  created_at: Date;
}

@Injectable()
export class OfficerRepository {
  constructor(@InjectDataSource('enforcement') private readonly dataSource: DataSource) {}

  async list(): Promise<Officer[]> {
    // The date as text: node-postgres would turn it into a midnight in the server's time zone.
    const rows: OfficerRow[] = await this.dataSource.query(
      `SELECT id, name, certificate_number, certificate_valid_until::text AS certificate_valid_until, created_at
         FROM "enforcement".officer
        ORDER BY certificate_number`,
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      certificateNumber: row.certificate_number,
      certificateValidUntil: row.certificate_valid_until,
      createdAt: row.created_at,
    }));
  }

  /** The officers among `ids` with their certificate validity; unknown ids are left out. */
  async certificates(manager: EntityManager, ids: readonly string[]): Promise<CaseOfficer[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string; certificate_valid_until: string }> = await manager.query(
      `SELECT id, certificate_valid_until::text AS certificate_valid_until FROM "enforcement".officer WHERE id = ANY($1)`,
      [[...new Set(ids)]],
    );
    return rows.map((row) => ({ id: row.id, certificateValidUntil: row.certificate_valid_until }));
  }
}
