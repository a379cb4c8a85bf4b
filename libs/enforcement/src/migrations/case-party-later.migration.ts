import { MigrationInterface, QueryRunner } from 'typeorm';

/** A case opened from a complaint has no party until an officer identifies one; registration needs it. */
export class CasePartyLater1795628800000 implements MigrationInterface {
  readonly name = 'CasePartyLater1795628800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enforcement".enforcement_case ALTER COLUMN party_id DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enforcement".enforcement_case ALTER COLUMN party_id SET NOT NULL`);
  }
}
