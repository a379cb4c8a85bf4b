import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateComplaints1764100000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE complaints.complaint (
        id text PRIMARY KEY,
        tracking_code text NOT NULL UNIQUE,
        status text NOT NULL,
        description text NOT NULL,
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
        address text,
        category text,
        channel text NOT NULL,
        reporter_name text NOT NULL,
        reporter_email text NOT NULL,
        reporter_phone text,
        reporter_locale text NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE complaints.timeline_entry (
        id text PRIMARY KEY,
        complaint_id text NOT NULL REFERENCES complaints.complaint (id),
        type text NOT NULL,
        at timestamptz NOT NULL,
        detail jsonb
      )`);
    await queryRunner.query(`CREATE INDEX timeline_entry_complaint ON complaints.timeline_entry (complaint_id, at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE complaints.timeline_entry`);
    await queryRunner.query(`DROP TABLE complaints.complaint`);
  }
}
