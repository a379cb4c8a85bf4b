import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Department } from '../domain/department';

interface DepartmentRow {
  code: string;
  name_zh: string;
  name_en: string;
  contact_webhook_url: string | null;
  created_at: Date;
}

@Injectable()
export class DepartmentRepository {
  constructor(@InjectDataSource('coordination') private readonly dataSource: DataSource) {}

  async list(): Promise<Department[]> {
    const rows: DepartmentRow[] = await this.dataSource.query(
      `SELECT code, name_zh, name_en, contact_webhook_url, created_at FROM "coordination".department ORDER BY code`,
    );
    return rows.map((row) => ({
      code: row.code,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      contactWebhookUrl: row.contact_webhook_url,
      createdAt: row.created_at,
    }));
  }
}
