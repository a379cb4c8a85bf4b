import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseOfficer } from '../domain/procedure';
import { Officer } from '../domain/officer';

interface OfficerRow {
  id: string;
  name: string;
  certificate_number: string;
  certificate_valid_from: string | null;
  certificate_valid_until: string;
  created_at: Date;
  department: string | null;
}

/** An officer with the start of the current certificate period (null for officers entered before it was kept). */
export interface CertifiedOfficer extends Officer {
  certificateValidFrom: string | null;
  /** Null: the bureau's default department. */
  department: string | null;
}

// Dates as text: node-postgres would turn them into a midnight in the server's time zone.
const COLUMNS = `id, name, certificate_number, certificate_valid_from::text AS certificate_valid_from, certificate_valid_until::text AS certificate_valid_until, created_at, department`;

function officerOf(row: OfficerRow): CertifiedOfficer {
  return {
    id: row.id,
    name: row.name,
    certificateNumber: row.certificate_number,
    certificateValidFrom: row.certificate_valid_from,
    certificateValidUntil: row.certificate_valid_until,
    createdAt: new Date(row.created_at),
    department: row.department,
  };
}

@Injectable()
export class OfficerRepository {
  constructor(@InjectDataSource('enforcement') private readonly dataSource: DataSource) {}

  async list(): Promise<Officer[]> {
    const rows: OfficerRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM "enforcement".officer ORDER BY certificate_number`);
    return rows.map(officerOf);
  }

  /** The officer, locked for update when `lock` is set (a renewal reads and rewrites the certificate). */
  async find(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<CertifiedOfficer | undefined> {
    const rows: OfficerRow[] = await manager.query(`SELECT ${COLUMNS} FROM "enforcement".officer WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ? officerOf(rows[0]) : undefined;
  }

  async findByCertificateNumber(certificateNumber: string): Promise<CertifiedOfficer | undefined> {
    const rows: OfficerRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM "enforcement".officer WHERE certificate_number = $1`, [certificateNumber]);
    return rows[0] ? officerOf(rows[0]) : undefined;
  }

  /** Which of the id and the certificate number are already taken. */
  async taken(manager: EntityManager, id: string, certificateNumber: string, exceptOfficer?: string): Promise<{ id: boolean; certificateNumber: boolean }> {
    const rows: Array<{ id: string; certificate_number: string }> = await manager.query(
      `SELECT id, certificate_number FROM "enforcement".officer WHERE (id = $1 OR certificate_number = $2) AND id IS DISTINCT FROM $3`,
      [id, certificateNumber, exceptOfficer ?? null],
    );
    return { id: rows.some((row) => row.id === id), certificateNumber: rows.some((row) => row.certificate_number === certificateNumber) };
  }

  async insert(manager: EntityManager, officer: { id: string; name: string; certificateNumber: string; validFrom: string; validUntil: string; createdAt: Date; department: string | null }): Promise<void> {
    await manager.query(
      `INSERT INTO "enforcement".officer (id, name, certificate_number, certificate_valid_from, certificate_valid_until, created_at, department) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [officer.id, officer.name, officer.certificateNumber, officer.validFrom, officer.validUntil, officer.createdAt, officer.department],
    );
  }

  async updateCertificate(manager: EntityManager, id: string, certificate: { number: string; validFrom: string; validUntil: string }): Promise<void> {
    await manager.query(`UPDATE "enforcement".officer SET certificate_number = $2, certificate_valid_from = $3, certificate_valid_until = $4 WHERE id = $1`, [
      id,
      certificate.number,
      certificate.validFrom,
      certificate.validUntil,
    ]);
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
