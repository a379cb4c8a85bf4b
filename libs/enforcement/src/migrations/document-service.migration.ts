import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Electronic services of a case's documents asked of the notification service, so that its proof
 * of service (notification.message.served.v1) can be matched to the case and the step it completes.
 */
export class DocumentService1795631000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "enforcement".document_service (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES "enforcement".enforcement_case (id),
        document text NOT NULL CHECK (document IN ('notice', 'decision')),
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL,
        consent_signed_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'served', 'superseded')),
        served_at timestamptz,
        served_channel text,
        served_message_id text,
        superseded_reason text
      )`);
    // One open request per document: a second would serve the party twice.
    await queryRunner.query(`CREATE UNIQUE INDEX document_service_open ON "enforcement".document_service (case_id, document) WHERE status = 'requested'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "enforcement".document_service`);
  }
}
