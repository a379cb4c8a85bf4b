import { MigrationInterface, QueryRunner } from 'typeorm';
import { categoryRow } from '../taxonomy/category.entity';
import { DEFAULT_CATALOGUE } from '../taxonomy/domain/default-catalogue';

const SEEDED_AT = new Date('2026-11-28T00:00:00Z');

/**
 * The category catalogue, both trees in one table, seeded with the default catalogue.
 * The constraints keep every row readable on its own: a sub class has all of its fields, a
 * major class none of them, and a sub class's major is a row of the same tree.
 */
export class CreateCategories1764310000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE complaints.category (
        code text PRIMARY KEY,
        tree text NOT NULL CHECK (tree IN ('component', 'event')),
        level text NOT NULL CHECK (level IN ('major', 'sub')),
        standard_code text NOT NULL,
        major_code text,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        class_721 text CHECK (class_721 IN ('service', 'management', 'enforcement')),
        default_handling_unit text,
        department text,
        deadline_amount integer CHECK (deadline_amount > 0),
        deadline_unit text CHECK (deadline_unit IN ('working_hours', 'working_days', 'calendar_days')),
        active boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL,
        UNIQUE (code, tree),
        UNIQUE (tree, standard_code),
        FOREIGN KEY (major_code, tree) REFERENCES complaints.category (code, tree),
        CHECK (
          (level = 'major' AND major_code IS NULL AND class_721 IS NULL AND default_handling_unit IS NULL
            AND department IS NULL AND deadline_amount IS NULL AND deadline_unit IS NULL)
          OR (level = 'sub' AND major_code IS NOT NULL AND class_721 IS NOT NULL AND default_handling_unit IS NOT NULL
            AND deadline_amount IS NOT NULL AND deadline_unit IS NOT NULL)
        )
      )`);
    await queryRunner.query(`CREATE INDEX category_major ON complaints.category (major_code)`);

    const rows = DEFAULT_CATALOGUE.map((definition) => categoryRow(definition, SEEDED_AT, 'system'));
    const columns = [
      'code', 'tree', 'level', 'standard_code', 'major_code', 'name_zh', 'name_en', 'class_721',
      'default_handling_unit', 'department', 'deadline_amount', 'deadline_unit', 'active', 'updated_at', 'updated_by',
    ];
    const values = rows.map((row) => [
      row.code, row.tree, row.level, row.standardCode, row.majorCode, row.nameZh, row.nameEn, row.class721,
      row.defaultHandlingUnit, row.department, row.deadlineAmount, row.deadlineUnit, row.active, row.updatedAt, row.updatedBy,
    ]);
    // One statement: PostgreSQL checks the foreign key once all its rows are in, whatever their order.
    const placeholders = values.map((row, rowIndex) => `(${row.map((_value, column) => `$${rowIndex * columns.length + column + 1}`).join(', ')})`);
    await queryRunner.query(`INSERT INTO complaints.category (${columns.join(', ')}) VALUES ${placeholders.join(',\n')}`, values.flat());
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE complaints.category`);
  }
}
