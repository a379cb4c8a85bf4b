import { Type, type TProperties } from '@sinclair/typebox';
import { DateTime, StringEnum, Uuid } from '../../schema-kit';
import { ENFORCEMENT_CASE_STATES } from './case-lifecycle.v1';

/** The states the events published since the education path can name (v1 events keep the closed v1 list). */
export const ENFORCEMENT_CASE_STATES_V2 = [...ENFORCEMENT_CASE_STATES, 'rectifying'] as const;

export const CASE_TOPIC = 'enforcement.case.v1';

export const StaffId = (description: string) => Type.String({ minLength: 1, maxLength: 200, description: `${description} (account id, not a name).` });

/** A case event: the case, its state after the step and when, plus the step's own fields; closed. */
export function caseSchema<P extends TProperties>(properties: P) {
  return Type.Object(
    {
      caseId: Uuid({ description: 'The case; also the subject and the Kafka key.' }),
      state: StringEnum(ENFORCEMENT_CASE_STATES_V2, { description: 'The state after this step.' }),
      at: DateTime({ description: 'When the step happened.' }),
      ...properties,
    },
    { additionalProperties: false },
  );
}

export const partyFields = {
  partyId: Uuid({ description: 'The party, by id only: its name and identity stay in the enforcement service.' }),
  partyKind: StringEnum(['person', 'organisation'] as const),
};
