import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { EVENT_CATALOGUE } from '../catalogue';
import { TOPICS } from '../topics';
import { validateEventData } from '../validation';
import { generatedArtifacts } from './artifacts';
import { buildAsyncApiDocument } from './document';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking a JSON document

const document = buildAsyncApiDocument() as Json;

/** Resolves a local `$ref` such as `#/channels/a.b.v1/messages/x`. */
function resolveRef(ref: string): unknown {
  expect(ref.startsWith('#/')).toBe(true);
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], document);
}

function collectRefs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(collectRefs);
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => (key === '$ref' ? [value as string] : collectRefs(value)));
  }
  return [];
}

describe('generated files', () => {
  it.each(generatedArtifacts().map((artifact) => [relative(process.cwd(), artifact.path), artifact]))(
    'the committed %s equals a freshly generated one',
    (shown, artifact) => {
      const committed = existsSync(artifact.path) ? readFileSync(artifact.path, 'utf8') : undefined;
      if (committed !== artifact.content) {
        throw new Error(`${shown} is stale: run \`npm run asyncapi:generate\` and commit the result`);
      }
    },
  );
});

describe('AsyncAPI document', () => {
  it('is an AsyncAPI 3.0.0 document with a kafka server', () => {
    expect(document['asyncapi']).toBe('3.0.0');
    expect(document['info']).toMatchObject({ title: 'CivicFlow events', version: '1.0.0' });
    expect(document['servers']['kafka']).toMatchObject({ host: '127.0.0.1:9092', protocol: 'kafka' });
  });

  it('has one channel per topic, addressed by the topic name, with partitions and retention', () => {
    expect(Object.keys(document['channels'])).toEqual(TOPICS.map((topic) => topic.name));
    for (const topic of TOPICS) {
      const channel = document['channels'][topic.name];
      expect(channel.address).toBe(topic.name);
      expect(channel['x-audience']).toBe(topic.audience);
      expect(channel.bindings.kafka).toMatchObject({
        partitions: topic.partitions,
        topicConfiguration: { 'retention.ms': topic.retentionMs },
      });
    }
  });

  it('has one receive operation per channel, marked restricted where the topic is', () => {
    const operations = Object.values(document['operations']) as Json[];
    expect(operations).toHaveLength(TOPICS.length);
    expect(operations.every((operation) => operation['action'] === 'receive')).toBe(true);
    const restricted = operations.filter((operation) => operation['x-audience'] === 'restricted');
    expect(restricted.map((operation) => operation['channel'].$ref).sort()).toEqual(['#/channels/complaints.merchant.v1', '#/channels/complaints.reporter.v1', '#/channels/enforcement.document-service.v1']);
  });

  it('resolves every $ref in the document', () => {
    const refs = collectRefs(document);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect({ ref, target: resolveRef(ref) }).toEqual({ ref, target: expect.anything() });
    }
  });

  it('lets each operation receive only messages of its own channel', () => {
    for (const operation of Object.values(document['operations']) as Json[]) {
      for (const message of operation['messages'] as { $ref: string }[]) {
        expect(message.$ref.startsWith(`${operation['channel'].$ref}/messages/`)).toBe(true);
      }
    }
  });

  it.each(EVENT_CATALOGUE.map((definition) => [definition.type, definition]))('describes %s as a message on its topic', (type, definition) => {
    const message = document['components']['messages'][type];
    expect(message).toMatchObject({ name: type, contentType: 'application/json', summary: definition.description });
    expect(document['channels'][definition.topic].messages[type]).toEqual({ $ref: `#/components/messages/${type}` });
    expect(message.payload.additionalProperties).toBe(false);
    expect(message.headers.properties.ce_type.const).toBe(type);
    expect(message.headers.properties.ce_dataschema.const).toBe(definition.dataschema);
    expect(message.bindings.kafka.key.type).toBe('string');
    for (const example of message.examples) {
      expect(validateEventData(type, example.payload)).toEqual({ valid: true });
      expect(example.headers.ce_subject).toBe(example.payload[definition.subjectField]);
    }
  });

  it('comes out the same on every build, so the committed file only changes with the catalogue', () => {
    expect(JSON.stringify(buildAsyncApiDocument())).toBe(JSON.stringify(document));
  });
});
