import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, StringEnum, Uuid } from '../../schema-kit';
import { ComplaintLocationV2Schema } from './complaint-received.v2';
import { TRACKING_CODE_PATTERN } from './complaint-received.v1';

/**
 * The steps of a complaint's closed loop after intake, all on the complaint's stream so
 * that a consumer sees them in order. Staff are named by their account id (never by name);
 * no event carries the reporter's contact details or the reporter's own words about
 * themselves (a rating's comment stays in the complaints service).
 */
export const CLASSES_721 = ['service', 'management', 'enforcement'] as const;
export const COMPLAINT_STATUSES = [
  'received',
  'accepted',
  'rejected',
  'dispatched',
  'in_handling',
  'handled',
  'verified',
  'closed',
  'evaluated',
  'reopened',
] as const;
export const ROUTE_KINDS = ['service', 'management', 'enforcement', 'department'] as const;

const TOPIC = 'complaints.complaint.v1';
const StaffId = (description: string) => Type.String({ minLength: 1, maxLength: 200, description: `${description} (account id, not a name).` });

function lifecycleSchema<P extends TProperties>(properties: P) {
  return Type.Object(
    {
      complaintId: Uuid({ description: 'The complaint; also the subject and the Kafka key.' }),
      trackingCode: Type.String({ pattern: TRACKING_CODE_PATTERN, description: 'The code the reporter follows the complaint by.' }),
      status: StringEnum(COMPLAINT_STATUSES, { description: 'The status after this step.' }),
      at: DateTime({ description: 'When the step happened.' }),
      ...properties,
    },
    { additionalProperties: false },
  );
}

const base = { complaintId: '0194f3a2-7c1e-7a4b-9d2e-5f6a7b8c9d0e', trackingCode: 'CF-7K3D-9QXA' };

export const ComplaintAcceptedV1Schema = lifecycleSchema({ acceptedBy: StaffId('Who accepted it') });
export type ComplaintAcceptedV1 = Static<typeof ComplaintAcceptedV1Schema>;
export const ComplaintAcceptedV1Event = defineEvent({
  type: 'complaints.complaint.accepted.v1',
  topic: TOPIC,
  subjectField: 'complaintId',
  schema: ComplaintAcceptedV1Schema,
  description: 'The bureau accepted the complaint as its business; the reporter is told. Followed by complaints.complaint.triaged.v1 in the same transaction.',
  examples: [{ ...base, status: 'accepted', at: '2026-03-02T10:40:00+08:00', acceptedBy: 'op-1024' }],
});

export const ComplaintRejectedV1Schema = lifecycleSchema({
  rejectedBy: StaffId('Who rejected it'),
  reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Why, as told to the reporter.' }),
});
export type ComplaintRejectedV1 = Static<typeof ComplaintRejectedV1Schema>;
export const ComplaintRejectedV1Event = defineEvent({
  type: 'complaints.complaint.rejected.v1',
  topic: TOPIC,
  subjectField: 'complaintId',
  schema: ComplaintRejectedV1Schema,
  description: 'The bureau did not accept the complaint (not its business, not enough to act on); the reporter is told the reason.',
  examples: [{ ...base, status: 'rejected', at: '2026-03-02T10:40:00+08:00', rejectedBy: 'op-1024', reason: 'Private property inside a residential compound: the property manager is responsible.' }],
});

export const ComplaintTriagedV1Schema = lifecycleSchema({
  category: Type.String({ minLength: 1, maxLength: 100, description: 'Sub class code of the taxonomy.' }),
  class721: StringEnum(CLASSES_721, { description: 'The 721 class: service, management (rectification notice) or enforcement.' }),
  route: Type.Object(
    {
      kind: StringEnum(ROUTE_KINDS, { description: 'Answered as a service, managed by a rectification notice, made an enforcement case, or passed to another department.' }),
      handlingUnit: Type.String({ minLength: 1, maxLength: 100, description: 'The unit responsible in the bureau.' }),
      department: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The other department, when kind is department.' })),
    },
    { additionalProperties: false },
  ),
  deadlineAt: DateTime({ description: 'When handling is due, computed in working time from the category deadline.' }),
  street: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The street (街道) the problem is in, for statistics and rating.' })),
});
export type ComplaintTriagedV1 = Static<typeof ComplaintTriagedV1Schema>;
export const ComplaintTriagedV1Event = defineEvent({
  type: 'complaints.complaint.triaged.v1',
  topic: TOPIC,
  subjectField: 'complaintId',
  schema: ComplaintTriagedV1Schema,
  description: 'The complaint has its category, its 721 class, its route and its deadline.',
  examples: [
    {
      ...base,
      status: 'accepted',
      at: '2026-03-02T10:40:00+08:00',
      category: 'street-vending',
      class721: 'management',
      route: { kind: 'management', handlingUnit: 'street-order-squad' },
      deadlineAt: '2026-03-04T23:59:59.999+08:00',
      street: 'Nanjing East Road Subdistrict',
    },
  ],
});

