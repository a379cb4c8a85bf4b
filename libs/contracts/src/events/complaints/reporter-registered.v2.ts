import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { StringEnum, Uuid } from '../../schema-kit';
import { COMPLAINT_CHANNELS, TRACKING_CODE_PATTERN } from './complaint-received.v1';
import { REPORTER_LOCALES } from './reporter-registered.v1';

const PHONE_PATTERN = '^\\+?[0-9][0-9 ()-]{4,24}$';

/**
 * A reporter reachable by e-mail, by phone, or both. v1 required a name and an e-mail, so it
 * could not carry a hotline caller who gave only a phone number.
 */
export const ReporterRegisteredV2Schema = Type.Object(
  {
    complaintId: Uuid({ description: 'The complaint the reporter filed; also the subject and the Kafka key.' }),
    trackingCode: Type.String({ pattern: TRACKING_CODE_PATTERN, description: 'Quoted back to the reporter in messages.' }),
    channel: StringEnum(COMPLAINT_CHANNELS, { description: 'The intake channel; the reporter is answered on it where possible.' }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "The reporter's name, for the salutation. Personal data." })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254, description: "The reporter's e-mail address. Personal data." })),
    phone: Type.Optional(Type.String({ pattern: PHONE_PATTERN, description: "The reporter's phone number, for SMS. Personal data." })),
    locale: StringEnum(REPORTER_LOCALES, { description: 'The language the reporter wants to be written to in.' }),
  },
  // At least one of email and phone is present: the producer publishes this event only for a reachable reporter. Left out of the schema because an anyOf would answer one wrong field with three errors.
  { additionalProperties: false },
);

export type ReporterRegisteredV2 = Static<typeof ReporterRegisteredV2Schema>;

export const ReporterRegisteredV2Event = defineEvent({
  type: 'complaints.reporter.registered.v2',
  topic: 'complaints.reporter.v1',
  subjectField: 'complaintId',
  schema: ReporterRegisteredV2Schema,
  description:
    'The reporter of a complaint left an e-mail address, a phone number or both. Restricted: only the notification service may read it. Published in the same transaction as complaints.complaint.received.v2; v1 is still published beside it when the reporter gave a name and an e-mail.',
  examples: [
    { complaintId: '0194f3a2-7c1e-7a4b-9d2e-5f6a7b8c9d0e', trackingCode: 'CF-7K3D-9QXA', channel: 'web', name: 'Li Wei', email: 'li.wei@example.org', locale: 'zh-CN' },
    { complaintId: '0194f3a2-8d2f-7b5c-8e3f-6a7b8c9d0e1f', trackingCode: 'CF-2M8P-4RTZ', channel: 'hotline', phone: '+86 138 0013 8000', locale: 'zh-CN' },
  ],
});
