import { MigrationInterface, QueryRunner } from 'typeorm';

const REQUEST_ANSWERED = 'complaints.merchant-request.answered.v1/merchant/merchant.request-answered';
const FORUM_ANSWER = 'complaints.forum.action-item-answered.v1/merchant/merchant.forum-answer';

/**
 * Rules get a condition on a field of the event, so that the merchants' answers move onto
 * them: a request answered through a forum item (forumId set) is told by the item's
 * notice, not twice. Seeded rules an admin has not touched are switched on.
 */
export class MerchantAnswersOnRules1764800000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    // A database made before the column was part of the rule table's creation.
    await queryRunner.query(`ALTER TABLE notification.rule ADD COLUMN IF NOT EXISTS condition jsonb`);
    await queryRunner.query(
      `UPDATE notification.rule SET enabled = true, note = NULL, condition = $2, updated_at = now() WHERE default_key = $1 AND updated_by IS NULL`,
      [REQUEST_ANSWERED, JSON.stringify({ field: 'forumId', present: false })],
    );
    await queryRunner.query(`UPDATE notification.rule SET enabled = true, note = NULL, updated_at = now() WHERE default_key = $1 AND updated_by IS NULL`, [FORUM_ANSWER]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE notification.rule SET enabled = false WHERE default_key = ANY($1) AND updated_by IS NULL`, [[REQUEST_ANSWERED, FORUM_ANSWER]]);
    await queryRunner.query(`ALTER TABLE notification.rule DROP COLUMN condition`);
  }
}
