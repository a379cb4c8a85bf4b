import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, Nullable, StringEnum, Uuid } from '../../schema-kit';

/**
 * The steps of an enforcement case under the administrative-penalty procedure, on the case's
 * stream so that consumers (disclosure, notification) see them in order. No personal data: the
 * party is named by its id and kind only, staff by their account id.
 */
export const ENFORCEMENT_CASE_STATES = [
  'registration_pending',
  'registration_refused',
  'registered',
  'investigating',
  'notice_issued',
  'hearing_requested',
  'hearing_scheduled',
  'hearing_held',
  'legal_reviewed',
  'decided',
  'served',
  'executing',
  'closed',
  'archived',
  'suspended',
  'terminated',
] as const;
export const ENFORCEMENT_MEASURES = ['confiscation', 'licence_revocation', 'stop_business', 'demolition', 'seizure'] as const;
export const ENFORCEMENT_OUTCOMES = ['education', 'rectification', 'penalty'] as const;
export const ENFORCEMENT_SERVICE_METHODS = ['on_the_spot', 'in_person', 'post', 'electronic', 'public_notice'] as const;
export const ENFORCEMENT_DEADLINES = ['decision', 'hearing_request', 'statement', 'service', 'payment'] as const;

const TOPIC = 'enforcement.case.v1';
const StaffId = (description: string) => Type.String({ minLength: 1, maxLength: 200, description: `${description} (account id, not a name).` });

const PenaltySchema = Type.Object(
  {
    warning: Type.Boolean({ description: 'A warning (警告).' }),
    fineFen: Type.Integer({ minimum: 0, description: 'The fine in fen (1 CNY = 100 fen); 0 for none.' }),
    measures: Type.Array(StringEnum(ENFORCEMENT_MEASURES), { uniqueItems: true, description: 'Heavier measures besides the fine.' }),
  },
  { additionalProperties: false },
);

function caseSchema<P extends TProperties>(properties: P) {
  return Type.Object(
    {
      caseId: Uuid({ description: 'The case; also the subject and the Kafka key.' }),
      state: StringEnum(ENFORCEMENT_CASE_STATES, { description: 'The state after this step.' }),
      at: DateTime({ description: 'When the step happened.' }),
      ...properties,
    },
    { additionalProperties: false },
  );
}

const base = { caseId: '0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b' };
const partyFields = {
  partyId: Uuid({ description: 'The party, by id only: its name and identity stay in the enforcement service.' }),
  partyKind: StringEnum(['person', 'organisation'] as const),
};

export const EnforcementCaseRegisteredV1Schema = caseSchema({
  ...partyFields,
  registeredBy: StaffId('The supervisor who approved the registration'),
  procedure: StringEnum(['general', 'summary'] as const),
  source: StringEnum(['patrol', 'complaint', 'referral'] as const, { description: "Where the case came from: an officer's patrol, a complaint, another department." }),
  complaintId: Nullable(Uuid(), { description: 'The complaint it came from, when source is complaint.' }),
  category: Type.String({ minLength: 1, maxLength: 100, description: 'Category code of the violation.' }),
  street: Nullable(Type.String({ minLength: 1, maxLength: 100 }), { description: 'The street (街道) where it happened.' }),
  decisionDueAt: Nullable(DateTime(), { description: 'When the decision falls due (Art. 60); null for the summary procedure.' }),
});
export type EnforcementCaseRegisteredV1 = Static<typeof EnforcementCaseRegisteredV1Schema>;
export const EnforcementCaseRegisteredV1Event = defineEvent({
  type: 'enforcement.case.registered.v1',
  topic: TOPIC,
  subjectField: 'caseId',
  schema: EnforcementCaseRegisteredV1Schema,
  description: 'A supervisor approved the registration (立案) of an enforcement case; the 90-day decision period starts.',
  examples: [
    {
      ...base,
      state: 'registered',
      at: '2026-03-02T10:00:00+08:00',
      partyId: '0195a1b2-0000-7e5f-8a9b-0c1d2e3f4a5b',
      partyKind: 'organisation',
      registeredBy: 'sup-7',
      procedure: 'general',
      source: 'complaint',
      complaintId: '0194f3a2-7c1e-7a4b-9d2e-5f6a7b8c9d0e',
      category: 'illegal-construction',
      street: 'Nanjing East Road Subdistrict',
      decisionDueAt: '2026-05-31T23:59:59.999+08:00',
    },
  ],
});

