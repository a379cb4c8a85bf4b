import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parties are found by a blind index of their identity number and their identity numbers and
 * contact details are stored sealed (ADR 0008); cases belong to a department. Rows written before
 * are sealed at start-up by PartyRegister (a migration has no key); the constraint, NOT VALID, already
 * refuses any new plaintext.
 */
export class PartySealedAndCaseDepartment1795632000000 implements MigrationInterface {
  name = 'PartySealedAndCaseDepartment1795632000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enforcement".party ADD COLUMN id_index text`);
    await queryRunner.query(`CREATE UNIQUE INDEX party_id_index ON "enforcement".party (id_index) WHERE id_index IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "enforcement".party ADD CONSTRAINT party_sealed CHECK (
         (id_number IS NULL OR id_number LIKE 'enc:v1:%') AND (phone IS NULL OR phone LIKE 'enc:v1:%') AND (address IS NULL OR address LIKE 'enc:v1:%')
       ) NOT VALID`,
    );
    await queryRunner.query(`ALTER TABLE "enforcement".enforcement_case ADD COLUMN department text NOT NULL DEFAULT 'enforcement'`);
    await queryRunner.query(`CREATE INDEX enforcement_case_department ON "enforcement".enforcement_case (department, updated_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "enforcement".enforcement_case_department`);
    await queryRunner.query(`ALTER TABLE "enforcement".enforcement_case DROP COLUMN department`);
    await queryRunner.query(`ALTER TABLE "enforcement".party DROP CONSTRAINT party_sealed`);
    await queryRunner.query(`DROP INDEX "enforcement".party_id_index`);
    await queryRunner.query(`ALTER TABLE "enforcement".party DROP COLUMN id_index`);
  }
}
