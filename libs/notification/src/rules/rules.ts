import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { ChannelKind } from '../channels/notification-channel';
import type { Locale } from '../mail/mail-layout';
import { NotificationConfigurationError } from '../templates/templates';
import type { VariableType } from '../templates/template-variables';
import { DEFAULT_RULES, defaultRuleKey } from './default-rules';
import { type Audience, type Rule, type RuleCondition, type RuleDefinition, ruleProblems, type TemplateVariablesLookup } from './rule';

interface RuleRow {
  id: string;
  event_type: string;
  audience: Audience;
  template_key: string;
  channels: ChannelKind[];
  urgent: boolean;
  mandatory: boolean;
  enabled: boolean;
  note: string | null;
  condition: RuleCondition | null;
  default_key: string | null;
  updated_at: Date;
}

/** How long before a rule was made an event may have happened and still be told by it. */
export const RULE_GRACE_HOURS = 24;

const COLUMNS = 'id, event_type, audience, template_key, channels, urgent, mandatory, enabled, note, condition, default_key, updated_at';

export const toRule = (row: RuleRow): Rule => ({
  id: row.id,
  eventType: row.event_type,
  audience: row.audience,
  template: row.template_key,
  channels: row.channels,
  ...(row.condition ? { when: row.condition } : {}),
  urgent: row.urgent,
  mandatory: row.mandatory,
  enabled: row.enabled,
  ...(row.note ? { note: row.note } : {}),
  defaultKey: row.default_key,
  updatedAt: new Date(row.updated_at).toISOString(),
});

const ruleValues = (rule: RuleDefinition) => [
  rule.eventType,
  JSON.stringify(rule.audience),
  rule.template,
  rule.channels,
  rule.urgent === true,
  rule.mandatory === true,
  rule.enabled,
  rule.note ?? null,
  rule.when ? JSON.stringify(rule.when) : null,
];

/** Inserts the default rules that are missing (by default key); one an admin changed or disabled stays as it is. */
export async function seedDefaultRules(manager: EntityManager): Promise<void> {
  for (const rule of DEFAULT_RULES) {
    await manager.query(
      `INSERT INTO notification.rule (id, event_type, audience, template_key, channels, urgent, mandatory, enabled, note, condition, default_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (default_key) DO NOTHING`,
      [uuidv7(), ...ruleValues(rule), defaultRuleKey(rule)],
    );
  }
}

/** Declared variables per language of every template key, as the rule check needs them. */
async function templateVariables(manager: EntityManager, key: string): Promise<ReturnType<TemplateVariablesLookup>> {
  const rows: Array<{ locale: Locale; variables: Record<string, VariableType> }> = await manager.query(`SELECT locale, variables FROM notification.template WHERE key = $1`, [key]);
  return rows.length === 0 ? undefined : Object.fromEntries(rows.map((row) => [row.locale, row.variables]));
}

/** The stored rules, changed by admins without a deploy; every save is checked against the catalogue and the templates. */
@Injectable()
export class Rules {
  constructor(@InjectDataSource('notification') private readonly dataSource: DataSource) {}

  async list(filter: { eventType?: string } = {}): Promise<Rule[]> {
    const rows: RuleRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notification.rule WHERE ($1::text IS NULL OR event_type = $1) ORDER BY event_type, created_at, id`,
      [filter.eventType ?? null],
    );
    return rows.map(toRule);
  }

  async get(id: string): Promise<Rule | undefined> {
    const [row]: RuleRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM notification.rule WHERE id = $1`, [id]);
    return row && toRule(row);
  }

  /**
   * The enabled rules for an event, in the consumer's transaction. A rule tells of what
   * happens from about when it was made: a new consumer group starts at the beginning of
   * the topics, and a rule (or the first deploy of the rules) must not notify the whole
   * retained history. The day of grace covers the backlog of events that happened just
   * before, which a consumer written before the rule would still have told.
   */
  async enabledFor(manager: EntityManager, eventType: string, eventTime?: string): Promise<Rule[]> {
    const rows: RuleRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM notification.rule WHERE event_type = $1 AND enabled AND ($2::timestamptz IS NULL OR created_at <= $2::timestamptz + interval '${RULE_GRACE_HOURS} hours')
       ORDER BY created_at, id`,
      [eventType, eventTime && !Number.isNaN(Date.parse(eventTime)) ? eventTime : null],
    );
    return rows.map(toRule);
  }

  async create(rule: RuleDefinition, by: string): Promise<Rule> {
    return this.dataSource.transaction(async (manager) => {
      await this.check(manager, rule);
      const [row]: RuleRow[] = await manager.query(
        `INSERT INTO notification.rule (id, event_type, audience, template_key, channels, urgent, mandatory, enabled, note, condition, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
        [uuidv7(), ...ruleValues(rule), by],
      );
      return toRule(row);
    });
  }

  /** Undefined when no rule has the id. */
  async replace(id: string, rule: RuleDefinition, by: string): Promise<Rule | undefined> {
    return this.dataSource.transaction(async (manager) => {
      await this.check(manager, rule);
      const [row]: RuleRow[] = await manager.query(
        `WITH changed AS (UPDATE notification.rule SET event_type = $2, audience = $3, template_key = $4, channels = $5, urgent = $6, mandatory = $7, enabled = $8, note = $9,
           condition = $10, updated_by = $11, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}) SELECT * FROM changed`,
        [id, ...ruleValues(rule), by],
      );
      return row && toRule(row);
    });
  }

  /** Rules are switched off, never deleted: a seeded default would otherwise come back at the next start. */
  async disable(id: string, by: string): Promise<Rule | undefined> {
    const [row]: RuleRow[] = await this.dataSource.query(
      `WITH changed AS (UPDATE notification.rule SET enabled = false, updated_by = $2, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}) SELECT * FROM changed`,
      [id, by],
    );
    return row && toRule(row);
  }

  private async check(manager: EntityManager, rule: RuleDefinition): Promise<void> {
    // Locks the template rows so that a template saved at the same time is checked against this rule.
    await manager.query(`SELECT key FROM notification.template WHERE key = $1 FOR SHARE`, [rule.template]);
    const variables = await templateVariables(manager, rule.template);
    const problems = ruleProblems(rule, () => variables);
    if (problems.length > 0) throw new NotificationConfigurationError(problems);
  }
}
