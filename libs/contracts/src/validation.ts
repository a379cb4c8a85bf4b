import { Type } from '@sinclair/typebox';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { findEventDefinition } from './catalogue';
import { CLOUDEVENTS_SPEC_VERSION, dataSchemaUrn, EVENT_CONTENT_TYPE } from './envelope';
import { DateTime, EVENT_TYPE_PATTERN } from './schema-kit';

export type ValidationResult = { valid: true } | { valid: false; errors: string[] };

export class InvalidEventError extends Error {
  constructor(
    readonly eventType: string,
    readonly errors: string[],
  ) {
    super(`Invalid ${eventType} event: ${errors.join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

const NonEmpty = (description: string) => Type.String({ minLength: 1, description });

/**
 * The envelope is closed, like the data: an unknown attribute is more likely a mistake
 * (or personal data in the wrong place) than an extension we forgot to declare.
 */
export const CloudEventAttributesSchema = Type.Object(
  {
    specversion: Type.Literal(CLOUDEVENTS_SPEC_VERSION),
    id: NonEmpty('Unique per source.'),
    source: Type.String({ minLength: 1, format: 'uri-reference', description: 'The producing service.' }),
    type: Type.String({ pattern: EVENT_TYPE_PATTERN.source, description: 'The versioned event type.' }),
    time: DateTime({ description: 'When it happened.' }),
    subject: NonEmpty('The aggregate id; also the Kafka key.'),
    datacontenttype: Type.Literal(EVENT_CONTENT_TYPE),
    dataschema: NonEmpty('URN of the schema of data.'),
    correlationid: NonEmpty('The request or process that started the chain.'),
    causationid: Type.Optional(NonEmpty('The event that caused this one.')),
    data: Type.Unknown(),
  },
  { additionalProperties: false },
);

// One instance for the process: ajv compiles each schema to a function once, and
// compiling is by far the expensive part.
const ajv = addFormats(new Ajv({ strict: true, allErrors: true, allowUnionTypes: true }));
const validatorsByType = new Map<string, ValidateFunction>();
let envelopeValidator: ValidateFunction | undefined;

export function validateEventData(type: string, data: unknown): ValidationResult {
  const validate = dataValidatorFor(type);
  if (!validate) {
    return { valid: false, errors: [unknownTypeMessage(type)] };
  }
  return validate(data) ? { valid: true } : { valid: false, errors: describeErrors(validate.errors) };
}

/** Checks the CloudEvents attributes and then the data against its type's schema. */
export function validateEnvelope(value: unknown): ValidationResult {
  envelopeValidator ??= ajv.compile(CloudEventAttributesSchema);
  if (!envelopeValidator(value)) {
    return { valid: false, errors: describeErrors(envelopeValidator.errors) };
  }
  const event = value as { type: string; subject: string; dataschema: string; data: unknown };
  const definition = findEventDefinition(event.type);
  if (!definition) {
    return { valid: false, errors: [`/type ${unknownTypeMessage(event.type)}`] };
  }
  const errors: string[] = [];
  if (event.dataschema !== definition.dataschema) {
    errors.push(`/dataschema must be '${dataSchemaUrn(event.type)}' for type ${event.type}, got '${event.dataschema}'`);
  }
  const dataResult = validateEventData(event.type, event.data);
  if (!dataResult.valid) {
    errors.push(...dataResult.errors.map((error) => `/data${error.startsWith('/ ') ? error.slice(1) : error}`));
  } else {
    const subjectValue = (event.data as Record<string, unknown>)[definition.subjectField];
    if (event.subject !== subjectValue) {
      // The subject is the Kafka key: a wrong one puts the event on another aggregate's partition, out of order.
      errors.push(`/subject must equal /data/${definition.subjectField} ('${String(subjectValue)}'), got '${event.subject}'`);
    }
  }
  return errors.length ? { valid: false, errors } : { valid: true };
}

function dataValidatorFor(type: string): ValidateFunction | undefined {
  const cached = validatorsByType.get(type);
  if (cached) {
    return cached;
  }
  const definition = findEventDefinition(type);
  if (!definition) {
    return undefined;
  }
  const validate = ajv.compile(definition.schema);
  validatorsByType.set(type, validate);
  return validate;
}

function unknownTypeMessage(type: string): string {
  return `'${type}' is not an event type in the catalogue (EVENT_CATALOGUE in @civicflow/contracts)`;
}

/** Turns ajv's errors into lines a person can act on, e.g. `/location/lat must be <= 90`. */
function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const path = error.instancePath || '/';
    switch (error.keyword) {
      case 'additionalProperties':
        return `${path} must NOT have the property '${String(error.params['additionalProperty'])}'`;
      case 'enum':
        return `${path} must be one of ${(error.params['allowedValues'] as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
      case 'const':
        return `${path} must be ${JSON.stringify(error.params['allowedValue'])}`;
      default:
        return `${path} ${error.message ?? `fails ${error.keyword}`}`;
    }
  });
}
