import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { StringEnum, Uuid } from '../../schema-kit';
import { TRACKING_CODE_PATTERN } from './complaint-received.v1';

export const REPORTER_LOCALES = ['zh-CN', 'en'] as const;

export const ReporterRegisteredV1Schema = Type.Object(
  {
    complaintId: Uuid({ description: 'The complaint the reporter filed; also the subject and the Kafka key.' }),
    trackingCode: Type.String({ pattern: TRACKING_CODE_PATTERN, description: 'Quoted back to the reporter in messages.' }),
    name: Type.String({ minLength: 1, maxLength: 200, description: "The reporter's name. Personal data." }),
    email: Type.String({ format: 'email', maxLength: 254, description: "The reporter's e-mail address. Personal data." }),
    phone: Type.Optional(
      Type.String({
        pattern: '^\\+?[0-9][0-9 ()-]{4,24}$',
        description: "The reporter's phone number, for SMS. Personal data.",
      }),
    ),
    locale: StringEnum(REPORTER_LOCALES, { description: 'The language the reporter wants to be written to in.' }),
  },
  { additionalProperties: false },
);

export type ReporterRegisteredV1 = Static<typeof ReporterRegisteredV1Schema>;

export const ReporterRegisteredV1Event = defineEvent({
  type: 'complaints.reporter.registered.v1',
  topic: 'complaints.reporter.v1',
  subjectField: 'complaintId',
  schema: ReporterRegisteredV1Schema,
  description:
    'The reporter of a complaint left contact details. Restricted: only the notification service may read it, to acknowledge and update the reporter. Published in the same transaction as complaints.complaint.received.v1, never for an anonymous complaint.',
  examples: [
    {
      complaintId: '0194f3a2-7c1e-7a4b-9d2e-5f6a7b8c9d0e',
      trackingCode: 'CF-7K3D-9QXA',
      name: 'Li Wei',
      email: 'li.wei@example.org',
      phone: '+86 138 0013 8000',
      locale: 'zh-CN',
    },
  ],
});
