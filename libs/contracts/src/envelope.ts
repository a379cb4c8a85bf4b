/**
 * CloudEvents 1.0 envelope as CivicFlow carries it. `correlationid` and `causationid`
 * are CloudEvents extension attributes (lower-case alphanumerics, as the spec requires).
 */
export interface CloudEvent<TData = unknown> {
  specversion: '1.0';
  /** Unique per `source`; with `source` it identifies the event (the inbox dedupes on it). */
  id: string;
  /** URI-reference of the producing service, e.g. `/civicflow/complaints`. */
  source: string;
  /** Versioned type, e.g. `complaints.complaint.received.v1`. */
  type: string;
  /** RFC 3339 time of the occurrence. */
  time: string;
  /** The aggregate id; also the Kafka message key. */
  subject: string;
  datacontenttype: 'application/json';
  /** URN of the JSON schema of `data`, e.g. `urn:civicflow:schema:complaints.complaint.received.v1`. */
  dataschema: string;
  /** Id of the request or process that started the chain of events. */
  correlationid: string;
  /** Id of the event that caused this one; absent for events caused by a request. */
  causationid?: string;
  data: TData;
}

export const CLOUDEVENTS_SPEC_VERSION = '1.0' as const;
export const EVENT_CONTENT_TYPE = 'application/json' as const;

export function dataSchemaUrn(type: string): string {
  return `urn:civicflow:schema:${type}`;
}
