import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, Nullable, StringEnum, Uuid } from '../../schema-kit';
import { ENFORCEMENT_SERVED_DOCUMENTS } from '../enforcement/document-service-requested.v1';
import { MASKED_RECIPIENT_PATTERN, NOTIFICATION_CHANNELS } from './message-outcome';

export const MessageServedV1Schema = Type.Object(
  {
    messageId: Uuid({ description: 'The message that reached the party first; also the subject and the Kafka key.' }),
    serviceId: Uuid({ description: 'The service asked for by enforcement.document-service.requested.v1.' }),
    caseId: Uuid({ description: 'The enforcement case the document belongs to.' }),
    document: StringEnum(ENFORCEMENT_SERVED_DOCUMENTS, { description: 'Which document was served.' }),
    channel: StringEnum(NOTIFICATION_CHANNELS, { description: 'The channel that reached the party.' }),
    recipient: Type.String({ minLength: 1, maxLength: 320, pattern: MASKED_RECIPIENT_PATTERN, description: 'Where it was served, masked.' }),
    requestedAt: DateTime({ description: 'When enforcement asked for service.' }),
    servedAt: DateTime({
      description: "When the message reached the party's system (SMTP server or SMS gateway accepted it): the date of electronic service, from which the legal deadlines run.",
    }),
    acknowledgedAt: Nullable(DateTime(), { description: 'When the party confirmed receipt, if already; the proof record shows later confirmations.' }),
  },
  { additionalProperties: false },
);

export type MessageServedV1 = Static<typeof MessageServedV1Schema>;

export const MessageServedV1Event = defineEvent({
  type: 'notification.message.served.v1',
  topic: 'notification.message.v1',
  subjectField: 'messageId',
  schema: MessageServedV1Schema,
  description:
    'Legal proof of service (送达): an enforcement document reached the party on a channel they agreed to. Published once per service, for the first channel that delivered. The recipient appears masked.',
  examples: [
    {
      messageId: '0195a1b2-6b00-7c3d-8e4f-5a6b7c8d9e0f',
      serviceId: '0195a1b2-5a00-7c3d-8e4f-5a6b7c8d9e0f',
      caseId: '0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b',
      document: 'decision',
      channel: 'email',
      recipient: 'w***@example.org',
      requestedAt: '2026-04-02T09:00:00+08:00',
      servedAt: '2026-04-02T09:00:03+08:00',
      acknowledgedAt: null,
    },
  ],
});
