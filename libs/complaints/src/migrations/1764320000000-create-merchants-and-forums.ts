import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMerchantsAndForums1764320000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE complaints.merchant (
        id text PRIMARY KEY,
        account_sub text NOT NULL UNIQUE,
        business_name text NOT NULL,
        licence_number text NOT NULL UNIQUE,
        contact_name text NOT NULL,
        phone text NOT NULL,
        email text NOT NULL,
        street text NOT NULL,
        trade text NOT NULL,
        registered_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX merchant_street_trade ON complaints.merchant (street, trade)`);
    await queryRunner.query(`CREATE INDEX merchant_trade ON complaints.merchant (trade)`);

    await queryRunner.query(`
      CREATE TABLE complaints.forum (
        id text PRIMARY KEY,
        title text NOT NULL,
        topic text NOT NULL,
        starts_at timestamptz NOT NULL,
        place text NOT NULL,
        invited_streets jsonb NOT NULL,
        invited_trades jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('scheduled', 'held')),
        scheduled_by text NOT NULL,
        scheduled_at timestamptz NOT NULL,
        minutes text,
        minutes_recorded_by text,
        minutes_recorded_at timestamptz,
        CHECK ((status = 'held') = (minutes IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX forum_starts_at ON complaints.forum (starts_at)`);
    await queryRunner.query(`
      CREATE TABLE complaints.forum_invitation (
        forum_id text NOT NULL REFERENCES complaints.forum (id),
        merchant_id text NOT NULL REFERENCES complaints.merchant (id),
        invited_at timestamptz NOT NULL,
        attended boolean,
        PRIMARY KEY (forum_id, merchant_id)
      )`);
    await queryRunner.query(`CREATE INDEX forum_invitation_merchant ON complaints.forum_invitation (merchant_id)`);
    await queryRunner.query(`
      CREATE TABLE complaints.forum_action_item (
        id text PRIMARY KEY,
        forum_id text NOT NULL REFERENCES complaints.forum (id),
        text text NOT NULL,
        owner_staff_id text NOT NULL,
        due_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'answered')),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        answer text,
        answered_by text,
        answered_at timestamptz,
        CHECK ((status = 'answered') = (answer IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX forum_action_item_forum ON complaints.forum_action_item (forum_id, recorded_at)`);

    await queryRunner.query(`
      CREATE TABLE complaints.merchant_request (
        id text PRIMARY KEY,
        merchant_id text NOT NULL REFERENCES complaints.merchant (id),
        kind text NOT NULL CHECK (kind IN ('request', 'suggestion')),
        subject text NOT NULL,
        text text NOT NULL,
        category text,
        status text NOT NULL CHECK (status IN ('submitted', 'discussed', 'answered')),
        submitted_at timestamptz NOT NULL,
        discussed_forum_id text REFERENCES complaints.forum (id),
        answer text,
        answered_by text,
        answered_at timestamptz,
        answered_by_action_item_id text REFERENCES complaints.forum_action_item (id),
        CHECK ((status = 'answered') = (answer IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX merchant_request_merchant ON complaints.merchant_request (merchant_id, submitted_at)`);
    await queryRunner.query(`CREATE INDEX merchant_request_status ON complaints.merchant_request (status, submitted_at)`);

    await queryRunner.query(`
      CREATE TABLE complaints.forum_action_item_merchant (
        action_item_id text NOT NULL REFERENCES complaints.forum_action_item (id),
        merchant_id text NOT NULL REFERENCES complaints.merchant (id),
        PRIMARY KEY (action_item_id, merchant_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE complaints.forum_action_item_request (
        action_item_id text NOT NULL REFERENCES complaints.forum_action_item (id),
        merchant_request_id text NOT NULL REFERENCES complaints.merchant_request (id),
        PRIMARY KEY (action_item_id, merchant_request_id)
      )`);
    await queryRunner.query(`CREATE INDEX forum_action_item_request_request ON complaints.forum_action_item_request (merchant_request_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE complaints.forum_action_item_request`);
    await queryRunner.query(`DROP TABLE complaints.forum_action_item_merchant`);
    await queryRunner.query(`DROP TABLE complaints.merchant_request`);
    await queryRunner.query(`DROP TABLE complaints.forum_action_item`);
    await queryRunner.query(`DROP TABLE complaints.forum_invitation`);
    await queryRunner.query(`DROP TABLE complaints.forum`);
    await queryRunner.query(`DROP TABLE complaints.merchant`);
  }
}