export const ComplaintDispatchedV1Schema = lifecycleSchema({
  dispatchedBy: StaffId('Who dispatched it'),
  target: Type.Object(
    {
      kind: StringEnum(['unit', 'enforcement', 'department'] as const, {
        description: 'A unit of the bureau; the enforcement service (which opens a case); or another department through coordination.',
      }),
      handlingUnit: Type.String({ minLength: 1, maxLength: 100, description: 'The unit (or, for a department, the bureau unit that follows it up).' }),
      department: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The other department, when kind is department.' })),
    },
    { additionalProperties: false },
  ),
  category: Type.String({ minLength: 1, maxLength: 100 }),
  class721: StringEnum(CLASSES_721),
  description: Type.String({ minLength: 1, maxLength: 5000, description: "The reporter's account of the problem, for whoever acts on it." }),
  location: ComplaintLocationV2Schema,
  deadlineAt: DateTime(),
});
export type ComplaintDispatchedV1 = Static<typeof ComplaintDispatchedV1Schema>;
export const ComplaintDispatchedV1Event = defineEvent({
  type: 'complaints.complaint.dispatched.v1',
  topic: TOPIC,
  subjectField: 'complaintId',
  schema: ComplaintDispatchedV1Schema,
  description:
    'The complaint was sent to whoever handles it. The enforcement service opens a case for target.kind enforcement; coordination assigns a task for target.kind department. Carries what they need to act, never the reporter.',
  examples: [
    {
      ...base,
      status: 'dispatched',
      at: '2026-03-02T11:00:00+08:00',
      dispatchedBy: 'sup-7',
      target: { kind: 'enforcement', handlingUnit: 'enforcement-brigade' },
      category: 'illegal-construction',
      class721: 'enforcement',
      description: 'A shed is being built on the roof of No. 5.',
      location: { lat: 31.2304, lng: 121.4737, address: '5 Renmin Road' },
      deadlineAt: '2026-03-09T23:59:59.999+08:00',
    },
  ],
});

export const ComplaintRectificationOrderedV1Schema = lifecycleSchema({
  noticeNumber: Type.String({ pattern: '^ZG-[0-9]{4}-[0-9]{6}$', description: 'The rectification notice (整改通知书) number, e.g. ZG-2026-000123.' }),
  requirement: Type.String({ minLength: 1, maxLength: 2000, description: 'What must be put right, as written on the notice.' }),
  rectifyBy: DateTime({ description: 'The day by which it must be put right: the complaint\'s deadline.' }),
  handlingUnit: Type.String({ minLength: 1, maxLength: 100, description: 'The unit that issued the notice and re-checks it.' }),
  issuedBy: StaffId('Who issued it'),
});
export type ComplaintRectificationOrderedV1 = Static<typeof ComplaintRectificationOrderedV1Schema>;
export const ComplaintRectificationOrderedV1Event = defineEvent({
  type: 'complaints.complaint.rectification-ordered.v1',
  topic: TOPIC,
  subjectField: 'complaintId',
  schema: ComplaintRectificationOrderedV1Schema,
  description:
    'A management (721: "management") item was dispatched with a rectification notice to whoever is responsible at the place, without a penalty; the inspector re-checks it by the rectify-by day. The party is not named: the notice is served on site.',
  examples: [
    {
      ...base,
      status: 'dispatched',
      at: '2026-03-02T11:00:00+08:00',
      noticeNumber: 'ZG-2026-000123',
      requirement: 'Move the goods displayed on the pavement back inside the shop front.',
      rectifyBy: '2026-03-04T23:59:59.999+08:00',
      handlingUnit: 'street-order-squad',
      issuedBy: 'sup-7',
    },
  ],
});

