import { ENFORCEMENT_MEASURES } from '@civicflow/contracts';
import type { Deadline } from '@civicflow/domain';

export type PartyKind = 'person' | 'organisation';

/** Penalties beyond a fine that the law treats as heavy: each gives a hearing right (Art. 63) and, by default, makes the decision major. */
export const HEAVY_MEASURES = ENFORCEMENT_MEASURES;
export type HeavyMeasure = (typeof HEAVY_MEASURES)[number];

/**
 * The statutory periods and thresholds of the penalty procedure. The defaults follow LEGAL.md
 * (Administrative Penalty Law 2021); a bureau may configure stricter local values.
 */
export interface ProcedureRules {
  /** Art. 60: decision within 90 calendar days of registration. */
  readonly decision: Deadline;
  /** Art. 61: decision served within 7 working days when the party was absent. */
  readonly service: Deadline;
  /** Art. 64: the party asks for a hearing within 5 working days of the notice. */
  readonly hearingRequest: Deadline;
  /** Art. 64: the party is told the time and place at least 7 working days before the hearing. */
  readonly hearingNotice: Deadline;
  /**
   * Art. 44/45 give the right to state and defend but no period; this is the bureau's window
   * before which no decision is taken unless the party has stated (a local rule, 3 working days by default).
   */
  readonly statement: Deadline;
  /** Art. 67: the fine is paid within 15 calendar days of receiving the decision. */
  readonly payment: Deadline;
  /** Art. 72: late fee per day, in percent of the fine, never more than the fine. */
  readonly lateFeePercentPerDay: number;
  /** Art. 36: no penalty for a violation not discovered within 2 years (5 with harm to life, health or financial safety). */
  readonly limitationYears: number;
  readonly limitationYearsWithSeriousHarm: number;
  /** Art. 51: summary procedure only for a warning or a fine up to these amounts, in fen. */
  readonly summaryLimitFen: Readonly<Record<PartyKind, number>>;
  /** Art. 63: fines from these amounts (fen) give a hearing right. */
  readonly hearingFineThresholdFen: Readonly<Record<PartyKind, number>>;
  /** Art. 58 as configured: a fine from these amounts (fen), or any of the measures, makes the decision major. */
  readonly majorFineThresholdFen: Readonly<Record<PartyKind, number>>;
  readonly majorMeasures: readonly HeavyMeasure[];
  /** Art. 58(2): a penalty decided after a hearing needs legal review as well. */
  readonly legalReviewAfterHearing: boolean;
  /** Art. 42: officers on a case and at every on-site act. */
  readonly minimumOfficers: number;
  /** How many hours before a deadline its warning event goes out. */
  readonly warningLeadHours: number;
  /** The bureau's UTC offset, used to read certificate validity dates (`+08:00` in China). */
  readonly utcOffset: string;
}

export const DEFAULT_PROCEDURE_RULES: ProcedureRules = Object.freeze({
  decision: { amount: 90, unit: 'calendar_days' },
  service: { amount: 7, unit: 'working_days' },
  hearingRequest: { amount: 5, unit: 'working_days' },
  hearingNotice: { amount: 7, unit: 'working_days' },
  statement: { amount: 3, unit: 'working_days' },
  payment: { amount: 15, unit: 'calendar_days' },
  lateFeePercentPerDay: 3,
  limitationYears: 2,
  limitationYearsWithSeriousHarm: 5,
  summaryLimitFen: { person: 200_00, organisation: 3_000_00 },
  // Art. 63 leaves "large fines" to the provinces; these are common provincial figures.
  hearingFineThresholdFen: { person: 10_000_00, organisation: 100_000_00 },
  majorFineThresholdFen: { person: 10_000_00, organisation: 100_000_00 },
  majorMeasures: HEAVY_MEASURES,
  legalReviewAfterHearing: true,
  minimumOfficers: 2,
  warningLeadHours: 48,
  utcOffset: '+08:00',
} satisfies ProcedureRules);

/** A penalty as proposed in the notice or decided. Amounts in fen (1 CNY = 100 fen) so that sums are exact. */
export interface Penalty {
  readonly warning: boolean;
  readonly fineFen: number;
  readonly measures: readonly HeavyMeasure[];
}

export function givesHearingRight(penalty: Penalty, partyKind: PartyKind, rules: ProcedureRules): boolean {
  return penalty.fineFen >= rules.hearingFineThresholdFen[partyKind] || penalty.measures.length > 0;
}

export function isMajor(penalty: Penalty, partyKind: PartyKind, rules: ProcedureRules): boolean {
  return penalty.fineFen >= rules.majorFineThresholdFen[partyKind] || penalty.measures.some((measure) => rules.majorMeasures.includes(measure));
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/**
 * Art. 72: the late fee at `paidAt` for a fine due at `dueAt` (the end of the last day to pay):
 * `percentPerDay` of the fine for every day or part of a day late, never more than the fine.
 * In whole fen, rounded down: the party never owes a fraction the law did not impose.
 */
export function lateFeeFen(fineFen: number, dueAt: Date, paidAt: Date, percentPerDay: number): number {
  if (!Number.isInteger(fineFen) || fineFen < 0) throw new RangeError(`fineFen: ${String(fineFen)} is not a whole number of fen ≥ 0`);
  const daysLate = Math.max(0, Math.ceil((paidAt.getTime() - dueAt.getTime()) / MS_PER_DAY));
  return Math.min(fineFen, Math.floor((fineFen * percentPerDay * daysLate) / 100));
}
