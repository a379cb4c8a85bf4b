export * from './envelope';
export * from './topics';
export { EVENT_TYPE_PATTERN } from './schema-kit';
export { defineEvent, InvalidEventDefinitionError, type EventDefinition, type EventSpecification } from './event-definition';
export * from './catalogue';
export * from './validation';
export * from './kafka-binding';
export { buildExampleEvent } from './example-events';
export { buildAsyncApiDocument } from './asyncapi/document';
export { renderEventCatalogueMarkdown } from './asyncapi/events-markdown';

export * from './events/complaints/complaint-received.v1';
export * from './events/complaints/reporter-registered.v1';
export * from './events/complaints/complaint-received.v2';
export * from './events/complaints/reporter-registered.v2';
export * from './events/complaints/complaint-lifecycle.v1';
export { NOTIFICATION_CHANNELS, MASKED_RECIPIENT_PATTERN } from './events/notification/message-outcome';
export * from './events/notification/message-delivered.v1';
export * from './events/notification/message-failed.v1';
