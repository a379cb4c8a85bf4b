import { maskEmail, maskIdNumber, maskName, maskPhone } from '@civicflow/domain';
import { FINISHED_STATUSES } from '../domain/lifecycle';
import type { ComplaintStatus } from '../domain/complaint';
import type { Open311Status } from './service-request.query';

/** What a service request is built from; the reporter's details are read only to be kept out of the text. */
export interface ServiceRequestSource {
  trackingCode: string;
  status: string;
  category: string | null;
  description: string;
  reply: string | null;
  rejectionReason: string | null;
  handlingUnit: string | null;
  receivedAt: Date;
  updatedAt: Date | null;
  deadlineAt: Date | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  channel: string;
  reporterName: string | null;
  reporterEmail: string | null;
  reporterPhone: string | null;
}

/** Rejected, closed and evaluated items are finished; everything else is still open. */
export function open311Status(status: string): Open311Status {
  return FINISHED_STATUSES.includes(status as ComplaintStatus) ? 'closed' : 'open';
}

/** W3C date-time in UTC, without the milliseconds that some GeoReport clients cannot parse. */
export function w3cDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A service request as GeoReport v2 lists it, in the specification's field order. Never the reporter's name or contact. */
export function toServiceRequest(source: ServiceRequestSource, serviceName: string | null, mediaUrl: string | null, extensions: boolean) {
  const statusNotes = source.reply ?? (source.status === 'rejected' ? source.rejectionReason : null);
  return {
    service_request_id: source.trackingCode,
    status: open311Status(source.status),
    status_notes: statusNotes === null ? null : publicText(statusNotes, source),
    service_name: serviceName,
    service_code: source.category,
    description: publicText(source.description, source),
    agency_responsible: source.handlingUnit,
    service_notice: null,
    requested_datetime: w3cDateTime(source.receivedAt),
    updated_datetime: w3cDateTime(source.updatedAt ?? source.receivedAt),
    expected_datetime: source.deadlineAt ? w3cDateTime(source.deadlineAt) : null,
    address: source.address,
    address_id: null,
    zipcode: null,
    lat: source.lat,
    long: source.lng,
    media_url: mediaUrl,
    ...(extensions ? { extended_attributes: { detailed_status: source.status, channel: source.channel } } : {}),
  };
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// A mainland mobile number, with or without +86 and separators: 13800138000, +86 138-0013-8000.
const MOBILE = /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g;
const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;

/**
 * A complaint's text as the public may read it. Reporters write their own number or
 * address of mail into the description ("call me at …"), and staff quote it in replies:
 * e-mail addresses, mobile and identity numbers, and the reporter's own name and phone,
 * are masked wherever they stand.
 */
export function publicText(text: string, reporter: Pick<ServiceRequestSource, 'reporterName' | 'reporterEmail' | 'reporterPhone'>): string {
  let masked = text;
  if (reporter.reporterEmail) masked = replaceAll(masked, reporter.reporterEmail, maskEmail(reporter.reporterEmail), true);
  if (reporter.reporterPhone && reporter.reporterPhone.replace(/\D/g, '').length >= 5) masked = replaceAll(masked, reporter.reporterPhone, maskPhone(reporter.reporterPhone), false);
  masked = masked.replace(EMAIL, (email) => maskEmail(email)).replace(MOBILE, (phone) => maskPhone(phone)).replace(ID_NUMBER, (id) => maskIdNumber(id));
  const name = reporter.reporterName?.trim();
  if (name && Array.from(name).length >= 2) {
    for (const written of writingsOf(name)) masked = masked.replace(namePattern(written), maskName(written));
  }
  return masked;
}

/** A romanised Chinese name is written in either order: "Lei Zhao" is also "Zhao Lei". */
function writingsOf(name: string): string[] {
  const words = name.split(/\s+/);
  return words.length > 1 ? [name, [...words].reverse().join(' ')] : [name];
}

function namePattern(name: string): RegExp {
  if (/\p{Script=Han}/u.test(name)) return new RegExp(escapeRegExp(name), 'gu');
  // A Latin name only as a whole word: "Li" must not take the "li" out of "lights".
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
}

function replaceAll(text: string, value: string, replacement: string, ignoreCase: boolean): string {
  return text.replace(new RegExp(escapeRegExp(value), ignoreCase ? 'gi' : 'g'), replacement);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
