import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The enforcement department (brigade) an officer belongs to, so that a brigade's supervisor
 * oversees their own officers only. Null: the bureau's default department
 * (ENFORCEMENT_DEFAULT_DEPARTMENT), as for cases and tokens without one.
 */
export class OfficerDepartment1795634000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enforcement".officer ADD COLUMN department text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enforcement".officer DROP COLUMN department`);
  }
}
