import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../../event-definition';
import { DateTime, Nullable, Uuid } from '../../schema-kit';

/**
 * Referrals (移送) from other departments to the enforcement bureau, on a topic those departments
 * publish to. No personal data: the enforcement officers identify the party themselves, so the
 * topic can stay public.
 */
const TOPIC = 'enforcement.referral.v1';

export const EnforcementReferralSubmittedV1Schema = Type.Object(
  {
    referralId: Uuid({ description: "The referral, in the referring department's numbering space; also the subject and the Kafka key. One case per referral." }),
    referringDepartment: Type.String({ minLength: 1, maxLength: 100, description: 'Code of the department that refers the matter.' }),
    referenceNumber: Nullable(Type.String({ minLength: 1, maxLength: 100 }), { description: "The referring department's own file number (移送函文号), if any." }),
    targetDepartment: Nullable(Type.String({ minLength: 1, maxLength: 100 }), { description: "The enforcement department (brigade) meant to take the case; null for the bureau's default." }),
    category: Type.String({ minLength: 1, maxLength: 100, description: 'Category code of the suspected violation.' }),
    description: Type.String({ minLength: 1, maxLength: 4000, description: 'What was found; without names, identity numbers or contact details.' }),
    street: Nullable(Type.String({ minLength: 1, maxLength: 100 }), { description: 'The street (街道) where it happened.' }),
    address: Type.String({ minLength: 1, maxLength: 300, description: 'Where it happened.' }),
    violationAt: DateTime({ description: 'When the violation was found (the 2-year limit of Art. 36 counts from no later than this).' }),
    referredBy: Type.String({ minLength: 1, maxLength: 200, description: 'Who referred it (account id, not a name).' }),
    at: DateTime({ description: 'When it was referred.' }),
  },
  { additionalProperties: false },
);
export type EnforcementReferralSubmittedV1 = Static<typeof EnforcementReferralSubmittedV1Schema>;
export const EnforcementReferralSubmittedV1Event = defineEvent({
  type: 'enforcement.referral.submitted.v1',
  topic: TOPIC,
  subjectField: 'referralId',
  schema: EnforcementReferralSubmittedV1Schema,
  description: 'Another department referred a suspected violation to the enforcement bureau (移送); the bureau opens one case per referral, waiting for a party, officers and registration.',
  examples: [
    {
      referralId: '0195b2c3-4d5e-7f60-8a9b-0c1d2e3f4a5b',
      referringDepartment: 'market-supervision',
      referenceNumber: 'SJ-2026-0042',
      targetDepartment: null,
      category: 'shop-front-occupation',
      description: 'Goods displayed on the pavement in front of the shop at No. 12 during an inspection of food safety.',
      street: 'Nanjing East Road Subdistrict',
      address: '12 Henan Middle Road',
      violationAt: '2026-03-09T15:00:00+08:00',
      referredBy: 'msa-officer-17',
      at: '2026-03-10T09:00:00+08:00',
    },
  ],
});
