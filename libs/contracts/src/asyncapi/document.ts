import type { TSchema } from '@sinclair/typebox';
import { EVENT_CATALOGUE } from '../catalogue';
import { CLOUDEVENTS_SPEC_VERSION, EVENT_CONTENT_TYPE } from '../envelope';
import type { EventDefinition } from '../event-definition';
import { buildExampleEvent } from '../example-events';
import { CONTENT_TYPE_HEADER, ceHeader, toBinaryHeaders } from '../kafka-binding';
import { TOPICS, type TopicDefinition } from '../topics';

export const ASYNCAPI_VERSION = '3.0.0';
export const EVENTS_API_VERSION = '1.0.0';
const KAFKA_BINDING_VERSION = '0.5.0';

type JsonObject = { [key: string]: unknown };

const DOCUMENT_DESCRIPTION = [
  'The events CivicFlow publishes, for its own services and for subscribing departments.',
  '',
  `Every message is a CloudEvents ${CLOUDEVENTS_SPEC_VERSION} event in Kafka binary content mode: the attributes travel as \`ce_*\` headers, the data as the JSON value, and the subject (the aggregate id) as the key, so that one aggregate's events stay in order on one partition.`,
  'An event type is never changed incompatibly: a breaking change is a new type (`.v2`) published beside the old one for a while.',
  'Delivery is at least once; `ce_id` with `ce_source` identifies an event, so consumers drop duplicates by that pair.',
  'Messages that keep failing go to a dead-letter topic `<topic>.dlq.<consumer group>`, from which they can be replayed.',
  'Events on public topics carry no personal data; topics marked `x-audience: restricted` do, and Kafka ACLs grant read on them to named services only.',
].join('\n');

/** The AsyncAPI 3 document of the whole catalogue. Deterministic: the same catalogue gives the same document. */
export function buildAsyncApiDocument(): JsonObject {
  const channels: JsonObject = {};
  const operations: JsonObject = {};
  const messages: JsonObject = {};

  for (const topic of TOPICS) {
    const events = EVENT_CATALOGUE.filter((definition) => definition.topic === topic.name);
    channels[topic.name] = channelFor(topic, events);
    operations[operationId(topic)] = {
      action: 'receive',
      channel: { $ref: `#/channels/${topic.name}` },
      title: `Receive ${topic.name}`,
      summary: `Consume the events of ${topic.name}, keyed by ${topic.key}.`,
      messages: events.map((definition) => ({ $ref: `#/channels/${topic.name}/messages/${definition.type}` })),
      'x-audience': topic.audience,
    };
    for (const definition of events) {
      messages[definition.type] = messageFor(definition, topic);
    }
  }

  return {
    asyncapi: ASYNCAPI_VERSION,
    info: { title: 'CivicFlow events', version: EVENTS_API_VERSION, description: DOCUMENT_DESCRIPTION },
    defaultContentType: EVENT_CONTENT_TYPE,
    servers: {
      kafka: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The local development broker; each deployment overrides the host with its own bootstrap servers.',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}

function channelFor(topic: TopicDefinition, events: EventDefinition[]): JsonObject {
  return {
    address: topic.name,
    title: topic.name,
    description: `${topic.description}\n\nKey: ${topic.key}.`,
    messages: Object.fromEntries(
      events.map((definition) => [definition.type, { $ref: `#/components/messages/${definition.type}` }]),
    ),
    bindings: {
      kafka: {
        topic: topic.name,
        partitions: topic.partitions,
        topicConfiguration: { 'cleanup.policy': ['delete'], 'retention.ms': topic.retentionMs },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    'x-audience': topic.audience,
  };
}

function messageFor(definition: EventDefinition, topic: TopicDefinition): JsonObject {
  return {
    name: definition.type,
    title: definition.type,
    summary: definition.description,
    contentType: EVENT_CONTENT_TYPE,
    headers: headersSchemaFor(definition, topic),
    payload: toJsonSchema(definition.schema),
    correlationId: { description: 'The request or process that started the chain of events.', location: '$message.header#/ce_correlationid' },
    bindings: {
      kafka: {
        key: { type: 'string', description: `The ${topic.key}; equals ce_subject.` },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    examples: definition.examples.map((_, index) => {
      const event = buildExampleEvent(definition, index);
      return { name: `example-${index + 1}`, headers: toBinaryHeaders(event), payload: event.data };
    }),
    'x-dataschema': definition.dataschema,
  };
}

function headersSchemaFor(definition: EventDefinition, topic: TopicDefinition): JsonObject {
  const text = (description: string) => ({ type: 'string', minLength: 1, description });
  return {
    type: 'object',
    description: 'CloudEvents attributes (Kafka binary content mode). Other headers, e.g. for tracing, may be present.',
    required: [
      ...(['specversion', 'id', 'source', 'type', 'time', 'subject', 'dataschema', 'correlationid'] as const).map(ceHeader),
      CONTENT_TYPE_HEADER,
    ],
    properties: {
      [ceHeader('specversion')]: { type: 'string', const: CLOUDEVENTS_SPEC_VERSION },
      [ceHeader('id')]: text('Unique per source; with ce_source it identifies the event (consumers deduplicate on the pair).'),
      [ceHeader('source')]: { type: 'string', format: 'uri-reference', description: 'The producing service, e.g. /civicflow/complaints.' },
      [ceHeader('type')]: { type: 'string', const: definition.type },
      [ceHeader('time')]: { type: 'string', format: 'date-time', description: 'When it happened (RFC 3339).' },
      [ceHeader('subject')]: text(`The ${topic.key}; also the Kafka key.`),
      [ceHeader('dataschema')]: { type: 'string', const: definition.dataschema },
      [ceHeader('correlationid')]: text('The request or process that started the chain of events.'),
      [ceHeader('causationid')]: text('The id of the event that caused this one; absent when a request caused it.'),
      [CONTENT_TYPE_HEADER]: { type: 'string', const: EVENT_CONTENT_TYPE },
    },
  };
}

/** TypeBox keeps its bookkeeping under symbol keys; a JSON round trip leaves plain JSON Schema. */
export function toJsonSchema(schema: TSchema): JsonObject {
  return JSON.parse(JSON.stringify(schema)) as JsonObject;
}

function operationId(topic: TopicDefinition): string {
  const words = topic.name.split(/[.-]/).map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return `receive${words.join('')}`;
}
