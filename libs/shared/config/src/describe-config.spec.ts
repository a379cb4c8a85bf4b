import { Type } from '@sinclair/typebox';
import { describeConfig, renderConfigTable } from './describe-config';
import { databaseVariables, httpVariables, rateLimitVariables, runtimeVariables } from './shared-variables';

const schema = Type.Object({
  ...httpVariables(3000),
  ...runtimeVariables,
  ...databaseVariables,
  ...rateLimitVariables,
  SMTP_HOST: Type.String({ description: 'Mail relay host.' }),
});

describe('describeConfig', () => {
  it('gives name, default and description of each variable', () => {
    const rows = describeConfig(schema);
    expect(rows.find((row) => row.name === 'PORT')).toEqual({
      name: 'PORT',
      required: false,
      default: '3000',
      description: 'TCP port the HTTP server listens on.',
    });
    expect(rows.find((row) => row.name === 'DATABASE_URL')).toMatchObject({ required: false, default: undefined });
    expect(rows.find((row) => row.name === 'SMTP_HOST')).toMatchObject({ required: true, default: undefined });
  });

  it('documents every shared variable', () => {
    for (const row of describeConfig(schema)) expect(row.description).not.toBe('');
  });

  it('renders a Markdown table with one row per variable', () => {
    const table = renderConfigTable(schema).split('\n');
    expect(table).toHaveLength(2 + Object.keys(schema.properties).length);
    expect(table).toContain('| `LOG_LEVEL` | `info` | Lowest level written to the JSON log. |');
    expect(table).toContain('| `SMTP_HOST` | (required) | Mail relay host. |');
    expect(table.find((line) => line.startsWith('| `DATABASE_URL`'))).toContain('| (unset) |');
  });
});
