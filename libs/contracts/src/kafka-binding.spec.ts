import { EVENT_CATALOGUE } from './catalogue';
import type { CloudEvent } from './envelope';
import { ComplaintReceivedV1Event } from './events/complaints/complaint-received.v1';
import { buildExampleEvent } from './example-events';
import { fromBinaryMessage, MalformedMessageError, toBinaryMessage } from './kafka-binding';

/** What kafkajs hands a consumer: Buffers everywhere. */
function asReceived(message: { key: string; value: string; headers: Record<string, string> }) {
  return {
    key: Buffer.from(message.key),
    value: Buffer.from(message.value),
    headers: Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, Buffer.from(value)])),
  };
}

const event: CloudEvent = { ...buildExampleEvent(ComplaintReceivedV1Event), causationid: 'evt-41' };

describe('CloudEvents Kafka binding (binary mode)', () => {
  it('puts the attributes in ce_ headers, the subject in the key and the data as JSON in the value', () => {
    const message = toBinaryMessage(event);
    expect(message.key).toBe(event.subject);
    expect(JSON.parse(message.value)).toEqual(event.data);
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_source: event.source,
      ce_type: 'complaints.complaint.received.v1',
      ce_time: event.time,
      ce_subject: event.subject,
      ce_dataschema: 'urn:civicflow:schema:complaints.complaint.received.v1',
      ce_correlationid: event.correlationid,
      ce_causationid: 'evt-41',
      'content-type': 'application/json',
    });
  });

  it('leaves out ce_causationid when the event has no cause', () => {
    const { causationid: _none, ...caused } = event;
    expect(toBinaryMessage(caused as CloudEvent).headers).not.toHaveProperty('ce_causationid');
    expect(fromBinaryMessage(asReceived(toBinaryMessage(caused as CloudEvent)))).not.toHaveProperty('causationid');
  });

  it.each(EVENT_CATALOGUE.map((definition) => [definition.type, definition]))('round-trips a %s event through Buffers', (_type, definition) => {
    const original = buildExampleEvent(definition);
    expect(fromBinaryMessage(asReceived(toBinaryMessage(original)))).toEqual(original);
  });

  it('round-trips an event with a causation id through strings', () => {
    expect(fromBinaryMessage(toBinaryMessage(event))).toEqual(event);
  });

  it('accepts a header that kafkajs delivered as a one-element array, and a missing key', () => {
    const message = asReceived(toBinaryMessage(event));
    const headers = { ...message.headers, ce_type: [message.headers['ce_type']] };
    expect(fromBinaryMessage({ value: message.value, headers }).type).toBe(event.type);
  });

  it('accepts a content-type with parameters', () => {
    const message = toBinaryMessage(event);
    const received = fromBinaryMessage({ ...message, headers: { ...message.headers, 'content-type': 'Application/JSON; charset=utf-8' } });
    expect(received.datacontenttype).toBe('application/json');
  });

  it('rejects a message without ce_type', () => {
    const { ce_type: _type, ...headers } = toBinaryMessage(event).headers;
    expect(() => fromBinaryMessage({ ...toBinaryMessage(event), headers })).toThrow(MalformedMessageError);
    expect(() => fromBinaryMessage({ ...toBinaryMessage(event), headers })).toThrow(/missing header\(s\) ce_type/);
  });

  it('names every missing header at once', () => {
    expect(() => fromBinaryMessage({ key: null, value: '{}', headers: { ce_type: 'x' } })).toThrow(
      'Malformed CloudEvents Kafka message: missing header(s) ce_specversion, ce_id, ce_source, ce_time, ce_subject, ce_dataschema, ce_correlationid, content-type',
    );
  });

  it('rejects a value that is not JSON', () => {
    const message = toBinaryMessage(event);
    expect(() => fromBinaryMessage({ ...message, value: Buffer.from('<complaint/>') })).toThrow(
      /the value of the complaints.complaint.received.v1 message is not JSON/,
    );
  });

  it('rejects a message with no value', () => {
    expect(() => fromBinaryMessage({ ...toBinaryMessage(event), value: null })).toThrow(/has no value/);
  });

  it('rejects a content type other than JSON', () => {
    const message = toBinaryMessage(event);
    expect(() => fromBinaryMessage({ ...message, headers: { ...message.headers, 'content-type': 'application/avro' } })).toThrow(
      /content-type is 'application\/avro'/,
    );
  });

  it('rejects another CloudEvents version', () => {
    const message = toBinaryMessage(event);
    expect(() => fromBinaryMessage({ ...message, headers: { ...message.headers, ce_specversion: '0.3' } })).toThrow(/ce_specversion is '0.3'/);
  });

  it('rejects a key that differs from the subject', () => {
    expect(() => fromBinaryMessage({ ...toBinaryMessage(event), key: 'another-complaint' })).toThrow(/differs from ce_subject/);
  });

  it('rejects an attribute header that appears twice', () => {
    const message = toBinaryMessage(event);
    const headers = { ...message.headers, ce_id: ['a', 'b'] };
    expect(() => fromBinaryMessage({ ...message, headers })).toThrow(/header ce_id appears 2 times/);
  });
});
