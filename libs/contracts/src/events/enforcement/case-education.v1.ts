import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, Nullable, StringEnum } from '../../schema-kit';
import { ENFORCEMENT_DEADLINES } from './case-lifecycle.v1';
import { CASE_TOPIC as TOPIC, caseSchema, partyFields, StaffId } from './case-schema';

export { ENFORCEMENT_CASE_STATES_V2 } from './case-schema';

/**
 * Education first (教育引导, 首违不罚, Art. 33) and rectification orders without a penalty. The
 * v1 case events name the states and deadlines as they were before this path existed; their
 * enums stay closed, so the events below carry the wider lists instead (ADR 0005: new versions
 * beside the old).
 */
export const ENFORCEMENT_DEADLINES_V2 = [...ENFORCEMENT_DEADLINES, 'rectification'] as const;
/** Why no penalty: a minor violation without harm (Art. 33 ¶1, first sentence), a first violation with slight harm (second sentence), or an order to rectify only. */
export const ENFORCEMENT_RECTIFICATION_BASES = ['minor_violation', 'first_violation', 'rectification_order'] as const;

const base = { caseId: '0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b', partyId: '0195a1b2-0000-7e5f-8a9b-0c1d2e3f4a5b', partyKind: 'person' as const };
const rectificationFields = {
  ...partyFields,
  category: Type.String({ minLength: 1, maxLength: 100, description: 'Category code of the violation.' }),
  basis: StringEnum(ENFORCEMENT_RECTIFICATION_BASES, { description: 'Why the case ends without a penalty if the party rectifies.' }),
  rectifyBy: DateTime({ description: 'When the party must have corrected the violation; a follow-up inspection falls due then.' }),
};

export const EnforcementCaseEducationGivenV1Schema = caseSchema({
  ...rectificationFields,
  educatedBy: StaffId('The certified officer who explained the law to the party'),
});
export type EnforcementCaseEducationGivenV1 = Static<typeof EnforcementCaseEducationGivenV1Schema>;
export const EnforcementCaseEducationGivenV1Event = defineEvent({
  type: 'enforcement.case.education-given.v1',
  topic: TOPIC,
  subjectField: 'caseId',
  schema: EnforcementCaseEducationGivenV1Schema,
  description:
    'The party of a minor or first violation was educated instead of penalised (教育引导, 首违不罚, Art. 33) and told to rectify by a date; a follow-up inspection decides whether the case ends there or goes on to the penalty path. What was explained stays in the whole-process record.',
  examples: [{ ...base, state: 'rectifying', at: '2026-03-10T10:00:00+08:00', category: 'street-vending', basis: 'first_violation', rectifyBy: '2026-03-17T23:59:59.999+08:00', educatedBy: 'off-1' }],
});

export const EnforcementCaseRectificationOrderedV1Schema = caseSchema({
  ...rectificationFields,
  orderedBy: StaffId('The officer who ordered the rectification'),
});
export type EnforcementCaseRectificationOrderedV1 = Static<typeof EnforcementCaseRectificationOrderedV1Schema>;
export const EnforcementCaseRectificationOrderedV1Event = defineEvent({
  type: 'enforcement.case.rectification-ordered.v1',
  topic: TOPIC,
  subjectField: 'caseId',
  schema: EnforcementCaseRectificationOrderedV1Schema,
  description: 'The party was ordered to rectify by a date without a penalty (责令改正, the "management" of 721); a follow-up inspection decides whether the case ends there.',
  examples: [{ ...base, state: 'rectifying', at: '2026-03-10T10:00:00+08:00', category: 'shop-front-occupation', basis: 'rectification_order', rectifyBy: '2026-03-24T23:59:59.999+08:00', orderedBy: 'off-1' }],
});

export const EnforcementCaseFollowUpInspectedV1Schema = caseSchema({
  ...partyFields,
  inspectedBy: StaffId('The officer who recorded the follow-up inspection'),
  rectified: Type.Boolean({ description: 'Whether the violation was corrected; if not, the case goes back to investigation on the penalty path.' }),
  outcome: Type.Union([StringEnum(['education', 'rectification'] as const), Type.Null()], { description: 'The outcome decided when rectified; null when the case continues towards a penalty.' }),
  serviceDueAt: Nullable(DateTime(), { description: 'When the decision not to penalise must have been served (Art. 61); null when not rectified.' }),
});
export type EnforcementCaseFollowUpInspectedV1 = Static<typeof EnforcementCaseFollowUpInspectedV1Schema>;
export const EnforcementCaseFollowUpInspectedV1Event = defineEvent({
  type: 'enforcement.case.follow-up-inspected.v1',
  topic: TOPIC,
  subjectField: 'caseId',
  schema: EnforcementCaseFollowUpInspectedV1Schema,
  description: 'Officers inspected whether the party rectified: rectified ends the case with the education or rectification outcome (decided); not rectified sends it back to investigation towards a penalty.',
  examples: [
    { ...base, state: 'decided', at: '2026-03-18T10:00:00+08:00', inspectedBy: 'off-1', rectified: true, outcome: 'education', serviceDueAt: '2026-03-27T23:59:59.999+08:00' },
    { ...base, state: 'investigating', at: '2026-03-18T10:00:00+08:00', inspectedBy: 'off-1', rectified: false, outcome: null, serviceDueAt: null },
  ],
});

const deadlineFields = {
  deadline: StringEnum(ENFORCEMENT_DEADLINES_V2, { description: 'Which period: decision (Art. 60), hearing request (Art. 64), statement, service (Art. 61), payment (Art. 67), rectification (the rectify-by date, when the follow-up inspection falls due).' }),
  dueAt: DateTime({ description: 'When it falls due.' }),
};

export const EnforcementCaseDeadlineWarningV2Schema = caseSchema(deadlineFields);
export type EnforcementCaseDeadlineWarningV2 = Static<typeof EnforcementCaseDeadlineWarningV2Schema>;
export const EnforcementCaseDeadlineWarningV2Event = defineEvent({
  type: 'enforcement.case.deadline-warning.v2',
  topic: TOPIC,
  subjectField: 'caseId',
  schema: EnforcementCaseDeadlineWarningV2Schema,
  description:
    'A deadline of the case falls due soon, for the alerts v1 cannot name: the rectification deadline, or any deadline of a case in the rectifying state. Every other alert is still sent as deadline-warning.v1, once per deadline.',
  examples: [{ caseId: base.caseId, state: 'rectifying', at: '2026-03-15T23:59:59.999+08:00', deadline: 'rectification', dueAt: '2026-03-17T23:59:59.999+08:00' }],
});

export const EnforcementCaseDeadlineOverdueV2Schema = caseSchema(deadlineFields);
export type EnforcementCaseDeadlineOverdueV2 = Static<typeof EnforcementCaseDeadlineOverdueV2Schema>;
export const EnforcementCaseDeadlineOverdueV2Event = defineEvent({
  type: 'enforcement.case.deadline-overdue.v2',
  topic: TOPIC,
  subjectField: 'caseId',
  schema: EnforcementCaseDeadlineOverdueV2Schema,
  description:
    'A deadline of the case passed without the step it waits for, for the alerts v1 cannot name (the rectification deadline: the follow-up inspection is late; any deadline of a rectifying case). Every other alert is still sent as deadline-overdue.v1, once per deadline.',
  examples: [{ caseId: base.caseId, state: 'rectifying', at: '2026-03-18T00:00:05+08:00', deadline: 'rectification', dueAt: '2026-03-17T23:59:59.999+08:00' }],
});