export const ComplaintHandlingStartedV1Schema = lifecycleSchema({ handlerId: StaffId('The officer handling it') });
export type ComplaintHandlingStartedV1 = Static<typeof ComplaintHandlingStartedV1Schema>;
export const ComplaintHandlingStartedV1Event = defineEvent({
  type: 'complaints.complaint.handling-started.v1',
  topic: TOPIC,
  subjectField: 'complaintId',
  schema: ComplaintHandlingStartedV1Schema,
  description: 'An officer of the handling unit took the complaint in hand.',
  examples: [{ ...base, status: 'in_handling', at: '2026-03-02T13:30:00+08:00', handlerId: 'off-311' }],
});

export const ComplaintHandledV1Schema = lifecycleSchema({
  handlerId: StaffId('The officer who handled it'),
  reply: Type.String({ minLength: 1, maxLength: 5000, description: 'What was done, as told to the reporter (the reply).' }),
});
export type ComplaintHandledV1 = Static<typeof ComplaintHandledV1Schema>;
export const ComplaintHandledV1Event = defineEvent({
  type: 'complaints.complaint.handled.v1',
  topic: TOPIC,
  subjectField: 'complaintId',
  schema: ComplaintHandledV1Schema,
  description: 'The handler reported the problem dealt with and wrote the reply; the reporter is told. An inspector re-checks next.',
  examples: [{ ...base, status: 'handled', at: '2026-03-03T09:10:00+08:00', handlerId: 'off-311', reply: 'The stalls were moved to the night market area on Lane 3.' }],
});

export const ComplaintVerifiedV1Schema = lifecycleSchema({
  verifierId: StaffId('The inspector who re-checked, never the handler'),
  passed: Type.Boolean({ description: 'False sends the complaint back to its handler (status in_handling).' }),
  note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
});
export type ComplaintVerifiedV1 = Static<typeof ComplaintVerifiedV1Schema>;
export const ComplaintVerifiedV1Event = defineEvent({
  type: 'complaints.complaint.verified.v1',
  topic: TOPIC,
  subjectField: 'complaintId',
  schema: ComplaintVerifiedV1Schema,
  description: 'An inspector re-checked on site whether the problem is gone.',
  examples: [{ ...base, status: 'verified', at: '2026-03-03T15:00:00+08:00', verifierId: 'insp-12', passed: true }],
});

export const ComplaintClosedV1Schema = lifecycleSchema({
  closedBy: StaffId('Who closed it'),
  surveyDueAt: DateTime({ description: 'When the reporter is asked to rate the answer.' }),
});
export type ComplaintClosedV1 = Static<typeof ComplaintClosedV1Schema>;
export const ComplaintClosedV1Event = defineEvent({
  type: 'complaints.complaint.closed.v1',
  topic: TOPIC,
  subjectField: 'complaintId',
  schema: ComplaintClosedV1Schema,
  description: 'The complaint is closed; the reporter is told and, from surveyDueAt, asked to rate the answer.',
  examples: [{ ...base, status: 'closed', at: '2026-03-03T16:00:00+08:00', closedBy: 'sup-7', surveyDueAt: '2026-03-04T16:00:00+08:00' }],
});

export const ComplaintReopenedV1Schema = lifecycleSchema({
  by: StringEnum(['reporter', 'staff'] as const, { description: 'The reporter said it is not resolved, or staff reopened it.' }),
  reason: Type.String({ minLength: 1, maxLength: 2000 }),
  reopenCount: Type.Integer({ minimum: 1 }),
});
export type ComplaintReopenedV1 = Static<typeof ComplaintReopenedV1Schema>;
export const ComplaintReopenedV1Event = defineEvent({
  type: 'complaints.complaint.reopened.v1',
  topic: TOPIC,
  subjectField: 'complaintId',
  schema: ComplaintReopenedV1Schema,
  description: 'A closed complaint is open again, to be dispatched anew.',
  examples: [{ ...base, status: 'reopened', at: '2026-03-05T08:00:00+08:00', by: 'reporter', reason: 'Not resolved', reopenCount: 1 }],
});

