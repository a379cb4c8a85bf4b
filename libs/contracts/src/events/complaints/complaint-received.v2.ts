import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, Nullable, StringEnum, Uuid } from '../../schema-kit';
import { COMPLAINT_CHANNELS, TRACKING_CODE_PATTERN } from './complaint-received.v1';

/**
 * Where a problem is: coordinates, a street address, or both. Mail and Open311 reports may
 * carry only an address, which v1 could not express (its coordinates are required).
 */
export const ComplaintLocationV2Schema = Type.Union(
  [
    Type.Object(
      {
        lat: Type.Number({ minimum: -90, maximum: 90, description: 'WGS 84 latitude.' }),
        lng: Type.Number({ minimum: -180, maximum: 180, description: 'WGS 84 longitude.' }),
        address: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Street address as given.' })),
      },
      { additionalProperties: false, title: 'With coordinates' },
    ),
    Type.Object(
      { address: Type.String({ minLength: 1, maxLength: 500, description: 'Street address as given; triage places it.' }) },
      { additionalProperties: false, title: 'Address only' },
    ),
  ],
  { description: 'Where the problem is (not where the reporter lives).' },
);

export const ComplaintReceivedV2Schema = Type.Object(
  {
    complaintId: Uuid({ description: 'The complaint; also the subject and the Kafka key.' }),
    trackingCode: Type.String({ pattern: TRACKING_CODE_PATTERN, description: 'The code the reporter uses to follow the complaint.' }),
    channel: StringEnum(COMPLAINT_CHANNELS, { description: 'How the complaint reached the bureau.' }),
    category: Nullable(Type.String({ minLength: 1, maxLength: 100 }), {
      description: 'Category code from the taxonomy as the reporter chose it; null when they chose none (triage decides).',
    }),
    description: Type.String({ minLength: 1, maxLength: 5000, description: "The reporter's account of the problem." }),
    location: ComplaintLocationV2Schema,
    reporterAnonymous: Type.Boolean({
      description: 'True when the reporter left no contact details; then no complaints.reporter.registered.v2 follows.',
    }),
    mediaCount: Type.Integer({ minimum: 0, description: 'Photos and videos attached at intake.' }),
    receivedAt: DateTime({ description: 'When the bureau received the complaint.' }),
  },
  { additionalProperties: false },
);

export type ComplaintReceivedV2 = Static<typeof ComplaintReceivedV2Schema>;

export const ComplaintReceivedV2Event = defineEvent({
  type: 'complaints.complaint.received.v2',
  topic: 'complaints.complaint.v1',
  subjectField: 'complaintId',
  schema: ComplaintReceivedV2Schema,
  description:
    'A complaint was received through one of the intake channels. Unlike v1 the location may be an address without coordinates. v1 is still published beside it for complaints that have coordinates. Carries no contact details of the reporter.',
  examples: [
    {
      complaintId: '0194f3a2-7c1e-7a4b-9d2e-5f6a7b8c9d0e',
      trackingCode: 'CF-7K3D-9QXA',
      channel: 'web',
      category: 'street-vending',
      description: 'Food stalls block the pavement outside the metro exit every evening.',
      location: { lat: 31.2304, lng: 121.4737, address: '100 Renmin Road' },
      reporterAnonymous: false,
      mediaCount: 2,
      receivedAt: '2026-03-02T10:15:00Z',
    },
    {
      complaintId: '0194f3a2-8d2f-7b5c-8e3f-6a7b8c9d0e1f',
      trackingCode: 'CF-2M8P-4RTZ',
      channel: 'email',
      category: null,
      description: 'Garbage has not been collected on our lane for a week.',
      location: { address: 'Lane 12, Fuxing Road' },
      reporterAnonymous: false,
      mediaCount: 0,
      receivedAt: '2026-03-02T22:40:12+08:00',
    },
  ],
});
