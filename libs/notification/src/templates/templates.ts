import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CONFIG } from '@civicflow/config';
import { buildExampleEvent, findEventDefinition } from '@civicflow/contracts';
import { plainTextToHtml } from '../channels/plain-text-html';
import type { Locale } from '../mail/mail-layout';
import type { NotificationConfig } from '../notification.config';
import { defaultTemplateRows } from './default-templates';
import { LOCALES, type RenderedTemplate, renderTemplate, type TemplateText, templateProblems, valueProblem } from './template-text';
import { type AudienceKind, unsuppliedVariables, type VariableType } from './template-variables';

export interface StoredTemplate extends TemplateText {
  key: string;
  locale: Locale;
  updatedAt: string;
}

interface TemplateRow {
  key: string;
  locale: Locale;
  subject: string;
  text_body: string;
  html_body: string | null;
  variables: Record<string, VariableType>;
  updated_at: Date;
}

/** A template or a rule an admin tried to save, refused: each problem names the field or variable. */
export class NotificationConfigurationError extends Error {
  override readonly name = 'NotificationConfigurationError';
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

const toTemplate = (row: TemplateRow): StoredTemplate => ({
  key: row.key,
  locale: row.locale,
  subject: row.subject,
  text: row.text_body,
  html: row.html_body,
  variables: row.variables,
  updatedAt: new Date(row.updated_at).toISOString(),
});

const COLUMNS = 'key, locale, subject, text_body, html_body, variables, updated_at';

/** Inserts the default templates that are missing; one an admin changed is left alone. */
export async function seedDefaultTemplates(manager: EntityManager): Promise<void> {
  for (const { key, locale, template } of defaultTemplateRows()) {
    await manager.query(
      `INSERT INTO notification.template (key, locale, subject, text_body, html_body, variables) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key, locale) DO NOTHING`,
      [key, locale, template.subject, template.text, template.html ?? null, JSON.stringify(template.variables)],
    );
  }
}

/** Sample values for what an audience adds about the recipient, for previews. */
const SAMPLE_RECIPIENT: Record<string, unknown> = { reporterName: '张三', businessName: '复兴路小吃店', contactName: '王建国' };

/**
 * The stored templates: read, saved only when every placeholder is declared and every
 * declared variable can be filled by the events of the rules that use the template, and
 * previewed with an event contract's example.
 */
@Injectable()
export class Templates {
  constructor(
    @InjectDataSource('notification') private readonly dataSource: DataSource,
    @Inject(CONFIG) private readonly config: NotificationConfig,
  ) {}

  async list(): Promise<StoredTemplate[]> {
    const rows: TemplateRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM notification.template ORDER BY key, locale`);
    return rows.map(toTemplate);
  }

  /** Both languages of a key (either may be missing while an admin is adding one). */
  async byKey(key: string, manager: EntityManager = this.dataSource.manager): Promise<Partial<Record<Locale, StoredTemplate>>> {
    const rows: TemplateRow[] = await manager.query(`SELECT ${COLUMNS} FROM notification.template WHERE key = $1`, [key]);
    return Object.fromEntries(rows.map((row) => [row.locale, toTemplate(row)]));
  }

  async get(key: string, locale: Locale): Promise<StoredTemplate | undefined> {
    return (await this.byKey(key))[locale];
  }

  async save(key: string, locale: Locale, template: TemplateText, by: string): Promise<StoredTemplate> {
    return this.dataSource.transaction(async (manager) => {
      // Rules are read under lock so that a rule saved at the same time is checked against this version or the next.
      const rules: Array<{ event_type: string; kind: AudienceKind }> = await manager.query(
        `SELECT event_type, audience ->> 'kind' AS kind FROM notification.rule WHERE template_key = $1 FOR SHARE`,
        [key],
      );
      const problems = templateProblems(template);
      for (const rule of rules) problems.push(...unsuppliedVariables(template.variables, rule.event_type, rule.kind));
      if (problems.length > 0) throw new NotificationConfigurationError([...new Set(problems)]);
      const [row]: TemplateRow[] = await manager.query(
        `INSERT INTO notification.template (key, locale, subject, text_body, html_body, variables, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (key, locale) DO UPDATE SET subject = EXCLUDED.subject, text_body = EXCLUDED.text_body, html_body = EXCLUDED.html_body,
           variables = EXCLUDED.variables, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING ${COLUMNS}`,
        [key, locale, template.subject, template.text, template.html ?? null, JSON.stringify(template.variables), by],
      );
      return toTemplate(row);
    });
  }

  /**
   * Both languages rendered from sample values: the example of the event of the first rule
   * that uses the template (an enabled one if any), overridden by the values given.
   */
  async preview(key: string, given: Record<string, unknown> = {}): Promise<Partial<Record<Locale, RenderedTemplate>> | undefined> {
    const templates = await this.byKey(key);
    if (Object.keys(templates).length === 0) return undefined;
    const [rule]: Array<{ event_type: string }> = await this.dataSource.query(
      `SELECT event_type FROM notification.rule WHERE template_key = $1 ORDER BY enabled DESC, created_at LIMIT 1`,
      [key],
    );
    const definition = rule && findEventDefinition(rule.event_type);
    const example = definition ? (buildExampleEvent(definition).data as Record<string, unknown>) : {};
    const trackingUrl = typeof example['trackingCode'] === 'string' ? `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/api/v1/complaints/${example['trackingCode']}` : undefined;
    const source = { ...example, trackingUrl, ...SAMPLE_RECIPIENT };
    const problems: string[] = [];
    for (const [name, value] of Object.entries(given)) {
      const type = Object.values(templates).find((template) => template && name in template.variables)?.variables[name];
      if (!type) problems.push(`variable ${name} is not declared by template ${key}`);
      else {
        const problem = valueProblem(name, type, value);
        if (problem) problems.push(problem);
      }
      setPath(source, name, value);
    }
    if (problems.length > 0) throw new NotificationConfigurationError(problems);
    const rendered: Partial<Record<Locale, RenderedTemplate>> = {};
    for (const locale of LOCALES) {
      const template = templates[locale];
      if (!template) continue;
      const output = renderTemplate(template, source, locale);
      // What the e-mail channel would send when the template has no HTML part of its own.
      rendered[locale] = { ...output, html: output.html ?? plainTextToHtml(output.text) };
    }
    return rendered;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node = node[part] = next && typeof next === 'object' ? { ...(next as Record<string, unknown>) } : {};
  }
  node[parts[parts.length - 1]] = value;
}
