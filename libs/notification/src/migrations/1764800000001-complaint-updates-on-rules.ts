import { MigrationInterface, QueryRunner } from 'typeorm';

const MOVED = [
  'complaints.complaint.rejected.v1/reporter/complaint.rejected',
  'complaints.complaint.triaged.v1/reporter/complaint.accepted',
  'complaints.complaint.handled.v1/reporter/complaint.handled',
  'complaints.complaint.closed.v1/reporter/complaint.closed',
];

/** Off by default since the welcome mail duplicated what the merchant sees in its account. */
const WELCOME = 'complaints.merchant.registered.v1/merchant/merchant.registered';

/**
 * The reporter's updates moved from the complaint-updates consumer onto the rules: their
 * seeded rules, switched off while that consumer sent them, are switched on; the merchant
 * welcome is switched off. Rules an admin has touched since are left alone.
 */
export class ComplaintUpdatesOnRules1764800000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE notification.rule SET enabled = true, note = NULL, updated_at = now() WHERE default_key = ANY($1) AND updated_by IS NULL AND NOT enabled`, [MOVED]);
    await queryRunner.query(`UPDATE notification.rule SET enabled = false, updated_at = now() WHERE default_key = $1 AND updated_by IS NULL`, [WELCOME]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE notification.rule SET enabled = false, updated_at = now() WHERE default_key = ANY($1) AND updated_by IS NULL`, [MOVED]);
  }
}
