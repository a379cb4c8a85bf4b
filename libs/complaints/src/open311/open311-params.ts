import type { CategoryLocale } from '../taxonomy/domain/category';
import { badParameter, notFound } from './open311-error';

/** A query string or form body as Fastify parses it: a repeated name arrives as a list. */
export type Open311Params = Readonly<Record<string, string | string[] | undefined>>;

/** The value of a parameter given at most once; blank counts as absent, as form clients send empty fields. */
export function single(params: Open311Params, name: string): string | undefined {
  const value = params[name];
  if (Array.isArray(value)) throw badParameter(`${name} must be given once, not ${value.length} times`);
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Refuses parameters that the method does not know, so that a misspelt filter is not silently ignored. */
export function refuseUnknown(params: Open311Params, known: ReadonlySet<string>, isKnown: (name: string) => boolean = () => false): void {
  const unknown = Object.keys(params).filter((name) => !known.has(name) && !isKnown(name));
  if (unknown.length > 0) throw badParameter(`unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
}

export function booleanParam(params: Open311Params, name: string): boolean | undefined {
  const value = single(params, name);
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw badParameter(`${name} must be true or false`);
}

export function checkJurisdiction(params: Open311Params, jurisdictionId: string): void {
  const given = single(params, 'jurisdiction_id');
  if (given !== undefined && given.toLowerCase() !== jurisdictionId.toLowerCase()) {
    throw notFound(`jurisdiction_id ${given} is not served here; this endpoint serves ${jurisdictionId}`);
  }
}

const LOCALE_PARAM: Readonly<Record<string, CategoryLocale>> = { 'zh-cn': 'zh-CN', zh: 'zh-CN', 'zh-hans': 'zh-CN', en: 'en' };

/**
 * The language of names and notices: the `locale` parameter when given, else the first
 * language of Accept-Language that we write, else Chinese.
 */
export function resolveLocale(params: Open311Params, acceptLanguage: string | undefined): CategoryLocale {
  const asked = single(params, 'locale');
  if (asked !== undefined) {
    const locale = LOCALE_PARAM[asked.toLowerCase()] ?? (/^en-/i.test(asked) ? 'en' : undefined);
    if (!locale) throw badParameter(`locale must be zh-CN or en, not ${asked}`);
    return locale;
  }
  return localeOfAcceptLanguage(acceptLanguage) ?? 'zh-CN';
}

export function localeOfAcceptLanguage(header: string | undefined): CategoryLocale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...options] = part.trim().split(';');
      const quality = options.map((option) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(option)?.[1]).find((q) => q !== undefined);
      return { tag: tag.trim().toLowerCase(), quality: quality === undefined ? 1 : Number(quality), index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return undefined;
}
