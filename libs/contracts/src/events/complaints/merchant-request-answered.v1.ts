import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, Nullable, StringEnum, Uuid } from '../../schema-kit';
import { MerchantRequestProperties } from './merchant-request-submitted.v1';

export const MerchantRequestAnsweredV1Schema = Type.Object(
  {
    ...MerchantRequestProperties,
    status: StringEnum(['answered'] as const, { description: 'Always answered: the request is closed.' }),
    answer: Type.String({ minLength: 1, maxLength: 5000, description: "The bureau's answer, as sent to the merchant." }),
    answeredBy: Type.String({ minLength: 1, maxLength: 200, description: 'The staff member who answered (account id, not a name).' }),
    forumId: Nullable(Uuid(), { description: 'The forum whose action item answered it; null when staff answered the request directly.' }),
    actionItemId: Nullable(Uuid(), { description: 'The action item whose answer this is; null when staff answered the request directly.' }),
    submittedAt: DateTime({ description: 'When the bureau received the request.' }),
    answeredAt: DateTime({ description: 'When it was answered.' }),
  },
  { additionalProperties: false },
);

export type MerchantRequestAnsweredV1 = Static<typeof MerchantRequestAnsweredV1Schema>;

export const MerchantRequestAnsweredV1Event = defineEvent({
  type: 'complaints.merchant-request.answered.v1',
  topic: 'complaints.merchant-request.v1',
  subjectField: 'requestId',
  schema: MerchantRequestAnsweredV1Schema,
  description:
    "The bureau answered a merchant's request or suggestion, either directly or through the answer to a forum action item it was linked to (then complaints.forum.action-item-answered.v1 is its cause). The notification service sends the answer to the merchant. No contact details: the topic is public.",
  examples: [
    {
      requestId: '0194f3b0-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
      merchantId: '0194f3af-0f1e-7d2c-9b3a-4c5d6e7f8a9b',
      kind: 'request',
      subject: 'Allow a loading bay outside the market in the early morning',
      category: 'street-vending',
      status: 'answered',
      answer: 'From 1 April, loading is allowed on the east side of Renmin Road from 05:00 to 07:00.',
      answeredBy: 'officer-2041',
      forumId: null,
      actionItemId: null,
      submittedAt: '2026-03-02T09:30:00+08:00',
      answeredAt: '2026-03-09T16:00:00+08:00',
    },
    {
      requestId: '0194f3b0-2b3c-7d4e-9f5a-6b7c8d9e0f1a',
      merchantId: '0194f3af-0f1e-7d2c-9b3a-4c5d6e7f8a9b',
      kind: 'suggestion',
      subject: 'Publish the night-market hours on the bureau website',
      category: null,
      status: 'answered',
      answer: 'The hours are on the website under Services since 20 March.',
      answeredBy: 'supervisor-0007',
      forumId: '0194f3c0-3c4d-7e5f-8a6b-7c8d9e0f1a2b',
      actionItemId: '0194f3c1-4d5e-7f6a-9b7c-8d9e0f1a2b3c',
      submittedAt: '2026-03-03T14:05:00Z',
      answeredAt: '2026-03-20T10:00:00Z',
    },
  ],
});
