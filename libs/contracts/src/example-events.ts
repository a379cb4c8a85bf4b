import { CLOUDEVENTS_SPEC_VERSION, EVENT_CONTENT_TYPE, type CloudEvent } from './envelope';
import type { EventDefinition } from './event-definition';

/**
 * A complete, valid envelope around one of a definition's examples. Deterministic (no
 * clock, no random ids) so the generated documents do not change from run to run; also
 * handy as a fixture for tests of producers and consumers.
 */
export function buildExampleEvent<D extends EventDefinition>(definition: D, exampleIndex = 0): CloudEvent<D['examples'][number]> {
  const data = definition.examples[exampleIndex];
  if (data === undefined) {
    throw new RangeError(`${definition.type} has no example ${exampleIndex} (it has ${definition.examples.length})`);
  }
  const sequence = String(exampleIndex + 1).padStart(12, '0');
  return {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    id: `00000000-0000-4000-8000-${sequence}`,
    source: `/civicflow/${definition.type.split('.')[0]}`,
    type: definition.type,
    time: '2026-03-02T10:15:00Z',
    subject: String((data as Record<string, unknown>)[definition.subjectField]),
    datacontenttype: EVENT_CONTENT_TYPE,
    dataschema: definition.dataschema,
    correlationid: `00000000-0000-4000-9000-${sequence}`,
    data,
  };
}
