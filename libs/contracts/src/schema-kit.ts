import { Type, type SchemaOptions, type Static, type TSchema, type TString, type TUnsafe } from '@sinclair/typebox';

/**
 * Small builders shared by the event schemas. They emit plain JSON Schema (draft-07
 * compatible) so that the same object serves ajv at run time and the AsyncAPI document.
 */

/**
 * A string limited to a few values. Emitted as `enum` rather than TypeBox's union of
 * literals, whose `anyOf` makes ajv report one error per alternative.
 */
export function StringEnum<const T extends readonly string[]>(values: T, options: SchemaOptions = {}): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}

/** `type: [<type>, 'null']`, for the same reason as StringEnum (one error, not three). */
export function Nullable<T extends TString>(schema: T, options: SchemaOptions = {}): TUnsafe<Static<T> | null> {
  // Object.entries drops TypeBox's symbol keys, so the result is not mistaken for a TString.
  const { type, ...constraints } = Object.fromEntries(Object.entries(schema as TSchema)) as { type: string };
  return Type.Unsafe<Static<T> | null>({ ...constraints, ...options, type: [type, 'null'] });
}

export const Uuid = (options: SchemaOptions = {}): TString => Type.String({ format: 'uuid', ...options });

/** RFC 3339 with a time zone, e.g. `2026-03-01T08:15:00Z`. */
export const DateTime = (options: SchemaOptions = {}): TString => Type.String({ format: 'date-time', ...options });

export const EVENT_TYPE_PATTERN = /^[a-z]+\.[a-z-]+\.[a-z-]+\.v[0-9]+$/;
