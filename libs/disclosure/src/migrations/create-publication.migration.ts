import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePublication1795628620000 implements MigrationInterface {
  readonly name = 'CreatePublication1795628620000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "disclosure".publication (
        id text PRIMARY KEY,
        kind text NOT NULL CONSTRAINT publication_kind_known CHECK (kind IN ('basis', 'procedure', 'result', 'news', 'policy')),
        title text NOT NULL,
        body text NOT NULL,
        published_at timestamptz NOT NULL,
        withdrawn_at timestamptz NULL,
        CONSTRAINT publication_withdrawn_after_published CHECK (withdrawn_at IS NULL OR withdrawn_at >= published_at)
      )`);
    // The public list reads the newest items still on the record.
    await queryRunner.query(`CREATE INDEX publication_on_record ON "disclosure".publication (published_at DESC) WHERE withdrawn_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "disclosure".publication`);
  }
}
