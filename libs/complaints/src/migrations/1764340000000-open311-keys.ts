import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys that admins issue to Open311 clients. Only the SHA-256 of a key is kept: the key
 * is shown once, when issued. A revoked key stays, so that its label still explains the
 * requests it filed.
 */
export class Open311Keys1764340000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE complaints.open311_api_key (
        id text PRIMARY KEY,
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
        key_hash text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
        issued_at timestamptz NOT NULL,
        issued_by text NOT NULL,
        revoked_at timestamptz,
        revoked_by text,
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE complaints.open311_api_key`);
  }
}
