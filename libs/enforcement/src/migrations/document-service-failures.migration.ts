import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An electronic service whose every channel failed is over: the officer serves the document
 * another way (in person, by post, by public notice). The row keeps which channels failed.
 */
export class DocumentServiceFailures1795633000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enforcement".document_service ADD COLUMN channels integer NOT NULL DEFAULT 1, ADD COLUMN failed_channels text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "enforcement".document_service DROP CONSTRAINT document_service_status_check`);
    await queryRunner.query(`ALTER TABLE "enforcement".document_service ADD CONSTRAINT document_service_status_check CHECK (status IN ('requested', 'served', 'superseded', 'failed'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enforcement".document_service DROP CONSTRAINT document_service_status_check`);
    await queryRunner.query(`ALTER TABLE "enforcement".document_service ADD CONSTRAINT document_service_status_check CHECK (status IN ('requested', 'served', 'superseded'))`);
    await queryRunner.query(`ALTER TABLE "enforcement".document_service DROP COLUMN failed_channels, DROP COLUMN channels`);
  }
}