export const ComplaintOverdueV1Schema = lifecycleSchema({
  deadlineAt: DateTime(),
  handlingUnit: Type.String({ minLength: 1, maxLength: 100 }),
});
export type ComplaintOverdueV1 = Static<typeof ComplaintOverdueV1Schema>;
export const ComplaintOverdueV1Event = defineEvent({
  type: 'complaints.complaint.overdue.v1',
  topic: TOPIC,
  subjectField: 'complaintId',
  schema: ComplaintOverdueV1Schema,
  description: 'The complaint passed its deadline before it was handled. Published once per deadline; followed by complaints.complaint.escalated.v1.',
  examples: [{ ...base, status: 'dispatched', at: '2026-03-05T00:00:30+08:00', deadlineAt: '2026-03-04T23:59:59.999+08:00', handlingUnit: 'street-order-squad' }],
});

export const ComplaintEscalatedV1Schema = lifecycleSchema({
  to: StringEnum(['supervisor'] as const, { description: 'Who now answers for it.' }),
  reason: StringEnum(['overdue'] as const),
  handlingUnit: Type.String({ minLength: 1, maxLength: 100 }),
});
export type ComplaintEscalatedV1 = Static<typeof ComplaintEscalatedV1Schema>;
export const ComplaintEscalatedV1Event = defineEvent({
  type: 'complaints.complaint.escalated.v1',
  topic: TOPIC,
  subjectField: 'complaintId',
  schema: ComplaintEscalatedV1Schema,
  description: "The complaint was escalated to the handling unit's supervisor.",
  examples: [{ ...base, status: 'dispatched', at: '2026-03-05T00:00:30+08:00', to: 'supervisor', reason: 'overdue', handlingUnit: 'street-order-squad' }],
});

export const ComplaintMarkedDuplicateV1Schema = lifecycleSchema({
  masterId: Uuid({ description: 'The complaint this one duplicates; it now follows that one.' }),
  masterTrackingCode: Type.String({ pattern: TRACKING_CODE_PATTERN }),
  markedBy: StaffId('Who marked it'),
});
export type ComplaintMarkedDuplicateV1 = Static<typeof ComplaintMarkedDuplicateV1Schema>;
export const ComplaintMarkedDuplicateV1Event = defineEvent({
  type: 'complaints.complaint.marked-duplicate.v1',
  topic: TOPIC,
  subjectField: 'complaintId',
  schema: ComplaintMarkedDuplicateV1Schema,
  description: "The complaint reports the same problem as another; from now on it follows the master's lifecycle, and its reporter is kept informed.",
  examples: [{ ...base, status: 'accepted', at: '2026-03-02T10:50:00+08:00', masterId: '0194f3a2-8d2f-7b5c-8e3f-6a7b8c9d0e1f', masterTrackingCode: 'CF-2M8P-4RTZ', markedBy: 'op-1024' }],
});

export const ComplaintRatedV1Schema = lifecycleSchema({
  score: Type.Integer({ minimum: 1, maximum: 5, description: 'The reporter’s satisfaction, 1 (very unsatisfied) to 5 (very satisfied).' }),
  resolved: Type.Boolean({ description: 'False: the reporter says the problem is not resolved, and the complaint is reopened.' }),
});
export type ComplaintRatedV1 = Static<typeof ComplaintRatedV1Schema>;
export const ComplaintRatedV1Event = defineEvent({
  type: 'complaints.complaint.rated.v1',
  topic: TOPIC,
  subjectField: 'complaintId',
  schema: ComplaintRatedV1Schema,
  description: "The reporter rated the answer. The comment is kept in the complaints service: it is the reporter's own words.",
  examples: [{ ...base, status: 'evaluated', at: '2026-03-04T18:00:00+08:00', score: 5, resolved: true }],
});

export const COMPLAINT_LIFECYCLE_EVENTS = [
  ComplaintAcceptedV1Event,
  ComplaintRejectedV1Event,
  ComplaintTriagedV1Event,
  ComplaintDispatchedV1Event,
  ComplaintRectificationOrderedV1Event,
  ComplaintHandlingStartedV1Event,
  ComplaintHandledV1Event,
  ComplaintVerifiedV1Event,
  ComplaintClosedV1Event,
  ComplaintReopenedV1Event,
  ComplaintOverdueV1Event,
  ComplaintEscalatedV1Event,
  ComplaintMarkedDuplicateV1Event,
  ComplaintRatedV1Event,
] as const;
