import { isTrackingCode } from '../domain/tracking-code';
import { badParameter } from './open311-error';
import { booleanParam, type Open311Params, refuseUnknown, single } from './open311-params';

/** GeoReport v2: "a span of 90 days or first 1000 requests returned, whichever is smallest". */
export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_PAGE_SIZE = 1000;
const MAX_PAGE = 100_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Open311Status = 'open' | 'closed';

export type ServiceRequestQuery =
  | { kind: 'ids'; trackingCodes: string[]; extensions: boolean }
  | {
      kind: 'search';
      serviceCodes?: string[];
      /** Undefined: both. */
      status?: Open311Status;
      from: Date;
      to: Date;
      page: number;
      pageSize: number;
      extensions: boolean;
    };

const GET_PARAMS = new Set([
  'jurisdiction_id',
  'service_request_id',
  'service_code',
  'start_date',
  'end_date',
  'status',
  'page',
  'page_size',
  'extensions',
  'locale',
  // Some clients send their key on every call; reading needs none, so it is not checked.
  'api_key',
]);

/**
 * The filters of GET requests. A list of service_request_id overrides every other filter,
 * as the specification says. Without dates the window is the last 90 days; with one date
 * it is the 90 days from (or up to) it; two dates may not be more than 90 days apart.
 */
export function readServiceRequestQuery(params: Open311Params, now: Date): ServiceRequestQuery {
  refuseUnknown(params, GET_PARAMS);
  const extensions = booleanParam(params, 'extensions') ?? false;
  const ids = list(params, 'service_request_id');
  if (ids) {
    const trackingCodes = ids.map((id) => id.toUpperCase());
    const malformed = trackingCodes.filter((code) => !isTrackingCode(code));
    if (malformed.length > 0) throw badParameter(`service_request_id ${malformed.join(', ')} is not a service request id (they look like CF-7K3M-Q9TX)`);
    if (trackingCodes.length > MAX_PAGE_SIZE) throw badParameter(`service_request_id lists at most ${MAX_PAGE_SIZE} ids`);
    return { kind: 'ids', trackingCodes: [...new Set(trackingCodes)], extensions };
  }

  const statuses = list(params, 'status');
  const unknownStatus = statuses?.filter((status) => status !== 'open' && status !== 'closed') ?? [];
  if (unknownStatus.length > 0) throw badParameter(`status must be open or closed, not ${unknownStatus.join(', ')}`);
  const status = statuses && new Set(statuses).size === 1 ? (statuses[0] as Open311Status) : undefined;

  const start = dateParam(params, 'start_date');
  const end = dateParam(params, 'end_date');
  const window = DEFAULT_WINDOW_DAYS * DAY_MS;
  const to = end ?? (start ? new Date(start.getTime() + window) : now);
  const from = start ?? new Date(to.getTime() - window);
  if (to < from) throw badParameter('end_date must not be before start_date');
  if (to.getTime() - from.getTime() > window) throw badParameter(`start_date and end_date may not be more than ${DEFAULT_WINDOW_DAYS} days apart`);

  return {
    kind: 'search',
    ...(list(params, 'service_code') ? { serviceCodes: list(params, 'service_code') } : {}),
    ...(status ? { status } : {}),
    from,
    to,
    page: wholeNumber(params, 'page', 1, MAX_PAGE) ?? 1,
    pageSize: wholeNumber(params, 'page_size', 1, MAX_PAGE_SIZE) ?? MAX_PAGE_SIZE,
    extensions,
  };
}

/** A parameter that may be repeated, comma-separated, or both; undefined when absent or blank. */
function list(params: Open311Params, name: string): string[] | undefined {
  const raw = params[name];
  if (raw === undefined) return undefined;
  const values = (Array.isArray(raw) ? raw : [raw]).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  return values.length > 0 ? values : undefined;
}

function wholeNumber(params: Open311Params, name: string, min: number, max: number): number | undefined {
  const raw = single(params, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw badParameter(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}

function dateParam(params: Open311Params, name: string): Date | undefined {
  const raw = single(params, name);
  if (raw === undefined) return undefined;
  const date = parseW3cDateTime(raw);
  if (!date) throw badParameter(`${name} must be a W3C date-time with a time zone, such as 2026-11-01T00:00:00+08:00 or 2026-11-01T00:00:00Z`);
  return date;
}

const W3C_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The complete-date and date-time forms of the W3C profile of ISO 8601. A date alone is
 * midnight UTC. A `+` in an unencoded query string arrives as a space: it is taken back.
 */
export function parseW3cDateTime(raw: string): Date | undefined {
  const match = W3C_DATE_TIME.exec(raw.replace(/ (\d{2}:\d{2})$/, '+$1'));
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '0', zone = 'Z'] = match;
  const local = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Math.floor(Number(`0.${fraction}`) * 1000));
  const check = new Date(local);
  // Date.UTC rolls 2026-02-30 over to March; a date that does not exist is refused instead.
  if (check.getUTCFullYear() !== Number(year) || check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (Math.abs(offset) > 14 * 60) return undefined;
  return new Date(local - offset * 60_000);
}
