import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOfficer1795628600000 implements MigrationInterface {
  readonly name = 'CreateOfficer1795628600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "enforcement".officer (
        id text PRIMARY KEY,
        name text NOT NULL,
        certificate_number text NOT NULL,
        certificate_valid_until date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT officer_certificate_number_unique UNIQUE (certificate_number)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "enforcement".officer`);
  }
}
