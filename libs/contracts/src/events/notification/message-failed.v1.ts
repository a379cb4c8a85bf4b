import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime } from '../../schema-kit';
import { messageOutcomeProperties } from './message-outcome';

export const MessageFailedV1Schema = Type.Object(
  {
    ...messageOutcomeProperties,
    reason: Type.String({
      minLength: 1,
      maxLength: 1000,
      description: 'Why the last attempt failed, e.g. the SMTP reply. Must not repeat the clear recipient.',
    }),
    failedAt: DateTime({ description: 'When the notification service gave up.' }),
    attempts: Type.Integer({ minimum: 1, description: 'How many attempts were made before giving up.' }),
  },
  { additionalProperties: false },
);

export type MessageFailedV1 = Static<typeof MessageFailedV1Schema>;

export const MessageFailedV1Event = defineEvent({
  type: 'notification.message.failed.v1',
  topic: 'notification.message.v1',
  subjectField: 'messageId',
  schema: MessageFailedV1Schema,
  description: 'A notification could not be delivered after bounded retries. The recipient appears masked.',
  examples: [
    {
      messageId: '0194f3a3-2b3c-7d4e-9f5a-6b7c8d9e0f1a',
      sourceEventId: '0194f3a2-7c1f-7000-8000-000000000001',
      sourceEventType: 'complaints.complaint.received.v1',
      about: { kind: 'complaint', id: '0194f3a2-7c1e-7a4b-9d2e-5f6a7b8c9d0e' },
      channel: 'sms',
      template: 'complaint-received',
      recipient: '138****8000',
      reason: 'SMS gateway answered 503 Service Unavailable',
      failedAt: '2026-03-02T10:45:00Z',
      attempts: 5,
    },
  ],
});
