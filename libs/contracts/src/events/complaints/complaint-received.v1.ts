import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, Nullable, StringEnum, Uuid } from '../../schema-kit';

/** `CF-` and two groups of four; 0-9 and A-Z so it can be read out on the hotline. */
export const TRACKING_CODE_PATTERN = '^CF-[0-9A-Z]{4}-[0-9A-Z]{4}$';

export const COMPLAINT_CHANNELS = ['web', 'open311', 'hotline', 'email'] as const;

export const ComplaintReceivedV1Schema = Type.Object(
  {
    complaintId: Uuid({ description: 'The complaint; also the subject and the Kafka key.' }),
    trackingCode: Type.String({
      pattern: TRACKING_CODE_PATTERN,
      description: 'The code the reporter uses to follow the complaint, e.g. CF-7K3D-9QXA.',
    }),
    channel: StringEnum(COMPLAINT_CHANNELS, { description: 'How the complaint reached the bureau.' }),
    category: Nullable(Type.String({ minLength: 1, maxLength: 100 }), {
      description: 'Category code from the taxonomy as the reporter chose it; null when they chose none (triage decides).',
    }),
    description: Type.String({ minLength: 1, maxLength: 5000, description: "The reporter's account of the problem." }),
    location: Type.Object(
      {
        lat: Type.Number({ minimum: -90, maximum: 90, description: 'WGS 84 latitude.' }),
        lng: Type.Number({ minimum: -180, maximum: 180, description: 'WGS 84 longitude.' }),
        address: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Street address as given.' })),
      },
      { additionalProperties: false, description: 'Where the problem is (not where the reporter lives).' },
    ),
    reporterAnonymous: Type.Boolean({
      description: 'True when the reporter left no contact details; then no complaints.reporter.registered.v1 follows.',
    }),
    receivedAt: DateTime({ description: 'When the bureau received the complaint.' }),
  },
  { additionalProperties: false },
);

export type ComplaintReceivedV1 = Static<typeof ComplaintReceivedV1Schema>;

export const ComplaintReceivedV1Event = defineEvent({
  type: 'complaints.complaint.received.v1',
  topic: 'complaints.complaint.v1',
  subjectField: 'complaintId',
  schema: ComplaintReceivedV1Schema,
  description:
    "A complaint was received through one of the intake channels. Carries no contact details of the reporter: those travel only on the restricted complaints.reporter.v1 topic.",
  examples: [
    {
      complaintId: '0194f3a2-7c1e-7a4b-9d2e-5f6a7b8c9d0e',
      trackingCode: 'CF-7K3D-9QXA',
      channel: 'web',
      category: 'street-vending',
      description: 'Food stalls block the pavement outside the metro exit every evening.',
      location: { lat: 31.2304, lng: 121.4737, address: '100 Renmin Road' },
      reporterAnonymous: false,
      receivedAt: '2026-03-02T10:15:00Z',
    },
    {
      complaintId: '0194f3a2-8d2f-7b5c-8e3f-6a7b8c9d0e1f',
      trackingCode: 'CF-2M8P-4RTZ',
      channel: 'hotline',
      category: null,
      description: 'Construction noise after 22:00.',
      location: { lat: 31.2251, lng: 121.4801 },
      reporterAnonymous: true,
      receivedAt: '2026-03-02T22:40:12+08:00',
    },
  ],
});
