import type { Static, TObject } from '@sinclair/typebox';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ConfigurationError } from './configuration-error';
import { DEVELOPMENT_JWT_SECRET } from './shared-variables';

export type Environment = Readonly<Record<string, string | undefined>>;

const ajv = new Ajv({ allErrors: true, coerceTypes: true, useDefaults: true, strict: true });
addFormats(ajv);
const validators = new WeakMap<TObject, ValidateFunction>();

/**
 * Reads the variables the schema declares from the environment, applies defaults and
 * types, and throws one ConfigurationError naming every bad or missing variable, so
 * that an operator fixes them all in one go instead of one restart per mistake.
 */
export function loadConfig<T extends TObject>(schema: T, env: Environment = process.env): Static<T> {
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(schema.properties)) {
    const raw = env[name];
    // Compose files and CI templates pass unset variables as empty strings.
    if (raw !== undefined && raw.trim() !== '') values[name] = raw.trim();
  }
  const validate = validatorFor(schema);
  const problems = validate(values) ? [] : describeErrors(validate.errors ?? []);
  if (problems.length === 0) problems.push(...crossVariableProblems(schema, values, env));
  if (problems.length > 0) throw new ConfigurationError(problems);
  return Object.freeze(values) as Static<T>;
}

function validatorFor(schema: TObject): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

function describeErrors(errors: readonly ErrorObject[]): string[] {
  const lines = errors.map((error) => {
    if (error.keyword === 'required') return `${String(error.params['missingProperty'])} is required`;
    const name = error.instancePath.replace(/^\//, '');
    const allowed = error.keyword === 'enum' ? `: ${(error.params['allowedValues'] as unknown[]).join(', ')}` : '';
    return `${name} ${error.message ?? 'is invalid'}${allowed}`;
  });
  return [...new Set(lines)];
}

function crossVariableProblems(schema: TObject, values: Record<string, unknown>, env: Environment): string[] {
  if (!('AUTH_JWT_SECRET' in schema.properties)) return [];
  const nodeEnv = values['NODE_ENV'] ?? env['NODE_ENV'];
  if (nodeEnv === 'production' && values['AUTH_JWT_SECRET'] === DEVELOPMENT_JWT_SECRET && !values['AUTH_JWKS_URL']) {
    return ['AUTH_JWT_SECRET must be set to a secret of your own (or AUTH_JWKS_URL configured) when NODE_ENV=production'];
  }
  return [];
}
