import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Merchants' contacts, from the restricted merchant topic; and one message per recipient of
 * an event (a forum answer goes to every merchant who raised the item).
 */
export class MerchantContacts1764410000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification.merchant_contact (
        merchant_id text PRIMARY KEY,
        business_name text NOT NULL,
        contact_name text NOT NULL,
        email text NOT NULL,
        phone text NOT NULL,
        locale text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`ALTER TABLE notification.message DROP CONSTRAINT message_source_event_id_channel_template_key`);
    await queryRunner.query(`ALTER TABLE notification.message ADD CONSTRAINT message_once UNIQUE (source_event_id, channel, template, about_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notification.message DROP CONSTRAINT message_once`);
    await queryRunner.query(`ALTER TABLE notification.message ADD CONSTRAINT message_source_event_id_channel_template_key UNIQUE (source_event_id, channel, template)`);
    await queryRunner.query(`DROP TABLE notification.merchant_contact`);
  }
}
