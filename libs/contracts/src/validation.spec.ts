import { ComplaintReceivedV1Event } from './events/complaints/complaint-received.v1';
import { MessageDeliveredV1Event } from './events/notification/message-delivered.v1';
import { MessageFailedV1Event } from './events/notification/message-failed.v1';
import { ReporterRegisteredV1Event } from './events/complaints/reporter-registered.v1';
import { buildExampleEvent } from './example-events';
import { EVENT_CATALOGUE } from './catalogue';
import { InvalidEventError, validateEnvelope, validateEventData } from './validation';

const complaint = ComplaintReceivedV1Event.examples[0];

describe('validateEventData', () => {
  it('explains a value out of range by its path', () => {
    const result = validateEventData('complaints.complaint.received.v1', { ...complaint, location: { lat: 91, lng: 121.47 } });
    expect(result).toEqual({ valid: false, errors: ['/location/lat must be <= 90'] });
  });

  it('reports every problem at once', () => {
    const result = validateEventData('complaints.complaint.received.v1', {
      ...complaint,
      channel: 'fax',
      trackingCode: 'cf-7k3d-9qxa',
      description: '',
    });
    expect(result.valid === false && result.errors.sort()).toEqual(
      [
        '/channel must be one of "web", "open311", "hotline", "email"',
        '/description must NOT have fewer than 1 characters',
        '/trackingCode must match pattern "^CF-[0-9A-Z]{4}-[0-9A-Z]{4}$"',
      ].sort(),
    );
  });

  it('checks formats: uuid, date-time and e-mail', () => {
    expect(validateEventData('complaints.complaint.received.v1', { ...complaint, complaintId: 'c-1', receivedAt: '2026-03-02 10:15' })).toEqual({
      valid: false,
      errors: ['/complaintId must match format "uuid"', '/receivedAt must match format "date-time"'],
    });
    const reporter = ReporterRegisteredV1Event.examples[0];
    expect(validateEventData('complaints.reporter.registered.v1', { ...reporter, email: 'li.wei' })).toEqual({
      valid: false,
      errors: ['/email must match format "email"'],
    });
  });

  it('accepts a null category and rejects a missing one', () => {
    expect(validateEventData('complaints.complaint.received.v1', { ...complaint, category: null })).toEqual({ valid: true });
    expect(validateEventData('complaints.complaint.received.v1', { ...complaint, category: 7 })).toEqual({
      valid: false,
      errors: ['/category must be string,null'],
    });
  });

  it('rejects a recipient that is not masked', () => {
    const delivered = MessageDeliveredV1Event.examples[0];
    const result = validateEventData('notification.message.delivered.v1', { ...delivered, recipient: 'li.wei@example.org' });
    expect(result).toEqual({ valid: false, errors: ['/recipient must match pattern "\\*"'] });
  });

  it('rejects a non-integer or zero attempt count on a failed message', () => {
    const failed = MessageFailedV1Event.examples[0];
    expect(validateEventData('notification.message.failed.v1', { ...failed, attempts: 0 })).toEqual({
      valid: false,
      errors: ['/attempts must be >= 1'],
    });
  });

  it('rejects data that is not an object', () => {
    expect(validateEventData('complaints.complaint.received.v1', 'hello')).toEqual({ valid: false, errors: ['/ must be object'] });
  });

  it('says so when the type is not in the catalogue', () => {
    expect(validateEventData('complaints.complaint.teleported.v1', complaint)).toEqual({
      valid: false,
      errors: ["'complaints.complaint.teleported.v1' is not an event type in the catalogue (EVENT_CATALOGUE in @civicflow/contracts)"],
    });
  });
});

describe('validateEnvelope', () => {
  it.each(EVENT_CATALOGUE.map((definition) => [definition.type, definition]))('accepts the example envelope of %s', (_type, definition) => {
    expect(validateEnvelope(buildExampleEvent(definition))).toEqual({ valid: true });
  });

  const event = buildExampleEvent(ComplaintReceivedV1Event);

  it('rejects a dataschema that is not the one of the type', () => {
    const result = validateEnvelope({ ...event, dataschema: 'urn:civicflow:schema:complaints.complaint.received.v2' });
    expect(result).toEqual({
      valid: false,
      errors: [
        "/dataschema must be 'urn:civicflow:schema:complaints.complaint.received.v1' for type complaints.complaint.received.v1, got 'urn:civicflow:schema:complaints.complaint.received.v2'",
      ],
    });
  });

  it('rejects a subject that is not the aggregate id, which would break ordering by key', () => {
    const result = validateEnvelope({ ...event, subject: 'some-other-complaint' });
    expect(result).toEqual({
      valid: false,
      errors: [`/subject must equal /data/complaintId ('${complaint.complaintId}'), got 'some-other-complaint'`],
    });
  });

  it('checks the CloudEvents attributes', () => {
    const result = validateEnvelope({
      ...event,
      specversion: '0.3',
      id: '',
      time: 'yesterday',
      datacontenttype: 'text/plain',
      correlationid: undefined,
    });
    expect(result.valid === false && result.errors.sort()).toEqual(
      [
        "/ must have required property 'correlationid'",
        '/datacontenttype must be "application/json"',
        '/id must NOT have fewer than 1 characters',
        '/specversion must be "1.0"',
        '/time must match format "date-time"',
      ].sort(),
    );
  });

  it('rejects an attribute the envelope does not declare', () => {
    expect(validateEnvelope({ ...event, reporteremail: 'li.wei@example.org' })).toEqual({
      valid: false,
      errors: ["/ must NOT have the property 'reporteremail'"],
    });
  });

  it('validates the data against the schema of its type, with paths under /data', () => {
    const result = validateEnvelope({ ...event, data: { ...complaint, location: { lat: 31.2, lng: 200 }, reporterAnonymous: undefined } });
    expect(result.valid === false && result.errors.sort()).toEqual(
      ["/data must have required property 'reporterAnonymous'", '/data/location/lng must be <= 180'].sort(),
    );
  });

  it('rejects a type that is not in the catalogue', () => {
    const result = validateEnvelope({ ...event, type: 'complaints.complaint.teleported.v1' });
    expect(result.valid === false && result.errors[0]).toMatch(/^\/type 'complaints.complaint.teleported.v1' is not an event type/);
  });

  it('rejects what is not an object', () => {
    expect(validateEnvelope(null)).toEqual({ valid: false, errors: ['/ must be object'] });
  });
});

describe('InvalidEventError', () => {
  it('carries the type and the errors and lists them in its message', () => {
    const error = new InvalidEventError('complaints.complaint.received.v1', ['/location/lat must be <= 90', '/channel must be one of "web"']);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InvalidEventError');
    expect(error.eventType).toBe('complaints.complaint.received.v1');
    expect(error.errors).toHaveLength(2);
    expect(error.message).toBe(
      'Invalid complaints.complaint.received.v1 event: /location/lat must be <= 90; /channel must be one of "web"',
    );
  });
});
