import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The closed loop and every intake channel: anonymous and phone-only reporters, address-only
 * locations, triage (721 class, route, deadline), the steps' timestamps and actors, duplicates,
 * and the reporter's rating.
 */
export class ClosedLoop1764300000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE complaints.complaint
        ALTER COLUMN lat DROP NOT NULL,
        ALTER COLUMN lng DROP NOT NULL,
        ALTER COLUMN reporter_name DROP NOT NULL,
        ALTER COLUMN reporter_email DROP NOT NULL,
        ADD COLUMN reporter_hide_name boolean NOT NULL DEFAULT false,
        ADD COLUMN recorded_by text,
        ADD COLUMN media_count integer NOT NULL DEFAULT 0,
        ADD COLUMN class_721 text CHECK (class_721 IN ('service', 'management', 'enforcement')),
        ADD COLUMN route_kind text CHECK (route_kind IN ('service', 'management', 'enforcement', 'department')),
        ADD COLUMN handling_unit text,
        ADD COLUMN department text,
        ADD COLUMN street text,
        ADD COLUMN response_due_at timestamptz,
        ADD COLUMN responded_at timestamptz,
        ADD COLUMN deadline_at timestamptz,
        ADD COLUMN accepted_at timestamptz,
        ADD COLUMN accepted_by text,
        ADD COLUMN rejection_reason text,
        ADD COLUMN dispatched_at timestamptz,
        ADD COLUMN handler_id text,
        ADD COLUMN handled_at timestamptz,
        ADD COLUMN reply text,
        ADD COLUMN verifier_id text,
        ADD COLUMN verified_at timestamptz,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN survey_due_at timestamptz,
        ADD COLUMN survey_sent_at timestamptz,
        ADD COLUMN rated_at timestamptz,
        ADD COLUMN rating_score integer CHECK (rating_score BETWEEN 1 AND 5),
        ADD COLUMN rating_resolved boolean,
        ADD COLUMN rating_comment text,
        ADD COLUMN reopen_count integer NOT NULL DEFAULT 0,
        ADD COLUMN overdue_at timestamptz,
        ADD COLUMN duplicate_of text REFERENCES complaints.complaint (id),
        ADD COLUMN updated_at timestamptz,
        ADD CONSTRAINT complaint_coordinates_paired CHECK ((lat IS NULL) = (lng IS NULL)),
        ADD CONSTRAINT complaint_located CHECK (lat IS NOT NULL OR address IS NOT NULL),
        ADD CONSTRAINT complaint_not_own_duplicate CHECK (duplicate_of IS NULL OR duplicate_of <> id)`);
    // Overdue scan: only open items with a deadline that has not been flagged yet.
    await queryRunner.query(`
      CREATE INDEX complaint_open_deadline ON complaints.complaint (deadline_at)
      WHERE overdue_at IS NULL AND status IN ('accepted', 'dispatched', 'in_handling', 'reopened')`);
    // Duplicate suggestion: same category, a narrow latitude band, open, not itself a duplicate.
    await queryRunner.query(`
      CREATE INDEX complaint_duplicate_candidates ON complaints.complaint (category, lat, lng, received_at)
      WHERE duplicate_of IS NULL AND lat IS NOT NULL AND status NOT IN ('rejected', 'closed', 'evaluated')`);
    await queryRunner.query(`CREATE INDEX complaint_duplicate_of ON complaints.complaint (duplicate_of) WHERE duplicate_of IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX complaint_queue ON complaints.complaint (status, received_at)`);
    await queryRunner.query(`CREATE INDEX complaint_unit ON complaints.complaint (handling_unit, received_at)`);
    await queryRunner.query(`CREATE INDEX complaint_survey_due ON complaints.complaint (survey_due_at) WHERE survey_sent_at IS NULL AND status = 'closed'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['complaint_survey_due', 'complaint_unit', 'complaint_queue', 'complaint_duplicate_of', 'complaint_duplicate_candidates', 'complaint_open_deadline']) {
      await queryRunner.query(`DROP INDEX complaints.${index}`);
    }
    await queryRunner.query(`
      ALTER TABLE complaints.complaint
        DROP CONSTRAINT complaint_not_own_duplicate, DROP CONSTRAINT complaint_located, DROP CONSTRAINT complaint_coordinates_paired,
        DROP COLUMN updated_at, DROP COLUMN duplicate_of, DROP COLUMN overdue_at, DROP COLUMN reopen_count, DROP COLUMN rating_comment,
        DROP COLUMN rating_resolved, DROP COLUMN rating_score, DROP COLUMN rated_at, DROP COLUMN survey_sent_at, DROP COLUMN survey_due_at,
        DROP COLUMN closed_at, DROP COLUMN verified_at, DROP COLUMN verifier_id, DROP COLUMN reply, DROP COLUMN handled_at, DROP COLUMN handler_id,
        DROP COLUMN dispatched_at, DROP COLUMN rejection_reason, DROP COLUMN accepted_by, DROP COLUMN accepted_at, DROP COLUMN deadline_at, DROP COLUMN response_due_at, DROP COLUMN responded_at,
        DROP COLUMN street, DROP COLUMN department, DROP COLUMN handling_unit, DROP COLUMN route_kind, DROP COLUMN class_721,
        DROP COLUMN media_count, DROP COLUMN recorded_by, DROP COLUMN reporter_hide_name`);
  }
}
