import { Type } from '@sinclair/typebox';
import { defineEvent, InvalidEventDefinitionError } from './event-definition';

const closedSchema = Type.Object(
  { complaintId: Type.String({ format: 'uuid' }), note: Type.String() },
  { additionalProperties: false },
);
const example = { complaintId: '0194f3a2-7c1e-7a4b-9d2e-5f6a7b8c9d0e', note: 'x' };

function specification(overrides: Record<string, unknown> = {}) {
  return {
    type: 'complaints.complaint.noted.v3',
    topic: 'complaints.complaint.v1',
    subjectField: 'complaintId' as const,
    schema: closedSchema,
    description: 'A note was added.',
    examples: [example] as [typeof example],
    ...overrides,
  };
}

describe('defineEvent', () => {
  it('parses the version from the type name and derives the dataschema URN', () => {
    const definition = defineEvent(specification());
    expect(definition.version).toBe(3);
    expect(definition.dataschema).toBe('urn:civicflow:schema:complaints.complaint.noted.v3');
  });

  it('refuses a topic that is not in the registry', () => {
    expect(() => defineEvent(specification({ topic: 'complaints.notes.v1' }))).toThrow(InvalidEventDefinitionError);
    expect(() => defineEvent(specification({ topic: 'complaints.notes.v1' }))).toThrow(/'complaints.notes.v1' is not in TOPICS/);
  });

  it("refuses a topic that is not the stream of the type's domain and entity", () => {
    expect(() => defineEvent(specification({ topic: 'enforcement.case.v1' }))).toThrow(/not the stream of complaints.complaint/);
  });

  it.each(['complaints.complaint.noted', 'Complaints.complaint.noted.v1', 'complaints.complaint.v1', 'complaints.complaint.noted.v'])(
    'refuses the badly formed type name %s',
    (type) => {
      expect(() => defineEvent(specification({ type }))).toThrow(/<domain>.<entity>.<past-verb>.v<N>/);
    },
  );

  it('refuses a schema whose root object is open', () => {
    const open = Type.Object({ complaintId: Type.String() });
    expect(() => defineEvent(specification({ schema: open }))).toThrow(/object at '\/' must set additionalProperties: false/);
  });

  it('refuses a schema with an open nested object', () => {
    const nestedOpen = Type.Object(
      { complaintId: Type.String(), location: Type.Object({ lat: Type.Number() }) },
      { additionalProperties: false },
    );
    expect(() => defineEvent(specification({ schema: nestedOpen }))).toThrow(/'\/location' must set additionalProperties: false/);
  });

  it('refuses a subject field that is optional or not a string', () => {
    const optionalId = Type.Object({ complaintId: Type.Optional(Type.String()) }, { additionalProperties: false });
    expect(() => defineEvent(specification({ schema: optionalId }))).toThrow(/subject field 'complaintId'/);
    const numericId = Type.Object({ complaintId: Type.Integer() }, { additionalProperties: false });
    expect(() => defineEvent(specification({ schema: numericId }))).toThrow(/subject field 'complaintId'/);
  });
});
