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
    const subject = String((data as Record<string, unknown>)[definition.subjectField]);
    const event: CloudEvent<Static<S>> = {
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
    };
    const validation = validateEnvelope(event);
    if (!validation.valid) throw new InvalidEventError(definition.type, validation.errors);
    await manager.query(
      `INSERT INTO "${this.schema}".outbox (id, topic, message_key, event_type, envelope) VALUES ($1, $2, $3, $4, $5)`,
      [event.id, definition.topic, subject, event.type, JSON.stringify(event)],
    );
    return event;
  }
}
