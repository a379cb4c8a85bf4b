import { type Static, type TObject, Type } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, StringEnum, Uuid } from '../../schema-kit';
import { CASE_TOPIC, caseSchema, StaffId } from './case-schema';

/**
 * The procedure steps that other events do not already announce, one type each, so that the
 * disclosure and notification services and supervisors' dashboards can follow a case step by
 * step. The party is named by id and kind only, and only once it is known.
 */
const EVIDENCE_KINDS = ['photo', 'video', 'audio', 'document', 'statement'] as const;
const ON_SITE_ACTS = ['inspection', 'seizure', 'demolition'] as const;
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the evidence file, hex.' });

const knownParty = {
  partyId: Type.Union([Uuid(), Type.Null()], { description: 'The party, by id only; null while not yet identified.' }),
  partyKind: Type.Union([StringEnum(['person', 'organisation'] as const), Type.Null()]),
};

const example = { caseId: '0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b', partyId: '0195a1b2-0000-7e5f-8a9b-0c1d2e3f4a5b', partyKind: 'person' as const };

function stepEvent<const T extends string, S extends TObject>(type: T, description: string, schema: S, sample: Omit<Static<S>, keyof typeof example>) {
  return defineEvent({ type, topic: CASE_TOPIC, subjectField: 'caseId', schema, description, examples: [{ ...example, ...sample } as Static<S>] });
}

export const EnforcementCaseRegistrationRefusedV1Event = stepEvent(
  'enforcement.case.registration-refused.v1',
  'A supervisor refused to register the case (不予立案), with the reason (e.g. the 2-year limit of Art. 36).',
  caseSchema({ ...knownParty, refusedBy: StaffId('The supervisor who refused'), reason: Type.String({ minLength: 1, maxLength: 2000 }) }),
  { state: 'registration_refused', at: '2026-03-02T10:00:00+08:00', refusedBy: 'sup-7', reason: 'Discovered more than 2 years after the violation (Art. 36).' },
);
export type EnforcementCaseRegistrationRefusedV1 = Static<typeof EnforcementCaseRegistrationRefusedV1Event.schema>;

export const EnforcementCaseEvidenceRecordedV1Event = stepEvent(
  'enforcement.case.evidence-recorded.v1',
  'Evidence was added to the case (调查取证): each item by kind and SHA-256, the on-site act if any, and the officers present.',
  caseSchema({ ...knownParty,
    recordedBy: StaffId('The officer who recorded it'),
    items: Type.Array(Type.Object({ kind: StringEnum(EVIDENCE_KINDS), sha256: Sha256 }, { additionalProperties: false }), { minItems: 1 }),
    onSite: Type.Union([StringEnum(ON_SITE_ACTS), Type.Null()], { description: 'The on-site act the evidence records, if any.' }),
    presentOfficerIds: Type.Array(StaffId('An officer present'), { description: 'Certified officers present at an on-site act (Art. 42).' }),
  }),
  { state: 'investigating', at: '2026-03-03T10:00:00+08:00', recordedBy: 'off-1', items: [{ kind: 'video', sha256: 'a'.repeat(64) }], onSite: 'inspection', presentOfficerIds: ['off-1', 'off-2'] },
);
export type EnforcementCaseEvidenceRecordedV1 = Static<typeof EnforcementCaseEvidenceRecordedV1Event.schema>;

export const EnforcementCaseStatementReceivedV1Event = stepEvent(
  'enforcement.case.statement-received.v1',
  "The party's statement and defence (陈述申辩) was recorded, on audio or video.",
  caseSchema({ ...knownParty, recordedBy: StaffId('The officer who recorded it') }),
  { state: 'notice_issued', at: '2026-03-05T10:00:00+08:00', recordedBy: 'off-1' },
);
export type EnforcementCaseStatementReceivedV1 = Static<typeof EnforcementCaseStatementReceivedV1Event.schema>;

export const EnforcementCaseHearingRequestedV1Event = stepEvent(
  'enforcement.case.hearing-requested.v1',
  'The party asked for a hearing (听证) within the window of Art. 64.',
  caseSchema({ ...knownParty, recordedBy: StaffId('The officer who recorded the request') }),
  { state: 'hearing_requested', at: '2026-03-05T10:00:00+08:00', recordedBy: 'off-1' },
);
export type EnforcementCaseHearingRequestedV1 = Static<typeof EnforcementCaseHearingRequestedV1Event.schema>;

export const EnforcementCaseHearingScheduledV1Event = stepEvent(
  'enforcement.case.hearing-scheduled.v1',
  'The hearing was set, at least 7 working days after the party is told (Art. 64).',
  caseSchema({ ...knownParty, scheduledBy: StaffId('Who set it'), scheduledFor: DateTime({ description: 'When the hearing is held.' }) }),
  { state: 'hearing_scheduled', at: '2026-03-06T10:00:00+08:00', scheduledBy: 'sup-7', scheduledFor: '2026-03-18T09:30:00+08:00' },
);
export type EnforcementCaseHearingScheduledV1 = Static<typeof EnforcementCaseHearingScheduledV1Event.schema>;

export const EnforcementCaseHearingHeldV1Event = stepEvent(
  'enforcement.case.hearing-held.v1',
  'The hearing was held and recorded on audio or video.',
  caseSchema({ ...knownParty, heldBy: StaffId('Who chaired it') }),
  { state: 'hearing_held', at: '2026-03-18T11:00:00+08:00', heldBy: 'sup-7' },
);
export type EnforcementCaseHearingHeldV1 = Static<typeof EnforcementCaseHearingHeldV1Event.schema>;

