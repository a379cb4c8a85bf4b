import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, StringEnum, Uuid } from '../../schema-kit';
import { REPORTER_LOCALES } from './reporter-registered.v1';

export const MerchantRegisteredV1Schema = Type.Object(
  {
    merchantId: Uuid({ description: 'The merchant profile; also the subject and the Kafka key.' }),
    businessName: Type.String({ minLength: 1, maxLength: 200, description: 'The business as registered.' }),
    contactName: Type.String({ minLength: 1, maxLength: 100, description: 'The contact person. Personal data.' }),
    email: Type.String({ format: 'email', maxLength: 254, description: "The contact's e-mail address. Personal data." }),
    phone: Type.String({ pattern: '^\\+?[0-9][0-9 ()-]{4,24}$', description: "The contact's phone number. Personal data." }),
    locale: StringEnum(REPORTER_LOCALES, { description: 'The language the merchant is written to in.' }),
    registeredAt: DateTime(),
  },
  { additionalProperties: false },
);

export type MerchantRegisteredV1 = Static<typeof MerchantRegisteredV1Schema>;

export const MerchantRegisteredV1Event = defineEvent({
  type: 'complaints.merchant.registered.v1',
  topic: 'complaints.merchant.v1',
  subjectField: 'merchantId',
  schema: MerchantRegisteredV1Schema,
  description:
    'A merchant registered its business profile. Restricted: carries the contact details that the notification service needs to send the merchant the answers to its requests and to forum action items; no other service may read it.',
  examples: [
    {
      merchantId: '0194f3af-0f1e-7d2c-9b3a-4c5d6e7f8a9b',
      businessName: 'Renmin Road Fruit Shop',
      contactName: 'Sun Li',
      email: 'sun.li@example.org',
      phone: '+86 139 0013 9000',
      locale: 'zh-CN',
      registeredAt: '2026-03-01T09:00:00+08:00',
    },
  ],
});
