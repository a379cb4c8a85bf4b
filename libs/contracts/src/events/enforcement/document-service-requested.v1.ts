import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, StringEnum, Uuid } from '../../schema-kit';
import { REPORTER_LOCALES } from '../complaints/reporter-registered.v1';

/** The documents the law requires to reach the party, and so to be served with proof (送达). */
export const ENFORCEMENT_SERVED_DOCUMENTS = ['notice', 'decision'] as const;

/**
 * What `about.kind` says on the notification service's delivered and failed events of the messages
 * that serve a document; `about.id` is then the serviceId.
 */
export const DOCUMENT_SERVICE_ABOUT_KIND = 'document-service';

const PHONE_PATTERN = '^\\+?[0-9][0-9 ()-]{4,24}$';

export const EnforcementDocumentServiceRequestedV1Schema = Type.Object(
  {
    serviceId: Uuid({ description: 'This service of a document; the proof of service (notification.message.served.v1) names it.' }),
    caseId: Uuid({ description: 'The case; also the subject and the Kafka key.' }),
    partyId: Uuid({ description: 'The party served; the notification service keys its preferences on it.' }),
    document: StringEnum(ENFORCEMENT_SERVED_DOCUMENTS, { description: 'The notice of the proposed decision (告知书) or the decision (决定书).' }),
    title: Type.String({ minLength: 1, maxLength: 200, description: 'The document title, e.g. 行政处罚决定书.' }),
    text: Type.String({ minLength: 1, maxLength: 20_000, description: 'The document itself as plain text, in Chinese as issued.' }),
    consentSignedAt: DateTime({ description: "When the party signed the confirmation accepting electronic service (Art. 61): without it the document cannot be served this way." }),
    serveBy: DateTime({ description: 'When service is due: for the decision, 7 working days after it (Art. 61); for the notice, the decision\'s own due date, as no decision may be taken before the notice is served.' }),
    recipient: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 200, description: "The party's name, for the salutation. Personal data." }),
        email: Type.Optional(Type.String({ format: 'email', maxLength: 254, description: 'The address the party named in the confirmation. Personal data.' })),
        phone: Type.Optional(Type.String({ pattern: PHONE_PATTERN, description: 'The mobile number the party named in the confirmation. Personal data.' })),
        locale: StringEnum(REPORTER_LOCALES, { description: 'The language of the covering message; the document stays as issued.' }),
      },
      { additionalProperties: false, description: 'Where the party agreed to be served. At least one of email and phone is present.' },
    ),
    requestedBy: Type.String({ minLength: 1, maxLength: 200, description: 'The officer who asked for service (account id).' }),
    requestedAt: DateTime({ description: 'When service was asked for.' }),
  },
  { additionalProperties: false },
);

export type EnforcementDocumentServiceRequestedV1 = Static<typeof EnforcementDocumentServiceRequestedV1Schema>;

export const EnforcementDocumentServiceRequestedV1Event = defineEvent({
  type: 'enforcement.document-service.requested.v1',
  topic: 'enforcement.document-service.v1',
  subjectField: 'caseId',
  schema: EnforcementDocumentServiceRequestedV1Schema,
  description:
    "An enforcement document is to be served electronically on the party, who consented to that (Art. 61). Restricted: carries the party's contact details; only the notification service may read it. The notification service answers with notification.message.served.v1, which starts the deadlines that run from service.",
  examples: [
    {
      serviceId: '0195a1b2-5a00-7c3d-8e4f-5a6b7c8d9e0f',
      caseId: '0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b',
      partyId: '0195a1b2-0000-7e5f-8a9b-0c1d2e3f4a5b',
      document: 'decision',
      title: '行政处罚决定书',
      text: '当事人：王某\n违法事实：占道经营\n处罚决定：罚款 500 元\n缴纳期限：收到本决定书之日起十五日内',
      consentSignedAt: '2026-04-01T10:00:00+08:00',
      serveBy: '2026-04-13T23:59:59.999+08:00',
      recipient: { name: '王某', email: 'wang@example.org', phone: '+86 138 0013 8000', locale: 'zh-CN' },
      requestedBy: 'officer-12',
      requestedAt: '2026-04-02T09:00:00+08:00',
    },
  ],
});
