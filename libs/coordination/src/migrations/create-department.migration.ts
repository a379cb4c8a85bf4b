import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDepartment1795628610000 implements MigrationInterface {
  readonly name = 'CreateDepartment1795628610000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "coordination".department (
        code text PRIMARY KEY,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        contact_webhook_url text NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "coordination".department`);
  }
}
