import type { Static, TObject, TSchema } from '@sinclair/typebox';
import { dataSchemaUrn } from './envelope';
import { EVENT_TYPE_PATTERN } from './schema-kit';
import { findTopic } from './topics';

/** One versioned event type: the single source for its TS type, its validation and its AsyncAPI message. */
export interface EventDefinition<S extends TObject = TObject, T extends string = string> {
  /** `<domain>.<entity>.<past-verb>.v<N>`. */
  readonly type: T;
  /** The N of `.v<N>`. */
  readonly version: number;
  readonly topic: string;
  /** The value of the CloudEvents `dataschema` attribute. */
  readonly dataschema: string;
  /** The field of `data` whose value is the CloudEvents `subject` and the Kafka key. */
  readonly subjectField: string;
  readonly schema: S;
  readonly description: string;
  readonly examples: readonly Static<S>[];
}

export interface EventSpecification<S extends TObject, T extends string> {
  type: T;
  topic: string;
  subjectField: keyof Static<S> & string;
  schema: S;
  description: string;
  examples: [Static<S>, ...Static<S>[]];
}

export class InvalidEventDefinitionError extends Error {
  constructor(
    readonly eventType: string,
    problem: string,
  ) {
    super(`Event definition '${eventType}' is invalid: ${problem}`);
    this.name = 'InvalidEventDefinitionError';
  }
}

/**
 * Declares an event type. Checks the naming and privacy rules here, when the module
 * loads, so that a broken contract fails every test and every service at start rather
 * than in production traffic.
 */
export function defineEvent<S extends TObject, const T extends string>(
  specification: EventSpecification<S, T>,
): EventDefinition<S, T> {
  const { type, topic, subjectField, schema, description, examples } = specification;
  const fail = (problem: string): never => {
    throw new InvalidEventDefinitionError(type, problem);
  };

  if (!EVENT_TYPE_PATTERN.test(type)) {
    fail(`the name must match ${EVENT_TYPE_PATTERN} (<domain>.<entity>.<past-verb>.v<N>)`);
  }
  if (!findTopic(topic)) {
    fail(`its topic '${topic}' is not in TOPICS`);
  }
  const [domain, entity] = type.split('.');
  if (!topic.startsWith(`${domain}.${entity}.`)) {
    fail(`its topic '${topic}' is not the stream of ${domain}.${entity}`);
  }
  const subjectSchema = schema.properties[subjectField] as TSchema | undefined;
  if (subjectSchema?.['type'] !== 'string' || !schema.required?.includes(subjectField)) {
    fail(`its subject field '${subjectField}' must be a required string property`);
  }
  const openObject = findOpenObject(schema, '');
  if (openObject !== undefined) {
    // A closed schema is what stops a producer from adding personal data to a public event.
    fail(`the object at '${openObject || '/'}' must set additionalProperties: false`);
  }
  if (!description.trim()) {
    fail('it needs a description');
  }

  return Object.freeze({
    type,
    version: Number(type.slice(type.lastIndexOf('.v') + 2)),
    topic,
    dataschema: dataSchemaUrn(type),
    subjectField,
    schema,
    description,
    examples: Object.freeze([...examples]),
  });
}

/** The path of the first object schema that allows undeclared properties, if any. */
function findOpenObject(schema: TSchema, path: string): string | undefined {
  const isObject = schema['type'] === 'object' || (Array.isArray(schema['type']) && schema['type'].includes('object'));
  if (isObject && schema['additionalProperties'] !== false) {
    return path;
  }
  const children: [string, TSchema][] = [];
  for (const [name, child] of Object.entries((schema['properties'] ?? {}) as Record<string, TSchema>)) {
    children.push([`${path}/${name}`, child]);
  }
  if (schema['items']) {
    children.push([`${path}/items`, schema['items'] as TSchema]);
  }
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const child of (schema[keyword] ?? []) as TSchema[]) {
      children.push([path, child]);
    }
  }
  for (const [childPath, child] of children) {
    const found = findOpenObject(child, childPath);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}
