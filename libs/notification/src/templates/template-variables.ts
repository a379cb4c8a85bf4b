import type { TSchema } from '@sinclair/typebox';
import { findEventDefinition } from '@civicflow/contracts';

/** The types a template may declare for a variable; each says how the value is written in the recipient's language. */
export const VARIABLE_TYPES = ['string', 'date', 'datetime', 'number', 'money', 'url', 'boolean'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

/** What an event (or an audience) can supply for a variable, read from its contract's schema. */
export type SuppliedType = 'string' | 'date' | 'datetime' | 'integer' | 'number' | 'url' | 'boolean';

export const AUDIENCE_KINDS = ['reporter', 'merchant', 'staff', 'department'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

/** A variable the event supplies, with whether a given event may leave it out (a template puts it in a section). */
export interface SuppliedVariable {
  type: SuppliedType;
  optional: boolean;
}

// A declared type accepts these supplied types: a money amount is an integer of fen, a date may come from a date-time.
const ACCEPTS: Record<VariableType, readonly SuppliedType[]> = {
  string: ['string', 'url'],
  date: ['date', 'datetime'],
  datetime: ['datetime'],
  number: ['number', 'integer'],
  money: ['integer'],
  url: ['url'],
  boolean: ['boolean'],
};

export const VARIABLE_NAME = /^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)*$/;

export function accepts(declared: VariableType, supplied: SuppliedType): boolean {
  return ACCEPTS[declared].includes(supplied);
}

export function isVariableType(value: unknown): value is VariableType {
  return typeof value === 'string' && (VARIABLE_TYPES as readonly string[]).includes(value);
}

/**
 * The variables an event type supplies to a template: the scalar fields of its data (nested
 * objects by dotted path, e.g. `route.handlingUnit`; lists and unions are left out), plus
 * `trackingUrl` where it carries a tracking code, plus what the audience adds about the
 * recipient. Undefined for a type the catalogue does not know.
 */
export function suppliedVariables(eventType: string, audience: AudienceKind): Map<string, SuppliedVariable> | undefined {
  const definition = findEventDefinition(eventType);
  if (!definition) return undefined;
  const variables = new Map<string, SuppliedVariable>();
  collect(definition.schema, '', false, variables);
  if (variables.has('trackingCode')) variables.set('trackingUrl', { type: 'url', optional: false });
  if (audience === 'reporter') variables.set('reporterName', { type: 'string', optional: true });
  if (audience === 'merchant') {
    variables.set('businessName', { type: 'string', optional: false });
    variables.set('contactName', { type: 'string', optional: false });
  }
  return variables;
}

function collect(schema: TSchema, prefix: string, optional: boolean, into: Map<string, SuppliedVariable>): void {
  const required = new Set<string>((schema['required'] as string[] | undefined) ?? []);
  for (const [name, child] of Object.entries((schema['properties'] ?? {}) as Record<string, TSchema>)) {
    const path = prefix ? `${prefix}.${name}` : name;
    const childOptional = optional || !required.has(name);
    const types = ([] as unknown[]).concat(child['type'] ?? []);
    if (types.includes('object')) {
      collect(child, path, childOptional, into);
      continue;
    }
    const type = scalarType(types, child['format'] as string | undefined) ?? nullableScalar(child);
    if (type) into.set(path, { type, optional: childOptional || types.includes('null') || Array.isArray(child['anyOf']) });
  }
}

/** `X or null` (a union in the contract): the type of X; other unions supply nothing. */
function nullableScalar(schema: TSchema): SuppliedType | undefined {
  const members = ((schema['anyOf'] ?? []) as TSchema[]).filter((member) => member['type'] !== 'null');
  if (members.length !== 1) return undefined;
  return scalarType(([] as unknown[]).concat(members[0]['type'] ?? []), members[0]['format'] as string | undefined);
}

function scalarType(types: unknown[], format: string | undefined): SuppliedType | undefined {
  if (types.includes('string')) return format === 'date-time' ? 'datetime' : format === 'date' ? 'date' : format === 'uri' ? 'url' : 'string';
  if (types.includes('integer')) return 'integer';
  if (types.includes('number')) return 'number';
  if (types.includes('boolean')) return 'boolean';
  return undefined;
}

/** Why the declared variables cannot all be filled from this event for this audience; empty when they can. */
export function unsuppliedVariables(declared: Record<string, VariableType>, eventType: string, audience: AudienceKind): string[] {
  const supplied = suppliedVariables(eventType, audience);
  if (!supplied) return [`event type ${eventType} is not in the catalogue`];
  const problems: string[] = [];
  for (const [name, type] of Object.entries(declared)) {
    // An unknown type is the template check's to report.
    if (!isVariableType(type)) continue;
    const offer = supplied.get(name);
    if (!offer) problems.push(`variable ${name} is not supplied by ${eventType} to the ${audience} audience`);
    else if (!accepts(type, offer.type)) problems.push(`variable ${name} is declared ${type} but ${eventType} supplies a ${offer.type}`);
  }
  return problems;
}
