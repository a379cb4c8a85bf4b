import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTask1795700000000 implements MigrationInterface {
  readonly name = 'CreateTask1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // No foreign key to department: a task for a code the directory lacks is kept, flagged, never dropped.
    await queryRunner.query(`
      CREATE TABLE "coordination".task (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL,
        tracking_code text NOT NULL,
        department text NOT NULL,
        unknown_department boolean NOT NULL,
        state text NOT NULL CHECK (state IN ('assigned', 'accepted', 'returned', 'completed')),
        category text NOT NULL,
        description text NOT NULL,
        location jsonb NOT NULL,
        deadline_at timestamptz NOT NULL,
        handling_unit text NOT NULL,
        dispatched_by text NOT NULL,
        dispatched_at timestamptz NOT NULL,
        accepted_by text NULL,
        accepted_at timestamptz NULL,
        returned_by text NULL,
        returned_at timestamptz NULL,
        return_reason text NULL,
        completed_by text NULL,
        completed_at timestamptz NULL,
        result text NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // One task per dispatch of a complaint: a complaint dispatched again after a return gets a new task.
    await queryRunner.query(`CREATE UNIQUE INDEX task_dispatch_unique ON "coordination".task (complaint_id, dispatched_at)`);
    await queryRunner.query(`CREATE INDEX task_department_state ON "coordination".task (department, state, deadline_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "coordination".task`);
  }
}
