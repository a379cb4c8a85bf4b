import { MigrationInterface, QueryRunner } from 'typeorm';

/** Deliveries on every channel, recipients' preferences, the in-app inbox and departments' webhook subscriptions. */
export class Delivery1764500000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    // `address` holds the clear contact only while the delivery may still be attempted; it is erased with the outcome.
    await queryRunner.query(`
      CREATE TABLE notification.delivery (
        id text PRIMARY KEY,
        source_event_id text NOT NULL,
        source_event_type text NOT NULL,
        about_kind text NOT NULL,
        about_id text NOT NULL,
        correlation_id text NOT NULL,
        recipient_key text NOT NULL,
        recipient_masked text NOT NULL,
        address text,
        channel text NOT NULL CHECK (channel IN ('email', 'sms', 'webhook', 'in-app')),
        template text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
        payload jsonb NOT NULL,
        mandatory boolean NOT NULL DEFAULT false,
        urgent boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        failed_at timestamptz,
        UNIQUE (source_event_id, recipient_key, channel, template)
      )`);
    await queryRunner.query(`CREATE INDEX delivery_due ON notification.delivery (channel, next_attempt_at) WHERE status IN ('queued', 'sending')`);
    await queryRunner.query(`
      CREATE TABLE notification.preference (
        recipient_key text PRIMARY KEY,
        channels text[] NOT NULL,
        locale text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
        quiet_start text,
        quiet_end text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE notification.inbox_message (
        id text PRIMARY KEY,
        user_id text NOT NULL,
        template text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX inbox_message_user ON notification.inbox_message (user_id, created_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE notification.webhook_subscription (
        id text PRIMARY KEY,
        department text NOT NULL,
        url text NOT NULL,
        secret text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification.webhook_subscription`);
    await queryRunner.query(`DROP TABLE notification.inbox_message`);
    await queryRunner.query(`DROP TABLE notification.preference`);
    await queryRunner.query(`DROP TABLE notification.delivery`);
  }
}
