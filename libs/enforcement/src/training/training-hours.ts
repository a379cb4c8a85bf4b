/** Training hours: what an officer attended in a period, and whether it is enough to renew a certificate. */

export const TRAINING_CATEGORIES = [
  'law_and_regulations',
  'professional_ethics',
  'communication_skills',
  'enforcement_procedure',
  'evidence_and_recording',
  'safety_and_first_aid',
  'other',
] as const;
export type TrainingCategory = (typeof TRAINING_CATEGORIES)[number];

export interface Attendance {
  /** When the session started. */
  readonly at: Date;
  readonly hours: number;
  readonly category: TrainingCategory;
}

export interface HoursSummary {
  readonly total: number;
  readonly byCategory: Readonly<Partial<Record<TrainingCategory, number>>>;
  readonly sessions: number;
}

/** Hours of the sessions that started in [from, to), in tenths so that 0.1 + 0.2 adds up. */
export function hoursInPeriod(attendances: readonly Attendance[], period: { from: Date; to: Date }): HoursSummary {
  const tenths: Partial<Record<TrainingCategory, number>> = {};
  let total = 0;
  let sessions = 0;
  for (const attendance of attendances) {
    if (attendance.at < period.from || attendance.at >= period.to) continue;
    const value = Math.round(attendance.hours * 10);
    total += value;
    sessions += 1;
    tenths[attendance.category] = (tenths[attendance.category] ?? 0) + value;
  }
  const byCategory = Object.fromEntries(Object.entries(tenths).map(([category, value]) => [category, value / 10]));
  return { total: total / 10, byCategory, sessions };
}

/** The certificate period a renewal looks back on: from the start of the current certificate to the renewal day. */
export function certificatePeriod(validFrom: string | null, officerCreatedAt: Date, renewalDay: string): { from: string; to: string } {
  const from = validFrom ?? officerCreatedAt.toISOString().slice(0, 10);
  return { from: from <= renewalDay ? from : renewalDay, to: renewalDay };
}

export type RenewalVerdict = { allowed: true } | { allowed: false; shortBy: number };

export function renewalVerdict(hours: number, required: number): RenewalVerdict {
  if (hours >= required) return { allowed: true };
  return { allowed: false, shortBy: Math.round((required - hours) * 10) / 10 };
}
