import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos and videos of complaints, bytes included, and the mail each e-mailed complaint or
 * reply arrived in: its Message-ID (how later replies find the complaint, and how a
 * redelivered message is recognised), its full text, and what of it was not kept.
 */
export class MediaAndMailThreads1764330000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE complaints.media (
        id text PRIMARY KEY,
        complaint_id text NOT NULL REFERENCES complaints.complaint (id),
        filename text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        bytes bytea NOT NULL,
        channel text NOT NULL,
        created_at timestamptz NOT NULL,
        CHECK (octet_length(bytes) = size_bytes)
      )`);
    await queryRunner.query(`CREATE INDEX media_complaint ON complaints.media (complaint_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE complaints.mail_thread (
        message_id text PRIMARY KEY,
        complaint_id text NOT NULL REFERENCES complaints.complaint (id),
        kind text NOT NULL CHECK (kind IN ('complaint', 'reply')),
        subject text NOT NULL,
        text text NOT NULL,
        skipped_attachments jsonb NOT NULL DEFAULT '[]',
        received_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX mail_thread_complaint ON complaints.mail_thread (complaint_id, received_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE complaints.mail_thread`);
    await queryRunner.query(`DROP TABLE complaints.media`);
  }
}
