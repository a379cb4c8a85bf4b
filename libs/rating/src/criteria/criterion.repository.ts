import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Criterion, CriterionCategory } from '../domain/criterion';

interface CriterionRow {
  code: string;
  name_zh: string;
  name_en: string;
  /** node-postgres returns numeric as a string, to keep its precision. */
  weight: string;
  category: CriterionCategory;
}

@Injectable()
export class CriterionRepository {
  constructor(@InjectDataSource('rating') private readonly dataSource: DataSource) {}

  async list(): Promise<Criterion[]> {
    const rows: CriterionRow[] = await this.dataSource.query(
      `SELECT code, name_zh, name_en, weight, category FROM "rating".criterion ORDER BY category, code`,
    );
    return rows.map((row) => ({
      code: row.code,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      weight: Number(row.weight),
      category: row.category,
    }));
  }
}
