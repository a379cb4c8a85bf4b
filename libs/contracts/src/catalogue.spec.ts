import type { TSchema } from '@sinclair/typebox';
import { EVENT_CATALOGUE, eventsOnTopic, findEventDefinition, indexByType, isEventType } from './catalogue';
import type { EventDefinition } from './event-definition';
import { findTopic } from './topics';
import { validateEventData } from './validation';

type Data = Record<string, unknown>;

const definitions: [string, EventDefinition][] = EVENT_CATALOGUE.map((definition) => [definition.type, definition]);

/** A value of a JSON type that the property does not accept. */
function wrongTypeFor(property: TSchema): unknown {
  const types = ([] as string[]).concat(property['type'] as string | string[]);
  if (types.includes('string')) return 12345;
  if (types.includes('integer')) return 1.5;
  if (types.includes('number')) return 'not a number';
  if (types.includes('boolean')) return 'yes';
  return 'not an object';
}

/** Paths (as arrays of keys) of every object in the data, the root included. */
function objectPaths(schema: TSchema, path: string[] = []): string[][] {
  const nested = Object.entries((schema['properties'] ?? {}) as Record<string, TSchema>)
    .filter(([, property]) => property['type'] === 'object')
    .flatMap(([name, property]) => objectPaths(property, [...path, name]));
  return [path, ...nested];
}

function clone(data: unknown): Data {
  return structuredClone(data) as Data;
}

function objectAt(data: Data, path: string[]): Data {
  return path.reduce((current, key) => current[key] as Data, data);
}

describe('event catalogue', () => {
  it('keeps every version of an event type that was ever published, beside its successor', () => {
    expect(EVENT_CATALOGUE.map((definition) => definition.type)).toEqual(
      expect.arrayContaining([
        'complaints.complaint.received.v1',
        'complaints.complaint.received.v2',
        'complaints.reporter.registered.v1',
        'complaints.reporter.registered.v2',
        'notification.message.delivered.v1',
        'notification.message.failed.v1',
      ]),
    );
  });

  it('refuses to index a type declared twice', () => {
    const [first] = EVENT_CATALOGUE;
    expect(() => indexByType([first, first])).toThrow(/declared twice/);
  });

  it('finds a definition by its type and nothing for an unknown one', () => {
    expect(findEventDefinition('complaints.complaint.received.v1')?.topic).toBe('complaints.complaint.v1');
    expect(findEventDefinition('complaints.complaint.received.v9')).toBeUndefined();
    expect(isEventType('notification.message.failed.v1')).toBe(true);
    expect(isEventType('notification.message.failed')).toBe(false);
  });

  it('lists the types published on a topic', () => {
    expect(eventsOnTopic('notification.message.v1').map((definition) => definition.type)).toEqual([
      'notification.message.delivered.v1',
      'notification.message.failed.v1',
      'notification.message.served.v1',
    ]);
    expect(eventsOnTopic('rating.round.v1')).toEqual([]);
  });

  describe.each(definitions)('%s', (type, definition) => {
    const [example] = definition.examples;
    const properties = definition.schema.properties as Record<string, TSchema>;
    const required = definition.schema.required ?? [];

    it('is published on a topic of the registry', () => {
      expect(findTopic(definition.topic)).toBeDefined();
    });

    it('has a name of the form <domain>.<entity>.<past-verb>.v<N>', () => {
      expect(type).toMatch(/^[a-z]+\.[a-z-]+\.[a-z-]+\.v[0-9]+$/);
    });

    it.each(definition.examples.map((data, index) => [index + 1, data]))('accepts its example %s', (_index, data) => {
      expect(validateEventData(type, data)).toEqual({ valid: true });
    });

    it.each(required.map((field) => [field]))('rejects data without the required field %s', (field) => {
      const data = clone(example);
      delete data[field];
      expect(validateEventData(type, data)).toEqual({
        valid: false,
        errors: [`/ must have required property '${field}'`],
      });
    });

    it.each(Object.keys(properties).map((field) => [field]))('rejects data whose %s has the wrong type', (field) => {
      const data = clone(example);
      data[field] = wrongTypeFor(properties[field]);
      const result = validateEventData(type, data);
      expect(result.valid).toBe(false);
      expect(result.valid === false && result.errors.every((error) => error.startsWith(`/${field} `))).toBe(true);
    });

    it.each(objectPaths(definition.schema).map((path) => ['/' + path.join('/'), path]))(
      'rejects a personal field smuggled into the object at %s',
      (shown, path) => {
        const data = clone(example);
        objectAt(data, path)['identityNumber'] = '110101199003078515';
        expect(validateEventData(type, data)).toEqual({
          valid: false,
          errors: [`${shown} must NOT have the property 'identityNumber'`],
        });
      },
    );
  });
});
