import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime } from '../../schema-kit';
import { messageOutcomeProperties } from './message-outcome';

export const MessageDeliveredV1Schema = Type.Object(
  {
    ...messageOutcomeProperties,
    deliveredAt: DateTime({ description: 'When the channel accepted the message (SMTP 250, gateway or webhook 2xx).' }),
  },
  { additionalProperties: false },
);

export type MessageDeliveredV1 = Static<typeof MessageDeliveredV1Schema>;

export const MessageDeliveredV1Event = defineEvent({
  type: 'notification.message.delivered.v1',
  topic: 'notification.message.v1',
  subjectField: 'messageId',
  schema: MessageDeliveredV1Schema,
  description: 'A notification was handed to its channel. The recipient appears masked.',
  examples: [
    {
      messageId: '0194f3a3-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
      sourceEventId: '0194f3a2-7c1f-7000-8000-000000000001',
      sourceEventType: 'complaints.complaint.received.v1',
      about: { kind: 'complaint', id: '0194f3a2-7c1e-7a4b-9d2e-5f6a7b8c9d0e' },
      channel: 'email',
      template: 'complaint-received',
      recipient: 'l***@example.org',
      deliveredAt: '2026-03-02T10:15:04Z',
    },
  ],
});
