import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complainant's contact on a complaint about an officer is sealed at rest like a party's
 * (ADR 0008); the database refuses a plaintext value, so that a code path that forgets to seal
 * fails loudly instead of storing a phone number in the clear.
 */
export class OfficerComplaintSealed1795630100000 implements MigrationInterface {
  readonly name = 'OfficerComplaintSealed1795630100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['complainant_name', 'complainant_phone', 'complainant_email']) {
      await queryRunner.query(`ALTER TABLE "enforcement".officer_complaint ADD CONSTRAINT officer_complaint_${column}_sealed CHECK (${column} IS NULL OR ${column} LIKE 'enc:v1:%')`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['complainant_name', 'complainant_phone', 'complainant_email']) {
      await queryRunner.query(`ALTER TABLE "enforcement".officer_complaint DROP CONSTRAINT officer_complaint_${column}_sealed`);
    }
  }
}
