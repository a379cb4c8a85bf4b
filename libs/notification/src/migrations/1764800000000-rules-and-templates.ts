import { MigrationInterface, QueryRunner } from 'typeorm';
import { seedDefaultRules } from '../rules/rules';
import { seedDefaultTemplates } from '../templates/templates';

/**
 * Who is told what as data: rules (event type → audience → template → channels), the
 * templates in each language with their typed variables, and the staff roster the staff
 * audience is found in. The defaults in code are seeded here and again at every start (new
 * defaults appear, what an admin changed stays).
 */
export class RulesAndTemplates1764800000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification.template (
        key text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text,
        variables jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text,
        PRIMARY KEY (key, locale)
      )`);
    await queryRunner.query(`
      CREATE TABLE notification.rule (
        id uuid PRIMARY KEY,
        event_type text NOT NULL,
        audience jsonb NOT NULL,
        template_key text NOT NULL,
        channels text[] NOT NULL,
        urgent boolean NOT NULL DEFAULT false,
        mandatory boolean NOT NULL DEFAULT false,
        enabled boolean NOT NULL DEFAULT true,
        note text,
        condition jsonb,
        default_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text
      )`);
    await queryRunner.query(`CREATE INDEX rule_event_type ON notification.rule (event_type) WHERE enabled`);
    await queryRunner.query(`
      CREATE TABLE notification.staff_member (
        user_id text PRIMARY KEY,
        roles text[] NOT NULL,
        department text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await seedDefaultTemplates(queryRunner.manager);
    await seedDefaultRules(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification.staff_member`);
    await queryRunner.query(`DROP TABLE notification.rule`);
    await queryRunner.query(`DROP TABLE notification.template`);
  }
}