export const EnforcementCaseNoticeIssuedV1Schema = caseSchema({
  ...partyFields,
  issuedBy: StaffId('The officer who issued the notice'),
  proposed: PenaltySchema,
  hearingRight: Type.Boolean({ description: 'Whether the proposed penalty gives the party a right to a hearing (Art. 63).' }),
  servedAt: Nullable(DateTime(), { description: 'When the notice reached the party; null until it is served.' }),
  hearingRequestDueAt: Nullable(DateTime(), { description: 'Last moment to ask for a hearing (Art. 64), when the notice is served and gives that right.' }),
});
export type EnforcementCaseNoticeIssuedV1 = Static<typeof EnforcementCaseNoticeIssuedV1Schema>;
export const EnforcementCaseNoticeIssuedV1Event = defineEvent({
  type: 'enforcement.case.notice-issued.v1',
  topic: TOPIC,
  subjectField: 'caseId',
  schema: EnforcementCaseNoticeIssuedV1Schema,
  description: "The party was told the facts, reasons, basis and proposed penalty, and its rights to state, defend and, where applicable, ask for a hearing (告知, Art. 44–45). Emitted again with servedAt when a notice issued earlier is served.",
  examples: [
    {
      ...base,
      state: 'notice_issued',
      at: '2026-03-10T10:00:00+08:00',
      partyId: '0195a1b2-0000-7e5f-8a9b-0c1d2e3f4a5b',
      partyKind: 'organisation',
      issuedBy: 'off-1',
      proposed: { warning: false, fineFen: 15_000_000, measures: [] },
      hearingRight: true,
      servedAt: '2026-03-10T10:00:00+08:00',
      hearingRequestDueAt: '2026-03-17T23:59:59.999+08:00',
    },
  ],
});

export const EnforcementCaseDecidedV1Schema = caseSchema({
  ...partyFields,
  decidedBy: StaffId('Who took the decision'),
  procedure: StringEnum(['general', 'summary'] as const),
  outcome: StringEnum(ENFORCEMENT_OUTCOMES, { description: 'Education (首违不罚 / minor violation), a rectification order without penalty, or a penalty.' }),
  penalty: Type.Union([PenaltySchema, Type.Null()], { description: 'The penalty, when the outcome is penalty.' }),
  major: Type.Boolean({ description: 'A major decision, taken after legal review (Art. 58).' }),
  legalReviewedBy: Nullable(Type.String({ minLength: 1, maxLength: 200 }), { description: 'The legal reviewer who signed off (account id), if any.' }),
  serviceDueAt: DateTime({ description: 'When the decision must have been served (Art. 61).' }),
});
export type EnforcementCaseDecidedV1 = Static<typeof EnforcementCaseDecidedV1Schema>;
export const EnforcementCaseDecidedV1Event = defineEvent({
  type: 'enforcement.case.decided.v1',
  topic: TOPIC,
  subjectField: 'caseId',
  schema: EnforcementCaseDecidedV1Schema,
  description: 'A decision (决定) was taken on the case; disclosure publishes penalty decisions from it, masked.',
  examples: [
    {
      ...base,
      state: 'decided',
      at: '2026-04-01T15:00:00+08:00',
      partyId: '0195a1b2-0000-7e5f-8a9b-0c1d2e3f4a5b',
      partyKind: 'organisation',
      decidedBy: 'sup-7',
      procedure: 'general',
      outcome: 'penalty',
      penalty: { warning: false, fineFen: 12_000_000, measures: [] },
      major: true,
      legalReviewedBy: 'legal-3',
      serviceDueAt: '2026-04-13T23:59:59.999+08:00',
    },
  ],
});

