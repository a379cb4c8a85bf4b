import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases, their parties and officers, and the whole-process record (执法全过程记录). The record
 * is append-only in the database itself: a trigger refuses UPDATE, DELETE and TRUNCATE for every
 * role that does not switch triggers off (only the table owner or a superuser can), so that a
 * bug or a hand-typed statement cannot rewrite history; the hash chain detects those that do.
 */
export class CreateCase1795628700000 implements MigrationInterface {
  readonly name = 'CreateCase1795628700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "enforcement".party (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('person', 'organisation')),
        name text NOT NULL,
        id_number text,
        phone text,
        address text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "enforcement".enforcement_case (
        id uuid PRIMARY KEY,
        state text NOT NULL,
        source text NOT NULL CHECK (source IN ('patrol', 'complaint', 'referral')),
        source_reference text,
        category text NOT NULL,
        street text,
        description text NOT NULL,
        location jsonb,
        party_id uuid NOT NULL REFERENCES "enforcement".party (id),
        procedure jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX enforcement_case_source_unique ON "enforcement".enforcement_case (source, source_reference) WHERE source_reference IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX enforcement_case_party ON "enforcement".enforcement_case (party_id)`);
    await queryRunner.query(`CREATE INDEX enforcement_case_state ON "enforcement".enforcement_case (state)`);
    await queryRunner.query(`
      CREATE TABLE "enforcement".case_officer (
        case_id uuid NOT NULL REFERENCES "enforcement".enforcement_case (id),
        officer_id text NOT NULL REFERENCES "enforcement".officer (id),
        PRIMARY KEY (case_id, officer_id)
      )`);
    // One row per deadline alert sent, so that each warning and each overdue goes out once.
    await queryRunner.query(`
      CREATE TABLE "enforcement".case_deadline_alert (
        case_id uuid NOT NULL REFERENCES "enforcement".enforcement_case (id),
        deadline text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('warning', 'overdue')),
        due_at timestamptz NOT NULL,
        sent_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, deadline, kind, due_at)
      )`);
    await queryRunner.query(`
      CREATE TABLE "enforcement".case_record (
        case_id uuid NOT NULL REFERENCES "enforcement".enforcement_case (id),
        sequence integer NOT NULL CHECK (sequence >= 1),
        actor text NOT NULL,
        recorded_at timestamptz NOT NULL,
        place text,
        action text NOT NULL,
        payload jsonb NOT NULL,
        evidence_sha256 jsonb NOT NULL,
        previous_hash text NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (case_id, sequence)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "enforcement".case_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the whole-process record is append-only: % refused on %', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_record_no_update_or_delete BEFORE UPDATE OR DELETE ON "enforcement".case_record
        FOR EACH ROW EXECUTE FUNCTION "enforcement".case_record_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER case_record_no_truncate BEFORE TRUNCATE ON "enforcement".case_record
        FOR EACH STATEMENT EXECUTE FUNCTION "enforcement".case_record_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "enforcement".case_record`);
    await queryRunner.query(`DROP FUNCTION "enforcement".case_record_append_only()`);
    await queryRunner.query(`DROP TABLE "enforcement".case_deadline_alert`);
    await queryRunner.query(`DROP TABLE "enforcement".case_officer`);
    await queryRunner.query(`DROP TABLE "enforcement".enforcement_case`);
    await queryRunner.query(`DROP TABLE "enforcement".party`);
  }
}
