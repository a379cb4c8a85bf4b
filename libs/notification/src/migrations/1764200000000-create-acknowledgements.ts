import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAcknowledgements1764200000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per complaint joins the public `received` event and the restricted reporter
    // event, which arrive on different topics in either order; the row is also the lock.
    await queryRunner.query(`
      CREATE TABLE notification.complaint_acknowledgement (
        complaint_id text PRIMARY KEY,
        tracking_code text NOT NULL,
        received_event_id text,
        received_event_type text,
        reporter_name text,
        reporter_email text,
        reporter_locale text,
        status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'sent')),
        message_id text,
        sent_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE notification.message (
        id text PRIMARY KEY,
        source_event_id text NOT NULL,
        source_event_type text NOT NULL,
        about_kind text NOT NULL,
        about_id text NOT NULL,
        channel text NOT NULL,
        template text NOT NULL,
        recipient_masked text NOT NULL,
        status text NOT NULL,
        sent_at timestamptz,
        UNIQUE (source_event_id, channel, template)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification.message`);
    await queryRunner.query(`DROP TABLE notification.complaint_acknowledgement`);
  }
}
