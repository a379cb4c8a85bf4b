import { MigrationInterface, QueryRunner } from 'typeorm';

const ACKNOWLEDGEMENT = 'complaints.reporter.registered.v2/reporter/complaint.acknowledgement';

/** The acknowledgement moved from its consumer onto the rule on the reporter's registration; the seeded rule is switched on unless an admin touched it. */
export class AcknowledgementOnRules1764800000003 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE notification.rule SET enabled = true, note = NULL, updated_at = now() WHERE default_key = $1 AND updated_by IS NULL`, [ACKNOWLEDGEMENT]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE notification.rule SET enabled = false WHERE default_key = $1 AND updated_by IS NULL`, [ACKNOWLEDGEMENT]);
  }
}
