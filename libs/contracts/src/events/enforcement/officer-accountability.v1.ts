import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, Nullable, StringEnum, Uuid } from '../../schema-kit';

/**
 * Officers' accountability on the officer's stream: certification, the outcome of complaints
 * from the public about them, and their periodic assessment. Disclosure publishes the officer
 * list and the assessment results; notification tells staff. Officers are named by their id and
 * certificate number (both public under the "three systems"); no complainant data travels.
 */
const TOPIC = 'enforcement.officer.v1';
const OfficerId = Type.String({ minLength: 1, maxLength: 100, description: 'The officer (account id, not a name); also the subject and the Kafka key.' });
const StaffId = (description: string) => Type.String({ minLength: 1, maxLength: 200, description: `${description} (account id, not a name).` });
const DateOnly = (description: string) => Type.String({ format: 'date', description });

export const EnforcementOfficerCertifiedV1Schema = Type.Object(
  {
    officerId: OfficerId,
    certificateNumber: Type.String({ minLength: 1, maxLength: 50, description: 'The law-enforcement certificate (执法证) number.' }),
    validFrom: DateOnly('First day of the certificate period.'),
    validUntil: DateOnly('Last day the certificate is valid.'),
    renewal: Type.Boolean({ description: 'False for a new officer, true for a renewal.' }),
    trainingHours: Type.Number({ minimum: 0, description: 'Training hours the officer attended in the certificate period that ended (0 for a new officer).' }),
    requiredTrainingHours: Type.Number({ minimum: 0, description: 'The minimum the renewal required (0 for a new officer).' }),
    certifiedBy: StaffId('Who entered or renewed the certificate'),
    at: DateTime({ description: 'When.' }),
  },
  { additionalProperties: false },
);
export type EnforcementOfficerCertifiedV1 = Static<typeof EnforcementOfficerCertifiedV1Schema>;
export const EnforcementOfficerCertifiedV1Event = defineEvent({
  type: 'enforcement.officer.certified.v1',
  topic: TOPIC,
  subjectField: 'officerId',
  schema: EnforcementOfficerCertifiedV1Schema,
  description: "An officer's law-enforcement certificate was entered or renewed; only certified officers may act on a case.",
  examples: [
    {
      officerId: 'off-0001',
      certificateNumber: 'ZF-2301-000123',
      validFrom: '2026-07-01',
      validUntil: '2029-06-30',
      renewal: true,
      trainingHours: 64,
      requiredTrainingHours: 40,
      certifiedBy: 'admin-1',
      at: '2026-06-28T09:00:00+08:00',
    },
  ],
});

export const OFFICER_COMPLAINT_FINDINGS = ['substantiated', 'not_substantiated'] as const;

export const EnforcementOfficerComplaintConcludedV1Schema = Type.Object(
  {
    officerId: OfficerId,
    complaintId: Uuid({ description: 'The complaint about the officer.' }),
    finding: StringEnum(OFFICER_COMPLAINT_FINDINGS, { description: 'Whether the investigation found the complaint substantiated; a substantiated one counts in the assessment.' }),
    caseId: Nullable(Uuid(), { description: 'The case the complaint concerns, if it named one.' }),
    concludedBy: StaffId('The supervisor who concluded the investigation'),
    at: DateTime({ description: 'When it was concluded.' }),
  },
  { additionalProperties: false },
);
export type EnforcementOfficerComplaintConcludedV1 = Static<typeof EnforcementOfficerComplaintConcludedV1Schema>;
export const EnforcementOfficerComplaintConcludedV1Event = defineEvent({
  type: 'enforcement.officer.complaint-concluded.v1',
  topic: TOPIC,
  subjectField: 'officerId',
  schema: EnforcementOfficerComplaintConcludedV1Schema,
  description: "A complaint from the public about an officer was investigated and concluded. The complainant's identity and words stay in the enforcement service.",
  examples: [
    {
      officerId: 'off-0001',
      complaintId: '0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a60',
      finding: 'substantiated',
      caseId: null,
      concludedBy: 'sup-7',
      at: '2026-04-02T16:00:00+08:00',
    },
  ],
});

const Rate = (description: string) => Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description: `${description}; null when there is nothing to measure.` });

export const EnforcementOfficerAssessedV1Schema = Type.Object(
  {
    officerId: OfficerId,
    reportId: Uuid({ description: 'The published assessment report of the period.' }),
    periodFrom: DateOnly('First day of the period.'),
    periodTo: DateOnly('Last day of the period.'),
    score: Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()], { description: 'The weighted score, 0–100; null when no component could be measured.' }),
    onTimeRate: Rate('Share of the decision and service deadlines of its cases met in time'),
    decisions: Type.Integer({ minimum: 0, description: 'Decisions on its cases in the period.' }),
    changedOnReview: Type.Integer({ minimum: 0, description: 'Decisions on its cases changed, revoked or found unlawful on administrative reconsideration or litigation in the period.' }),
    substantiatedComplaints: Type.Integer({ minimum: 0, description: 'Complaints about the officer concluded as substantiated in the period.' }),
    satisfaction: Type.Union([Type.Number({ minimum: 1, maximum: 5 }), Type.Null()], { description: "Mean of reporters' ratings (1–5) of complaints its cases came from; null when none." }),
    publishedBy: StaffId('Who published the report'),
    at: DateTime({ description: 'When it was published.' }),
  },
  { additionalProperties: false },
);
export type EnforcementOfficerAssessedV1 = Static<typeof EnforcementOfficerAssessedV1Schema>;
export const EnforcementOfficerAssessedV1Event = defineEvent({
  type: 'enforcement.officer.assessed.v1',
  topic: TOPIC,
  subjectField: 'officerId',
  schema: EnforcementOfficerAssessedV1Schema,
  description: "An officer's periodic assessment (考核) was published: on-time rate, decisions changed on review or appeal, substantiated complaints and reporters' satisfaction, weighted into a score.",
  examples: [
    {
      officerId: 'off-0001',
      reportId: '0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a70',
      periodFrom: '2026-01-01',
      periodTo: '2026-03-31',
      score: 87.5,
      onTimeRate: 0.95,
      decisions: 12,
      changedOnReview: 1,
      substantiatedComplaints: 0,
      satisfaction: 4.2,
      publishedBy: 'sup-7',
      at: '2026-04-05T10:00:00+08:00',
    },
  ],
});
