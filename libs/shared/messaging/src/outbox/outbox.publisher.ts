import { Static, TObject } from '@sinclair/typebox';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  CLOUDEVENTS_SPEC_VERSION,
  CloudEvent,
  EVENT_CONTENT_TYPE,
  EventDefinition,
  InvalidEventError,
  validateEnvelope,
} from '@civicflow/contracts';

/** One event of a change, for OutboxPublisher.emitAll. */
export interface StagedEvent {
  definition: EventDefinition;
  data: unknown;
  /** When the events of one statement answer different requests (a batch of deliveries), each its own. */
  metadata?: EventMetadata;
}

export interface EventMetadata {
  correlationId: string;
  causationId?: string;
}

/**
 * Writes integration events into the service's outbox, inside the caller's transaction,
 * so that the event exists if and only if the state change committed.
 */
export class OutboxPublisher {
  constructor(
    readonly service: string,
    private readonly schema: string,
  ) {}

  get source(): string {
    return `/civicflow/${this.service}`;
  }

  /** Validates and stages one event; throws InvalidEventError without writing anything. */
  async emit<S extends TObject>(
    manager: EntityManager,
    definition: EventDefinition<S>,
    data: Static<S>,
    metadata: EventMetadata,
  ): Promise<CloudEvent<Static<S>>> {
    const [event] = await this.emitAll(manager, [{ definition, data }], metadata);
    return event as CloudEvent<Static<S>>;
  }

  /**
   * Stages several events of one change in a single statement, in the given order (the
   * relay publishes by outbox sequence). Validates them all first: one invalid event and
   * none is written.
   */
  async emitAll(manager: EntityManager, events: ReadonlyArray<StagedEvent>, metadata: EventMetadata): Promise<CloudEvent[]> {
    const built = events.map((staged) => this.build(staged.definition, staged.data, staged.metadata ?? metadata));
    if (built.length === 0) return [];
    const values = built.map((_, index) => `($${index * 5 + 1}, $${index * 5 + 2}, $${index * 5 + 3}, $${index * 5 + 4}, $${index * 5 + 5})`).join(', ');
    await manager.query(
      `INSERT INTO "${this.schema}".outbox (id, topic, message_key, event_type, envelope) VALUES ${values}`,
      built.flatMap(({ event, topic }) => [event.id, topic, event.subject, event.type, JSON.stringify(event)]),
    );
    return built.map(({ event }) => event);
  }

  private build(definition: EventDefinition, data: unknown, metadata: EventMetadata): { event: CloudEvent & { subject: string }; topic: string } {
    const subject = String((data as Record<string, unknown>)[definition.subjectField]);
    const event = {
      specversion: CLOUDEVENTS_SPEC_VERSION,
      id: uuidv7(),
      source: this.source,
      type: definition.type,
      time: new Date().toISOString(),
      subject,
      datacontenttype: EVENT_CONTENT_TYPE,
      dataschema: definition.dataschema,
      correlationid: metadata.correlationId,
      ...(metadata.causationId ? { causationid: metadata.causationId } : {}),
      data,
    } as CloudEvent & { subject: string };
    const validation = validateEnvelope(event);
    if (!validation.valid) throw new InvalidEventError(definition.type, validation.errors);
    return { event, topic: definition.topic };
  }
}
