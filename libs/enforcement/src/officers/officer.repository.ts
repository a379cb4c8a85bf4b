import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
}
