import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rectification notices (整改通知书) issued when a management item is dispatched; numbered per year. */
export class RectificationNotices1764350000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE complaints.rectification_notice_number`);
    await queryRunner.query(`
      CREATE TABLE complaints.rectification_notice (
        number text PRIMARY KEY,
        complaint_id text NOT NULL REFERENCES complaints.complaint (id),
        requirement text NOT NULL,
        rectify_by timestamptz NOT NULL,
        handling_unit text NOT NULL,
        issued_by text NOT NULL,
        issued_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX rectification_notice_complaint ON complaints.rectification_notice (complaint_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE complaints.rectification_notice`);
    await queryRunner.query(`DROP SEQUENCE complaints.rectification_notice_number`);
  }
}
