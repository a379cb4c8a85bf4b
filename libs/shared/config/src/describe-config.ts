import type { TObject, TSchema } from '@sinclair/typebox';

export interface ConfigVariableRow {
  name: string;
  required: boolean;
  /** The default as it would be written in the environment; undefined when there is none. */
  default: string | undefined;
  description: string;
}

export function describeConfig(schema: TObject): ConfigVariableRow[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, property]: [string, TSchema]) => ({
    name,
    required: required.has(name) && property['default'] === undefined,
    default: property['default'] === undefined ? undefined : String(property['default']),
    description: typeof property['description'] === 'string' ? property['description'] : '',
  }));
}

/** The Markdown table the README carries, so that a test can keep the two in step. */
export function renderConfigTable(schema: TObject): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = describeConfig(schema).map((row) => {
    const defaultCell = row.default === undefined ? (row.required ? '(required)' : '(unset)') : `\`${row.default}\``;
    return `| \`${row.name}\` | ${escape(defaultCell)} | ${escape(row.description)} |`;
  });
  return ['| variable | default | description |', '| --- | --- | --- |', ...rows].join('\n');
}
