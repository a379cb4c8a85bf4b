/**
 * Statistics over cases (案件分析): counted by one dimension, each group with its outcomes and
 * durations. The outcome is what the stored decision says (education, rectification, penalty, or
 * any outcome added later); a case without a decision counts as `undecided`.
 */

export const ANALYSIS_DIMENSIONS = ['category', 'street', 'outcome', 'officer', 'duration', 'department'] as const;
export type AnalysisDimension = (typeof ANALYSIS_DIMENSIONS)[number];

export interface AnalysedCase {
  readonly department: string;
  readonly category: string;
  readonly street: string | null;
  readonly state: string;
  readonly outcome: string | null;
  readonly createdAt: Date;
  readonly registeredAt: Date | null;
  readonly decidedAt: Date | null;
  readonly closedAt: Date | null;
  readonly officers: readonly string[];
}

export interface CaseGroup {
  readonly key: string;
  readonly cases: number;
  readonly decided: number;
  readonly closed: number;
  readonly outcomes: Readonly<Record<string, number>>;
  /** Mean days from registration (or opening) to the decision, over decided cases; null without any. */
  readonly meanDaysToDecision: number | null;
  /** Mean days from opening to closure, over closed cases; null without any. */
  readonly meanDaysToClose: number | null;
  readonly maxDaysToClose: number | null;
}

/** Closed cases by how long they took; open ones apart. */
export const DURATION_BUCKETS = [
  { key: '0-7 days', upTo: 7 },
  { key: '8-30 days', upTo: 30 },
  { key: '31-90 days', upTo: 90 },
  { key: '91-180 days', upTo: 180 },
  { key: 'over 180 days', upTo: Number.POSITIVE_INFINITY },
] as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / DAY_MS;
export const UNDECIDED = 'undecided';
export const NO_STREET = '(no street)';
export const NO_OFFICER = '(no officer)';
export const OPEN = 'open';

function keysOf(analysed: AnalysedCase, by: AnalysisDimension): string[] {
  switch (by) {
    case 'category':
      return [analysed.category];
    case 'department':
      return [analysed.department];
    case 'street':
      return [analysed.street ?? NO_STREET];
    case 'outcome':
      return [analysed.outcome ?? UNDECIDED];
    case 'officer':
      // A case counts for each officer on it: the groups add up to more than the total.
      return analysed.officers.length > 0 ? [...new Set(analysed.officers)] : [NO_OFFICER];
    case 'duration': {
      if (!analysed.closedAt) return [OPEN];
      const took = days(analysed.createdAt, analysed.closedAt);
      return [DURATION_BUCKETS.find((bucket) => took <= bucket.upTo)?.key ?? DURATION_BUCKETS[DURATION_BUCKETS.length - 1].key];
    }
  }
}

export function groupCases(cases: readonly AnalysedCase[], by: AnalysisDimension): CaseGroup[] {
  const groups = new Map<string, AnalysedCase[]>();
  for (const analysed of cases) for (const key of keysOf(analysed, by)) groups.set(key, [...(groups.get(key) ?? []), analysed]);
  const order = by === 'duration' ? [...DURATION_BUCKETS.map((bucket) => bucket.key), OPEN] : undefined;
  return [...groups.entries()]
    .map(([key, members]) => summarise(key, members))
    .sort((a, b) => (order ? order.indexOf(a.key) - order.indexOf(b.key) : b.cases - a.cases || a.key.localeCompare(b.key)));
}

export function summarise(key: string, members: readonly AnalysedCase[]): CaseGroup {
  const outcomes: Record<string, number> = {};
  const toDecision: number[] = [];
  const toClose: number[] = [];
  for (const analysed of members) {
    const outcome = analysed.outcome ?? UNDECIDED;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    if (analysed.decidedAt) toDecision.push(days(analysed.registeredAt ?? analysed.createdAt, analysed.decidedAt));
    if (analysed.closedAt) toClose.push(days(analysed.createdAt, analysed.closedAt));
  }
  return {
    key,
    cases: members.length,
    decided: toDecision.length,
    closed: toClose.length,
    outcomes,
    meanDaysToDecision: mean(toDecision),
    meanDaysToClose: mean(toClose),
    maxDaysToClose: toClose.length ? round1(Math.max(...toClose)) : null,
  };
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : round1(values.reduce((sum, value) => sum + value, 0) / values.length);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
