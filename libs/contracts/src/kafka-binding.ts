import { CLOUDEVENTS_SPEC_VERSION, EVENT_CONTENT_TYPE, type CloudEvent } from './envelope';

/**
 * CloudEvents Kafka protocol binding, binary content mode: the attributes travel as
 * `ce_<attribute>` headers, the data as the JSON value, and the subject (the aggregate
 * id) as the key, so that one aggregate's events share a partition and stay in order.
 * Pure functions: the Kafka client itself lives behind the messaging library.
 */
export interface KafkaBinaryMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export type KafkaHeaderValue = Buffer | string | (Buffer | string)[] | undefined;

export interface IncomingKafkaMessage {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, KafkaHeaderValue>;
}

export class MalformedMessageError extends Error {
  constructor(message: string) {
    super(`Malformed CloudEvents Kafka message: ${message}`);
    this.name = 'MalformedMessageError';
  }
}

export const CONTENT_TYPE_HEADER = 'content-type';

const REQUIRED_ATTRIBUTES = ['specversion', 'id', 'source', 'type', 'time', 'subject', 'dataschema', 'correlationid'] as const;
const OPTIONAL_ATTRIBUTES = ['causationid'] as const;
type BoundAttribute = (typeof REQUIRED_ATTRIBUTES)[number] | (typeof OPTIONAL_ATTRIBUTES)[number];

export function ceHeader(attribute: BoundAttribute): string {
  return `ce_${attribute}`;
}

/** The headers that carry an event's attributes, as they go on the wire. */
export function toBinaryHeaders(event: CloudEvent): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const attribute of REQUIRED_ATTRIBUTES) {
    headers[ceHeader(attribute)] = event[attribute];
  }
  for (const attribute of OPTIONAL_ATTRIBUTES) {
    const value = event[attribute];
    if (value !== undefined) {
      headers[ceHeader(attribute)] = value;
    }
  }
  headers[CONTENT_TYPE_HEADER] = event.datacontenttype;
  return headers;
}

export function toBinaryMessage(event: CloudEvent): KafkaBinaryMessage {
  return { key: event.subject, value: JSON.stringify(event.data), headers: toBinaryHeaders(event) };
}

/**
 * Reads an event back from a Kafka message. Checks the shape of the message only; the
 * consumer validates the event against the catalogue with `validateEnvelope`.
 */
export function fromBinaryMessage({ key, value, headers = {} }: IncomingKafkaMessage): CloudEvent {
  const attributes: Partial<Record<BoundAttribute, string>> = {};
  const missing: string[] = [];
  for (const attribute of REQUIRED_ATTRIBUTES) {
    const header = readHeader(headers, ceHeader(attribute));
    if (header === undefined || header === '') {
      missing.push(ceHeader(attribute));
    } else {
      attributes[attribute] = header;
    }
  }
  const contentType = readHeader(headers, CONTENT_TYPE_HEADER);
  if (contentType === undefined) {
    missing.push(CONTENT_TYPE_HEADER);
  }
  if (missing.length) {
    throw new MalformedMessageError(`missing header(s) ${missing.join(', ')}`);
  }
  if (attributes.specversion !== CLOUDEVENTS_SPEC_VERSION) {
    throw new MalformedMessageError(`ce_specversion is '${attributes.specversion}', only '${CLOUDEVENTS_SPEC_VERSION}' is understood`);
  }
  // Media types are case-insensitive and may carry parameters such as charset.
  const mediaType = contentType?.split(';')[0].trim().toLowerCase();
  if (mediaType !== EVENT_CONTENT_TYPE) {
    throw new MalformedMessageError(`content-type is '${contentType}', expected '${EVENT_CONTENT_TYPE}'`);
  }
  const subject = attributes.subject as string;
  const keyText = key === null || key === undefined ? undefined : asText(key);
  if (keyText !== undefined && keyText !== '' && keyText !== subject) {
    throw new MalformedMessageError(`the key '${keyText}' differs from ce_subject '${subject}'`);
  }

  const causationid = readHeader(headers, ceHeader('causationid'));
  return {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id: attributes.id as string,
    source: attributes.source as string,
    type: attributes.type as string,
    time: attributes.time as string,
    subject,
    datacontenttype: EVENT_CONTENT_TYPE,
    dataschema: attributes.dataschema as string,
    correlationid: attributes.correlationid as string,
    ...(causationid ? { causationid } : {}),
    data: parseData(value, attributes.type as string),
  };
}

function readHeader(headers: Record<string, KafkaHeaderValue>, name: string): string | undefined {
  const raw = headers[name];
  if (Array.isArray(raw)) {
    // kafkajs returns an array when a header repeats; two values for one attribute is ambiguous.
    if (raw.length > 1) {
      throw new MalformedMessageError(`header ${name} appears ${raw.length} times`);
    }
    return raw[0] === undefined ? undefined : asText(raw[0]);
  }
  return raw === undefined ? undefined : asText(raw);
}

function asText(value: Buffer | string): string {
  return typeof value === 'string' ? value : value.toString('utf8');
}

function parseData(value: Buffer | string | null, type: string): unknown {
  if (value === null || value.length === 0) {
    throw new MalformedMessageError(`the ${type} message has no value`);
  }
  try {
    return JSON.parse(asText(value));
  } catch (error) {
    throw new MalformedMessageError(`the value of the ${type} message is not JSON (${(error as Error).message})`);
  }
}
