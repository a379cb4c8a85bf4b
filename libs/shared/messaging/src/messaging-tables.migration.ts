import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and inbox tables, created in the schema of each service that publishes or
 * consumes. A service lists `messagingTablesMigration('<schema>')` among its migrations.
 */
export function messagingTablesMigration(schema: string): new () => MigrationInterface {
  return class CreateMessagingTables1764000000000 implements MigrationInterface {
    readonly name = 'CreateMessagingTables1764000000000';

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`
        CREATE TABLE "${schema}".outbox (
          seq bigint GENERATED ALWAYS AS IDENTITY,
          id text PRIMARY KEY,
          topic text NOT NULL,
          message_key text NOT NULL,
          event_type text NOT NULL,
          envelope jsonb NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          published_at timestamptz,
          attempts integer NOT NULL DEFAULT 0,
          last_error text
        )`);
      await queryRunner.query(`CREATE UNIQUE INDEX outbox_seq ON "${schema}".outbox (seq)`);
      await queryRunner.query(`CREATE INDEX outbox_unpublished ON "${schema}".outbox (seq) WHERE published_at IS NULL`);
      await queryRunner.query(`
        CREATE TABLE "${schema}".inbox (
          consumer_group text NOT NULL,
          event_source text NOT NULL,
          event_id text NOT NULL,
          event_type text NOT NULL,
          processed_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (consumer_group, event_source, event_id)
        )`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE "${schema}".inbox`);
      await queryRunner.query(`DROP TABLE "${schema}".outbox`);
    }
  };
}