export const EnforcementCaseServedV1Schema = caseSchema({
  ...partyFields,
  servedBy: StaffId('Who served the decision'),
  servedAt: DateTime({ description: 'When the decision reached the party.' }),
  method: StringEnum(ENFORCEMENT_SERVICE_METHODS, { description: 'How it was served (送达).' }),
  paymentDueAt: Nullable(DateTime(), { description: 'When the fine falls due (Art. 67); null without a fine.' }),
});
export type EnforcementCaseServedV1 = Static<typeof EnforcementCaseServedV1Schema>;
export const EnforcementCaseServedV1Event = defineEvent({
  type: 'enforcement.case.served.v1',
  topic: TOPIC,
  subjectField: 'caseId',
  schema: EnforcementCaseServedV1Schema,
  description: 'The decision was served on the party (送达); with a fine, the 15-day payment period starts.',
  examples: [
    {
      ...base,
      state: 'executing',
      at: '2026-04-02T10:00:00+08:00',
      partyId: '0195a1b2-0000-7e5f-8a9b-0c1d2e3f4a5b',
      partyKind: 'organisation',
      servedBy: 'off-1',
      servedAt: '2026-04-02T10:00:00+08:00',
      method: 'in_person',
      paymentDueAt: '2026-04-17T23:59:59.999+08:00',
    },
  ],
});

export const EnforcementCaseClosedV1Schema = caseSchema({
  closedBy: StaffId('Who closed the case'),
  outcome: Type.Union([StringEnum(ENFORCEMENT_OUTCOMES), Type.Null()], { description: 'The outcome decided; null when the case ended without a decision.' }),
  paidFen: Type.Integer({ minimum: 0, description: 'What the party paid, fine and late fee, in fen.' }),
});
export type EnforcementCaseClosedV1 = Static<typeof EnforcementCaseClosedV1Schema>;
export const EnforcementCaseClosedV1Event = defineEvent({
  type: 'enforcement.case.closed.v1',
  topic: TOPIC,
  subjectField: 'caseId',
  schema: EnforcementCaseClosedV1Schema,
  description: 'The case was closed (结案) after its decision was carried out.',
  examples: [{ ...base, state: 'closed', at: '2026-04-20T10:00:00+08:00', closedBy: 'sup-7', outcome: 'penalty', paidFen: 12_000_000 }],
});

const deadlineFields = {
  deadline: StringEnum(ENFORCEMENT_DEADLINES, { description: 'Which statutory period: decision (Art. 60), hearing request (Art. 64), statement, service (Art. 61), payment (Art. 67).' }),
  dueAt: DateTime({ description: 'When it falls due.' }),
};

export const EnforcementCaseDeadlineWarningV1Schema = caseSchema(deadlineFields);
export type EnforcementCaseDeadlineWarningV1 = Static<typeof EnforcementCaseDeadlineWarningV1Schema>;
export const EnforcementCaseDeadlineWarningV1Event = defineEvent({
  type: 'enforcement.case.deadline-warning.v1',
  topic: TOPIC,
  subjectField: 'caseId',
  schema: EnforcementCaseDeadlineWarningV1Schema,
  description: 'A statutory deadline of the case falls due soon (by default within 48 hours); emitted once per deadline.',
  examples: [{ ...base, state: 'decided', at: '2026-04-11T23:59:59.999+08:00', deadline: 'service', dueAt: '2026-04-13T23:59:59.999+08:00' }],
});

export const EnforcementCaseDeadlineOverdueV1Schema = caseSchema(deadlineFields);
export type EnforcementCaseDeadlineOverdueV1 = Static<typeof EnforcementCaseDeadlineOverdueV1Schema>;
export const EnforcementCaseDeadlineOverdueV1Event = defineEvent({
  type: 'enforcement.case.deadline-overdue.v1',
  topic: TOPIC,
  subjectField: 'caseId',
  schema: EnforcementCaseDeadlineOverdueV1Schema,
  description: 'A statutory deadline of the case passed without the step it waits for; emitted once per deadline.',
  examples: [{ ...base, state: 'decided', at: '2026-04-14T00:00:05+08:00', deadline: 'service', dueAt: '2026-04-13T23:59:59.999+08:00' }],
});
