import { isEmail } from 'class-validator';
import type { Location } from '../domain/complaint';
import type { CategoryLocale } from '../taxonomy/domain/category';
import { badParameter } from './open311-error';
import { type Open311Params, refuseUnknown, single } from './open311-params';
import { isAttributeParam, readAttributes, type ServiceRequestAttributes } from './open311-services';

/** The parameters of POST requests in GeoReport v2, plus `locale`; `device_id`, `account_id` and `address_id` are accepted and not used. */
const POST_PARAMS = new Set([
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
  'locale',
]);

const LIMITS = { description: 5000, address: 500, name: 100, email: 320, url: 2048 } as const;
const PHONE = /^\+?[0-9 ()-]{5,30}$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const HAN = /\p{Script=Han}/u;

export interface ServiceRequestForm {
  location: Location;
  description?: string;
  mediaUrl?: string;
  reporter: { name?: string; email?: string; phone?: string };
  attributes: ServiceRequestAttributes;
}

export function readServiceCode(params: Open311Params): string {
  const serviceCode = single(params, 'service_code');
  if (serviceCode === undefined) throw badParameter('service_code is required: the code of one of the services at services.json');
  return serviceCode;
}

/** Everything of a POST but the api_key, jurisdiction and service code, which are checked first. */
export function readServiceRequestForm(params: Open311Params): ServiceRequestForm {
  refuseUnknown(params, POST_PARAMS, isAttributeParam);
  const firstName = text(params, 'first_name', LIMITS.name);
  const lastName = text(params, 'last_name', LIMITS.name);
  const email = text(params, 'email', LIMITS.email);
  if (email !== undefined && !isEmail(email)) throw badParameter('email must be an e-mail address');
  const phone = single(params, 'phone');
  if (phone !== undefined && !PHONE.test(phone)) throw badParameter('phone must be a phone number of digits, spaces, +, - and parentheses');
  const name = fullName(firstName, lastName);
  return {
    location: readLocation(params),
    description: text(params, 'description', LIMITS.description),
    mediaUrl: readMediaUrl(params),
    reporter: { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) },
    attributes: readAttributes(params),
  };
}

function readLocation(params: Open311Params): Location {
  const lat = coordinate(params, 'lat', 90);
  const long = coordinate(params, 'long', 180);
  const address = text(params, 'address_string', LIMITS.address);
  if ((lat === undefined) !== (long === undefined)) throw badParameter('lat and long go together: give both, or address_string instead');
  if (lat === undefined && address === undefined) {
    const addressId = single(params, 'address_id') !== undefined ? ' (address_id is not resolved by this endpoint)' : '';
    throw badParameter(`a location is required: lat and long, or address_string${addressId}`);
  }
  return { ...(lat !== undefined ? { lat, lng: long } : {}), ...(address !== undefined ? { address } : {}) };
}

function coordinate(params: Open311Params, name: 'lat' | 'long', limit: number): number | undefined {
  const raw = single(params, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!DECIMAL.test(raw) || !Number.isFinite(value) || Math.abs(value) > limit) throw badParameter(`${name} must be a decimal number from -${limit} to ${limit} (WGS 84)`);
  return value;
}

function readMediaUrl(params: Open311Params): string | undefined {
  const raw = text(params, 'media_url', LIMITS.url);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badParameter('media_url must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badParameter('media_url must be an absolute http or https URL');
  return url.toString();
}

function text(params: Open311Params, name: string, maxLength: number): string | undefined {
  const value = single(params, name);
  if (value !== undefined && Array.from(value).length > maxLength) throw badParameter(`${name} must be at most ${maxLength} characters`);
  return value;
}

/** Chinese names are written family name first, without a space: 王 + 芳 → 王芳. */
export function fullName(firstName: string | undefined, lastName: string | undefined): string | undefined {
  if (!firstName || !lastName) return firstName ?? lastName;
  return HAN.test(firstName) && HAN.test(lastName) ? `${lastName}${firstName}` : `${firstName} ${lastName}`;
}

const LOCATION_DETAIL_LABEL: Readonly<Record<CategoryLocale, string>> = { 'zh-CN': '具体位置', en: 'Exact location' };

/**
 * The complaint's text. A GeoReport description is optional (a client may send only the
 * service), but a complaint needs one: the service's name stands in. The location detail
 * attribute joins it, since it is what the handler reads on the way.
 */
export function complaintDescription(form: Pick<ServiceRequestForm, 'description' | 'attributes'>, serviceName: string, locale: CategoryLocale): string {
  const description = form.description ?? serviceName;
  const detail = form.attributes.locationDetail;
  return detail ? `${description}\n${LOCATION_DETAIL_LABEL[locale]}: ${detail}` : description;
}
