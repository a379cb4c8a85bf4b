import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reporters reachable by phone only (hotline callers), and the satisfaction surveys waiting for their day. */
export class ComplaintUpdates1764400000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notification.complaint_acknowledgement ADD COLUMN reporter_phone text, ADD COLUMN reporter_channel text`);
    await queryRunner.query(`
      CREATE TABLE notification.satisfaction_survey (
        complaint_id text PRIMARY KEY,
        source_event_id text NOT NULL,
        source_event_type text NOT NULL,
        due_at timestamptz NOT NULL,
        sent_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX satisfaction_survey_due ON notification.satisfaction_survey (due_at) WHERE sent_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification.satisfaction_survey`);
    await queryRunner.query(`ALTER TABLE notification.complaint_acknowledgement DROP COLUMN reporter_channel, DROP COLUMN reporter_phone`);
  }
}
