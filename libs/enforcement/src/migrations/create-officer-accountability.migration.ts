import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Officers' accountability and case analysis: certificate renewals with the training they
 * required, training plans, courses, sessions and attendance, complaints from the public about
 * officers, the outcomes of review and appeal of decisions, reporters' ratings (from the
 * complaints service's events), published assessment reports, and lessons learned on closed cases.
 */
export class CreateOfficerAccountability1795630000000 implements MigrationInterface {
  readonly name = 'CreateOfficerAccountability1795630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Null for officers entered before the column: their period starts at created_at.
    await queryRunner.query(`ALTER TABLE "enforcement".officer ADD COLUMN certificate_valid_from date`);
    await queryRunner.query(`
      CREATE TABLE "enforcement".officer_certificate_renewal (
        id uuid PRIMARY KEY,
        officer_id text NOT NULL REFERENCES "enforcement".officer (id),
        previous_certificate_number text NOT NULL,
        previous_valid_until date NOT NULL,
        certificate_number text NOT NULL,
        valid_from date NOT NULL,
        valid_until date NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        training_hours numeric(7,1) NOT NULL,
        required_training_hours numeric(7,1) NOT NULL,
        renewed_by text NOT NULL,
        renewed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX officer_certificate_renewal_officer ON "enforcement".officer_certificate_renewal (officer_id, renewed_at)`);
    await queryRunner.query(`
      CREATE TABLE "enforcement".training_plan (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL CHECK (period_to >= period_from),
        description text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "enforcement".training_course (
        id uuid PRIMARY KEY,
        plan_id uuid REFERENCES "enforcement".training_plan (id),
        title text NOT NULL,
        category text NOT NULL,
        hours numeric(5,1) NOT NULL CHECK (hours > 0),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "enforcement".training_session (
        id uuid PRIMARY KEY,
        course_id uuid NOT NULL REFERENCES "enforcement".training_course (id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        place text,
        hours numeric(5,1) NOT NULL CHECK (hours > 0),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "enforcement".training_attendance (
        session_id uuid NOT NULL REFERENCES "enforcement".training_session (id),
        officer_id text NOT NULL REFERENCES "enforcement".officer (id),
        hours numeric(5,1) NOT NULL CHECK (hours > 0),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (session_id, officer_id)
      )`);
    await queryRunner.query(`CREATE INDEX training_attendance_officer ON "enforcement".training_attendance (officer_id)`);
    await queryRunner.query(`
      CREATE TABLE "enforcement".officer_complaint (
        id uuid PRIMARY KEY,
        officer_id text NOT NULL REFERENCES "enforcement".officer (id),
        case_id uuid REFERENCES "enforcement".enforcement_case (id),
        description text NOT NULL,
        occurred_at timestamptz,
        complainant_name text,
        complainant_phone text,
        complainant_email text,
        status text NOT NULL CHECK (status IN ('submitted', 'investigating', 'concluded')),
        investigated_by text,
        investigation_started_at timestamptz,
        finding text CHECK (finding IN ('substantiated', 'not_substantiated')),
        conclusion text,
        concluded_by text,
        concluded_at timestamptz,
        submitted_at timestamptz NOT NULL,
        CHECK ((status = 'concluded') = (finding IS NOT NULL AND concluded_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX officer_complaint_officer ON "enforcement".officer_complaint (officer_id, concluded_at)`);
    await queryRunner.query(`CREATE INDEX officer_complaint_status ON "enforcement".officer_complaint (status, submitted_at)`);
    await queryRunner.query(`
      CREATE TABLE "enforcement".case_review_outcome (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES "enforcement".enforcement_case (id),
        kind text NOT NULL CHECK (kind IN ('reconsideration', 'litigation')),
        result text NOT NULL CHECK (result IN ('upheld', 'changed', 'revoked', 'found_unlawful')),
        decided_on date NOT NULL,
        reference text,
        note text,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX case_review_outcome_case ON "enforcement".case_review_outcome (case_id)`);
    await queryRunner.query(`CREATE INDEX case_review_outcome_decided ON "enforcement".case_review_outcome (decided_on)`);
    // The latest rating of a complaint wins: a reporter may rate again after a reopening.
    await queryRunner.query(`
      CREATE TABLE "enforcement".complaint_rating (
        complaint_id uuid PRIMARY KEY,
        score integer NOT NULL CHECK (score BETWEEN 1 AND 5),
        resolved boolean NOT NULL,
        rated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "enforcement".assessment_report (
        id uuid PRIMARY KEY,
        period_from date NOT NULL,
        period_to date NOT NULL,
        weights jsonb NOT NULL,
        items jsonb NOT NULL,
        published_by text NOT NULL,
        published_at timestamptz NOT NULL,
        CONSTRAINT assessment_report_period_unique UNIQUE (period_from, period_to)
      )`);
    // Full text over the note in the 'simple' configuration (no stemming, any language); the
    // GIN index serves word searches, and the service falls back to ILIKE for text without
    // word breaks (Chinese). Both run the same on PGlite.
    await queryRunner.query(`
      CREATE TABLE "enforcement".case_lesson (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES "enforcement".enforcement_case (id),
        title text NOT NULL,
        note text NOT NULL,
        author text NOT NULL,
        created_at timestamptz NOT NULL,
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || note)) STORED
      )`);
    await queryRunner.query(`CREATE INDEX case_lesson_search ON "enforcement".case_lesson USING gin (search)`);
    await queryRunner.query(`CREATE INDEX case_lesson_case ON "enforcement".case_lesson (case_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['case_lesson', 'assessment_report', 'complaint_rating', 'case_review_outcome', 'officer_complaint', 'training_attendance', 'training_session', 'training_course', 'training_plan', 'officer_certificate_renewal']) {
      await queryRunner.query(`DROP TABLE "enforcement".${table}`);
    }
    await queryRunner.query(`ALTER TABLE "enforcement".officer DROP COLUMN certificate_valid_from`);
  }
}
