import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCriterion1795628630000 implements MigrationInterface {
  readonly name = 'CreateCriterion1795628630000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "rating".criterion (
        code text PRIMARY KEY,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        weight numeric NOT NULL CONSTRAINT criterion_weight_positive CHECK (weight > 0),
        category text NOT NULL CONSTRAINT criterion_category_known CHECK (category IN ('sanitation', 'appearance_order', 'greening', 'facilities'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rating".criterion`);
  }
}
