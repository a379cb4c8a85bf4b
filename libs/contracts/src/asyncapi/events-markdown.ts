import type { TSchema } from '@sinclair/typebox';
import { EVENT_CATALOGUE } from '../catalogue';
import type { EventDefinition } from '../event-definition';
import { TOPICS, type TopicDefinition } from '../topics';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The human-readable catalogue (EVENTS.md), generated from the same definitions as asyncapi.json. */
export function renderEventCatalogueMarkdown(): string {
  const lines: string[] = [
    '# CivicFlow event catalogue',
    '',
    '<!-- Generated from libs/contracts/src by `npm run asyncapi:generate`; edit the definitions, not this file. -->',
    '',
    'Every event is a CloudEvents 1.0 event in Kafka binary content mode: attributes in `ce_*` headers',
    '(`ce_id`, `ce_source`, `ce_type`, `ce_time`, `ce_subject`, `ce_dataschema`, `ce_correlationid`,',
    '`ce_causationid`), `content-type: application/json`, the data as the JSON value and the subject',
    "(the aggregate id) as the key. Every data object is closed (`additionalProperties: false`).",
    'Dead letters go to `<topic>.dlq.<consumer group>`. The machine-readable form is `asyncapi.json`.',
    '',
    '## Topics',
    '',
    row(['topic', 'key', 'partitions', 'retention', 'audience', 'event types']),
    row(['---', '---', '---', '---', '---', '---']),
    ...TOPICS.map((topic) =>
      row([
        code(topic.name),
        topic.key,
        String(topic.partitions),
        formatRetention(topic.retentionMs),
        topic.audience,
        String(eventsOn(topic).length),
      ]),
    ),
  ];

  for (const topic of TOPICS) {
    lines.push('', `## ${code(topic.name)}`, '', topic.description, '');
    lines.push(`- key: ${topic.key}`, `- partitions: ${topic.partitions}`, `- retention: ${formatRetention(topic.retentionMs)}`);
    lines.push(`- audience: ${topic.audience}`);
    const events = eventsOn(topic);
    if (!events.length) {
      lines.push('', 'No event types defined yet; they are added with the service that publishes them.');
    }
    for (const definition of events) {
      lines.push('', `### ${code(definition.type)}`, '', definition.description, '');
      lines.push(`dataschema: ${code(definition.dataschema)}; subject and key: ${code(definition.subjectField)}`, '');
      lines.push(row(['field', 'type', 'required', 'constraints', 'description']));
      lines.push(row(['---', '---', '---', '---', '---']));
      for (const field of flattenFields(definition.schema, '')) {
        lines.push(row([code(field.path), field.type, field.required ? 'yes' : 'no', field.constraints, field.description]));
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  constraints: string;
  description: string;
}

function flattenFields(schema: TSchema, prefix: string): FieldRow[] {
  const properties = (schema['properties'] ?? {}) as Record<string, TSchema>;
  const required = new Set((schema['required'] ?? []) as string[]);
  return Object.entries(properties).flatMap(([name, property]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const field: FieldRow = {
      path,
      type: describeType(property),
      required: required.has(name),
      constraints: describeConstraints(property),
      description: String(property['description'] ?? ''),
    };
    return property['type'] === 'object' ? [field, ...flattenFields(property, path)] : [field];
  });
}

function describeType(schema: TSchema): string {
  if (Array.isArray(schema['enum'])) {
    return (schema['enum'] as unknown[]).map((value) => JSON.stringify(value)).join(' | ');
  }
  const types = ([] as string[]).concat((schema['type'] as string | string[] | undefined) ?? 'any');
  const format = schema['format'] ? ` (${String(schema['format'])})` : '';
  return types.map((type) => (type === 'string' ? `string${format}` : type)).join(' | ');
}

function describeConstraints(schema: TSchema): string {
  const parts: string[] = [];
  const range = (low: unknown, high: unknown, unit: string) => {
    if (low !== undefined && high !== undefined) parts.push(`${unit}${low}..${high}`);
    else if (low !== undefined) parts.push(`${unit}≥ ${low}`);
    else if (high !== undefined) parts.push(`${unit}≤ ${high}`);
  };
  range(schema['minLength'], schema['maxLength'], 'length ');
  range(schema['minimum'], schema['maximum'], '');
  if (schema['pattern']) {
    parts.push(`pattern ${code(String(schema['pattern']))}`);
  }
  if (schema['type'] === 'object' && schema['additionalProperties'] === false) {
    parts.push('closed');
  }
  return parts.join('; ');
}

function eventsOn(topic: TopicDefinition): EventDefinition[] {
  return EVENT_CATALOGUE.filter((definition) => definition.topic === topic.name);
}

function formatRetention(ms: number): string {
  return ms % DAY_MS === 0 ? `${ms / DAY_MS} days` : `${ms} ms`;
}

function code(text: string): string {
  return `\`${text}\``;
}

/** One table row; a `|` inside a cell would end the cell. */
function row(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
}
