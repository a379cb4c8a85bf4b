import { Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../schema-kit';

/**
 * Fields that delivered and failed share. Each event still declares its own closed
 * object, so that one can change in a new version without touching the other.
 */
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'webhook', 'in-app'] as const;

/** A masked recipient keeps at least one `*`, so a clear address or number cannot pass. */
export const MASKED_RECIPIENT_PATTERN = '\\*';

export const messageOutcomeProperties = {
  messageId: Uuid({ description: 'The message; also the subject and the Kafka key.' }),
  sourceEventId: Type.String({ minLength: 1, maxLength: 200, description: 'CloudEvents id of the event that asked for the message.' }),
  sourceEventType: Type.String({
    pattern: '^[a-z]+\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+$',
    description: 'CloudEvents type of the event that asked for the message.',
  }),
  about: Type.Object(
    {
      kind: Type.String({ pattern: '^[a-z][a-z-]*$', maxLength: 50, description: "What the message is about, e.g. 'complaint', 'case'." }),
      id: Type.String({ minLength: 1, maxLength: 200, description: 'Its id, e.g. the complaint id.' }),
    },
    { additionalProperties: false, description: 'The record the message is about, so owners can show it on its timeline.' },
  ),
  channel: StringEnum(NOTIFICATION_CHANNELS, { description: 'How the message was sent.' }),
  template: Type.String({
    pattern: '^[a-z0-9]+([.-][a-z0-9]+)*$',
    maxLength: 100,
    description: "The template used, e.g. 'complaint-received'.",
  }),
  recipient: Type.String({
    minLength: 1,
    maxLength: 320,
    pattern: MASKED_RECIPIENT_PATTERN,
    description: "The recipient, masked, e.g. 'r***@example.org' or '138****8000'. Never the clear address.",
  }),
};