export const EnforcementCaseLegalReviewedV1Event = stepEvent(
  'enforcement.case.legal-reviewed.v1',
  "A qualified legal reviewer, not an officer on the case, reviewed the proposed decision (法制审核, Art. 58); the opinion stays in the whole-process record.",
  caseSchema({ ...knownParty, reviewerId: StaffId('The legal reviewer'), approved: Type.Boolean({ description: 'Whether the reviewer signed off.' }) }),
  { state: 'legal_reviewed', at: '2026-03-20T10:00:00+08:00', reviewerId: 'legal-3', approved: true },
);
export type EnforcementCaseLegalReviewedV1 = Static<typeof EnforcementCaseLegalReviewedV1Event.schema>;

export const EnforcementCasePaidV1Event = stepEvent(
  'enforcement.case.paid.v1',
  'A payment of the fine (and late fee, Art. 72) was recorded.',
  caseSchema({ ...knownParty,
    recordedBy: StaffId('Who recorded it'),
    amountFen: Type.Integer({ minimum: 1, description: 'This payment, in fen.' }),
    paidFen: Type.Integer({ minimum: 0, description: 'Paid so far, in fen.' }),
  }),
  { state: 'executing', at: '2026-04-05T10:00:00+08:00', recordedBy: 'off-1', amountFen: 50_000, paidFen: 50_000 },
);
export type EnforcementCasePaidV1 = Static<typeof EnforcementCasePaidV1Event.schema>;

export const EnforcementCaseSuspendedV1Event = stepEvent(
  'enforcement.case.suspended.v1',
  'The case was suspended (中止); the 90-day decision period pauses until it resumes.',
  caseSchema({ ...knownParty, suspendedBy: StaffId('Who suspended it'), reason: Type.String({ minLength: 1, maxLength: 2000 }) }),
  { state: 'suspended', at: '2026-03-10T10:00:00+08:00', suspendedBy: 'sup-7', reason: 'The party is in hospital.' },
);
export type EnforcementCaseSuspendedV1 = Static<typeof EnforcementCaseSuspendedV1Event.schema>;

export const EnforcementCaseResumedV1Event = stepEvent(
  'enforcement.case.resumed.v1',
  'A suspended case resumed; the decision period runs again.',
  caseSchema({ ...knownParty, resumedBy: StaffId('Who resumed it') }),
  { state: 'investigating', at: '2026-03-20T10:00:00+08:00', resumedBy: 'sup-7' },
);
export type EnforcementCaseResumedV1 = Static<typeof EnforcementCaseResumedV1Event.schema>;

export const EnforcementCaseTerminatedV1Event = stepEvent(
  'enforcement.case.terminated.v1',
  'The case was terminated (终止) without a decision, with the reason.',
  caseSchema({ ...knownParty, terminatedBy: StaffId('Who terminated it'), reason: Type.String({ minLength: 1, maxLength: 2000 }) }),
  { state: 'terminated', at: '2026-03-20T10:00:00+08:00', terminatedBy: 'sup-7', reason: 'The business was dissolved.' },
);
export type EnforcementCaseTerminatedV1 = Static<typeof EnforcementCaseTerminatedV1Event.schema>;

export const EnforcementCaseArchivedV1Event = stepEvent(
  'enforcement.case.archived.v1',
  'The closed case was archived (归档); its whole-process record stays verifiable.',
  caseSchema({ ...knownParty, archivedBy: StaffId('Who archived it') }),
  { state: 'archived', at: '2026-05-01T10:00:00+08:00', archivedBy: 'sup-7' },
);
export type EnforcementCaseArchivedV1 = Static<typeof EnforcementCaseArchivedV1Event.schema>;

export const EnforcementCaseDecisionDeadlineExtendedV1Event = stepEvent(
  'enforcement.case.decision-deadline-extended.v1',
  'A supervisor approved more time for the decision (Art. 60); the approval is on the record.',
  caseSchema({ ...knownParty,
    approvedBy: StaffId('The supervisor who approved it'),
    days: Type.Integer({ minimum: 1, description: 'Days added.' }),
    decisionDueAt: Type.Union([DateTime(), Type.Null()], { description: 'The new due date.' }),
  }),
  { state: 'investigating', at: '2026-05-20T10:00:00+08:00', approvedBy: 'sup-7', days: 30, decisionDueAt: '2026-06-30T23:59:59.999+08:00' },
);
export type EnforcementCaseDecisionDeadlineExtendedV1 = Static<typeof EnforcementCaseDecisionDeadlineExtendedV1Event.schema>;

/** Every step event of this file, for the catalogue. */
export const ENFORCEMENT_STEP_EVENTS = [
  EnforcementCaseRegistrationRefusedV1Event,
  EnforcementCaseEvidenceRecordedV1Event,
  EnforcementCaseStatementReceivedV1Event,
  EnforcementCaseHearingRequestedV1Event,
  EnforcementCaseHearingScheduledV1Event,
  EnforcementCaseHearingHeldV1Event,
  EnforcementCaseLegalReviewedV1Event,
  EnforcementCasePaidV1Event,
  EnforcementCaseSuspendedV1Event,
  EnforcementCaseResumedV1Event,
  EnforcementCaseTerminatedV1Event,
  EnforcementCaseArchivedV1Event,
  EnforcementCaseDecisionDeadlineExtendedV1Event,
] as const;
