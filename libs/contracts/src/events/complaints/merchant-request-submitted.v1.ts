import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, Nullable, StringEnum, Uuid } from '../../schema-kit';

/** A request asks the bureau to act or to change something; a suggestion offers an idea. */
export const MERCHANT_REQUEST_KINDS = ['request', 'suggestion'] as const;

/** What every event of a merchant request says about it. */
export const MerchantRequestProperties = {
  requestId: Uuid({ description: 'The merchant request; also the subject and the Kafka key.' }),
  merchantId: Uuid({ description: 'The merchant who submitted it (the profile id, not the account or the licence number).' }),
  kind: StringEnum(MERCHANT_REQUEST_KINDS, { description: 'request (诉求) or suggestion (建议).' }),
  subject: Type.String({ minLength: 1, maxLength: 200, description: 'What it is about, as the merchant put it in one line.' }),
  category: Nullable(Type.String({ minLength: 1, maxLength: 100 }), { description: 'Category code from the taxonomy, when the merchant chose one.' }),
};

export const MerchantRequestSubmittedV1Schema = Type.Object(
  {
    ...MerchantRequestProperties,
    status: StringEnum(['submitted'] as const, { description: 'Always submitted: the request waits for an answer.' }),
    submittedAt: DateTime({ description: 'When the bureau received it.' }),
  },
  { additionalProperties: false },
);

export type MerchantRequestSubmittedV1 = Static<typeof MerchantRequestSubmittedV1Schema>;

export const MerchantRequestSubmittedV1Event = defineEvent({
  type: 'complaints.merchant-request.submitted.v1',
  topic: 'complaints.merchant-request.v1',
  subjectField: 'requestId',
  schema: MerchantRequestSubmittedV1Schema,
  description:
    "A merchant or vendor submitted a request or a suggestion (诉求) to the bureau. Carries neither the merchant's contact details nor the request's full text, which may hold them: the topic is public.",
  examples: [
    {
      requestId: '0194f3b0-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
      merchantId: '0194f3af-0f1e-7d2c-9b3a-4c5d6e7f8a9b',
      kind: 'request',
      subject: 'Allow a loading bay outside the market in the early morning',
      category: 'street-vending',
      status: 'submitted',
      submittedAt: '2026-03-02T09:30:00+08:00',
    },
    {
      requestId: '0194f3b0-2b3c-7d4e-9f5a-6b7c8d9e0f1a',
      merchantId: '0194f3af-0f1e-7d2c-9b3a-4c5d6e7f8a9b',
      kind: 'suggestion',
      subject: 'Publish the night-market hours on the bureau website',
      category: null,
      status: 'submitted',
      submittedAt: '2026-03-03T14:05:00Z',
    },
  ],
});
