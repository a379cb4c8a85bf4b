import Mustache from 'mustache';
import type { Locale } from '../mail/mail-layout';
import { isVariableType, VARIABLE_NAME, type VariableType } from './template-variables';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** One language of a template as stored: the placeholders are mustache (`{{name}}`, sections `{{#name}}…{{/name}}`). */
export interface TemplateText {
  subject: string;
  text: string;
  html?: string | null;
  variables: Record<string, VariableType>;
}

export interface RenderedTemplate {
  subject: string;
  text: string;
  html?: string;
}

type Token = [string, string, number, number, Token[]?];

/** Subjects and plain text are not HTML: nothing is escaped there. */
const RAW = { escape: (value: unknown) => String(value) };
const TIME_ZONE = 'Asia/Shanghai';

/**
 * Everything wrong with a template's text, each naming the part and the variable: syntax
 * errors, partials (a template stands alone), placeholders not declared, declared types
 * unknown, and in the HTML part placeholders that would skip escaping.
 */
export function templateProblems(template: TemplateText): string[] {
  const problems: string[] = [];
  for (const [name, type] of Object.entries(template.variables ?? {})) {
    if (!VARIABLE_NAME.test(name)) problems.push(`variable name "${name}" must be letters and digits, nested by "."`);
    if (!isVariableType(type)) problems.push(`variable ${name} has the unknown type "${String(type)}"`);
  }
  const parts: Array<['subject' | 'text' | 'html', string | null | undefined]> = [
    ['subject', template.subject],
    ['text', template.text],
    ['html', template.html],
  ];
  for (const [part, source] of parts) {
    if (source === undefined || source === null) continue;
    let tokens: Token[];
    try {
      tokens = Mustache.parse(source) as Token[];
    } catch (error) {
      problems.push(`${part}: ${(error as Error).message}`);
      continue;
    }
    for (const token of walk(tokens)) {
      const [kind, name] = token;
      if (kind === '>') problems.push(`${part}: partial {{> ${name}}} is not supported`);
      if (!['name', '&', '#', '^'].includes(kind) || name === '.') continue;
      if (!(name in (template.variables ?? {}))) problems.push(`${part}: placeholder {{${name}}} is not a declared variable`);
      // `{{{x}}}` parses as `&` too.
      if (part === 'html' && kind === '&') problems.push(`html: placeholder ${name} must be escaped ({{${name}}}, not {{{${name}}}} or {{& ${name}}})`);
    }
  }
  return problems;
}

function* walk(tokens: Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    if (token[4]) yield* walk(token[4]);
  }
}

/** Why a value given for a variable (a preview's sample) does not fit its declared type; undefined when it does. */
export function valueProblem(name: string, type: VariableType, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const ok = (() => {
    switch (type) {
      case 'string':
        return typeof value === 'string';
      case 'url':
        return typeof value === 'string' && /^https?:\/\/\S+$/.test(value);
      case 'date':
      case 'datetime':
        return typeof value === 'string' && !Number.isNaN(Date.parse(value));
      case 'number':
        return typeof value === 'number' && Number.isFinite(value);
      case 'money':
        return typeof value === 'number' && Number.isInteger(value);
      case 'boolean':
        return typeof value === 'boolean';
    }
  })();
  return ok ? undefined : `variable ${name} must be a ${type === 'money' ? 'money amount in fen (an integer)' : type}`;
}

/** A value written as the recipient reads it: times in the bureau's zone, money in yuan from fen. */
export function formatValue(type: VariableType, value: unknown, locale: Locale): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  switch (type) {
    case 'datetime':
      return new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }).format(new Date(String(value)));
    case 'date':
      // A bare date names a calendar day: formatting it in UTC keeps the day it says.
      return /^\d{4}-\d{2}-\d{2}$/.test(String(value))
        ? new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${String(value)}T00:00:00Z`))
        : new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'long' }).format(new Date(String(value)));
    case 'number':
      return new Intl.NumberFormat(locale).format(Number(value));
    case 'money':
      return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(Number(value) / 100);
    default:
      return value;
  }
}

/** Reads `a.b` from nested data. */
export function valueAt(source: Record<string, unknown>, path: string): unknown {
  let value: unknown = source;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

/** Fills one language of a template with the declared variables only, each formatted by its type; the HTML part is escaped. */
export function renderTemplate(template: TemplateText, source: Record<string, unknown>, locale: Locale): RenderedTemplate {
  const view: Record<string, unknown> = {};
  for (const [name, type] of Object.entries(template.variables)) {
    const value = formatValue(type, valueAt(source, name), locale);
    if (value !== undefined) setAt(view, name, value);
  }
  const rendered: RenderedTemplate = {
    subject: Mustache.render(template.subject, view, {}, RAW).replace(/\s+/g, ' ').trim(),
    text: Mustache.render(template.text, view, {}, RAW),
  };
  if (template.html) rendered.html = Mustache.render(template.html, view);
  return rendered;
}
