import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The proof of service (送达) of enforcement documents: what was served, on whom (masked), when it
 * was asked for, when it reached the party, on which channel, and when they confirmed receipt.
 * The clear contact lives only in the deliveries, which erase it once sent.
 */
export class DocumentService1764700000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification.document_service (
        id text PRIMARY KEY,
        case_id text NOT NULL,
        party_id text NOT NULL,
        document text NOT NULL CHECK (document IN ('notice', 'decision')),
        title text NOT NULL,
        source_event_id text NOT NULL UNIQUE,
        correlation_id text NOT NULL,
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL,
        consent_signed_at timestamptz NOT NULL,
        serve_by timestamptz NOT NULL,
        recipients_masked text[] NOT NULL,
        acknowledgement_token_sha256 text NOT NULL,
        served_at timestamptz,
        served_message_id text,
        served_channel text,
        served_recipient text,
        acknowledged_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX document_service_case ON notification.document_service (case_id, requested_at)`);
    // The proof lists every message of a service.
    await queryRunner.query(`CREATE INDEX delivery_about ON notification.delivery (about_kind, about_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notification.delivery_about`);
    await queryRunner.query(`DROP TABLE notification.document_service`);
  }
}
