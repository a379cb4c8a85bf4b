/**
 * The periodic assessment of an officer (考核) from what the record shows: each component is a
 * value from 0 (worst) to 1 (best), and the score is their weighted mean on a 0–100 scale. A
 * component with nothing to measure (no deadline fell due, no decision, no rating) is left out
 * and the others are reweighted, so that an officer is neither rewarded nor punished for it;
 * the report says which components were not available. Complaints alone make no score: an
 * officer with no deadline, decision or rating in the period has no work to score, and "no
 * complaint" would otherwise read as full marks.
 */

export const ASSESSMENT_COMPONENTS = ['onTime', 'reviews', 'complaints', 'satisfaction'] as const;
export type AssessmentComponent = (typeof ASSESSMENT_COMPONENTS)[number];
/** The components that measure the officer's work in the period, as opposed to complaints about it. */
const WORK_COMPONENTS: readonly AssessmentComponent[] = ['onTime', 'reviews', 'satisfaction'];

export interface AssessmentWeights {
  readonly onTime: number;
  readonly reviews: number;
  readonly complaints: number;
  readonly satisfaction: number;
  /** What each substantiated complaint takes off the complaints component. */
  readonly complaintPenalty: number;
}

export const DEFAULT_ASSESSMENT_WEIGHTS: AssessmentWeights = { onTime: 0.4, reviews: 0.25, complaints: 0.2, satisfaction: 0.15, complaintPenalty: 0.25 };

/** Reads ENFORCEMENT_ASSESSMENT_WEIGHTS: partial JSON over the defaults; refuses what cannot be a weight, naming it. */
export function assessmentWeightsFromConfig(text: string | undefined): AssessmentWeights {
  const trimmed = text?.trim() ?? '';
  if (!trimmed) return DEFAULT_ASSESSMENT_WEIGHTS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    throw new RangeError(`ENFORCEMENT_ASSESSMENT_WEIGHTS is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new RangeError('ENFORCEMENT_ASSESSMENT_WEIGHTS: must be an object');
  const weights: Record<string, number> = { ...DEFAULT_ASSESSMENT_WEIGHTS };
  for (const [key, value] of Object.entries(parsed)) {
    if (!(key in DEFAULT_ASSESSMENT_WEIGHTS)) throw new RangeError(`ENFORCEMENT_ASSESSMENT_WEIGHTS.${key}: unknown key; known: ${Object.keys(DEFAULT_ASSESSMENT_WEIGHTS).join(', ')}`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) throw new RangeError(`ENFORCEMENT_ASSESSMENT_WEIGHTS.${key}: must be a number from 0 to 1`);
    weights[key] = value;
  }
  if (ASSESSMENT_COMPONENTS.every((component) => weights[component] === 0)) throw new RangeError('ENFORCEMENT_ASSESSMENT_WEIGHTS: at least one component needs a weight above 0');
  return weights as unknown as AssessmentWeights;
}

/** A deadline of one of the officer's cases: when it fell due and when the step was taken (null: not yet). */
export interface DeadlineOutcome {
  readonly dueAt: Date;
  readonly metAt: Date | null;
}

export interface OnTimeTally {
  readonly due: number;
  readonly onTime: number;
}

/**
 * The deadlines that count in the period: those that fell due in it, by `now`. One met at or
 * before its due time is on time; one met late or still open after it is not. A deadline not
 * yet due counts in a later period.
 */
export function onTimeTally(deadlines: readonly DeadlineOutcome[], period: { from: Date; to: Date }, now: Date): OnTimeTally {
  let due = 0;
  let onTime = 0;
  for (const deadline of deadlines) {
    if (deadline.dueAt < period.from || deadline.dueAt >= period.to) continue;
    const settled = deadline.metAt !== null || deadline.dueAt < now;
    if (!settled) continue;
    due += 1;
    if (deadline.metAt !== null && deadline.metAt <= deadline.dueAt) onTime += 1;
  }
  return { due, onTime };
}

/** What the record shows of one officer in one period. */
export interface OfficerRecord {
  readonly deadlines: OnTimeTally;
  readonly decisions: number;
  readonly changedOnReview: number;
  readonly substantiatedComplaints: number;
  /** Reporters' ratings (1–5) of the complaints the officer's cases came from. */
  readonly ratings: readonly number[];
}

export interface OfficerAssessment {
  readonly onTimeRate: number | null;
  readonly decisions: number;
  readonly changedOnReview: number;
  readonly substantiatedComplaints: number;
  /** Mean rating 1–5, or null without ratings. */
  readonly satisfaction: number | null;
  readonly components: Readonly<Record<AssessmentComponent, number | null>>;
  /** 0–100, one decimal; null when no component could be measured. */
  readonly score: number | null;
  readonly notAvailable: readonly AssessmentComponent[];
}

export function assessOfficer(record: OfficerRecord, weights: AssessmentWeights): OfficerAssessment {
  const onTimeRate = record.deadlines.due === 0 ? null : record.deadlines.onTime / record.deadlines.due;
  // A decision made in an earlier period can be changed in this one: the base is whichever is larger.
  const reviewBase = Math.max(record.decisions, record.changedOnReview);
  const reviews = reviewBase === 0 ? null : 1 - record.changedOnReview / reviewBase;
  // Complaints are always measurable: none substantiated is the full mark.
  const complaints = Math.max(0, 1 - record.substantiatedComplaints * weights.complaintPenalty);
  const satisfaction = record.ratings.length === 0 ? null : record.ratings.reduce((sum, rating) => sum + rating, 0) / record.ratings.length;
  const components: Record<AssessmentComponent, number | null> = {
    onTime: onTimeRate,
    reviews,
    complaints,
    satisfaction: satisfaction === null ? null : (satisfaction - 1) / 4,
  };
  let weighted = 0;
  let weightSum = 0;
  for (const component of ASSESSMENT_COMPONENTS) {
    const value = components[component];
    if (value === null || weights[component] === 0) continue;
    weighted += value * weights[component];
    weightSum += weights[component];
  }
  return {
    onTimeRate: onTimeRate === null ? null : round(onTimeRate, 4),
    decisions: record.decisions,
    changedOnReview: record.changedOnReview,
    substantiatedComplaints: record.substantiatedComplaints,
    satisfaction: satisfaction === null ? null : round(satisfaction, 2),
    components: Object.fromEntries(ASSESSMENT_COMPONENTS.map((component) => [component, components[component] === null ? null : round(components[component] as number, 4)])) as Record<AssessmentComponent, number | null>,
    score: weightSum === 0 || WORK_COMPONENTS.every((component) => components[component] === null) ? null : round((weighted / weightSum) * 100, 1),
    notAvailable: ASSESSMENT_COMPONENTS.filter((component) => components[component] === null),
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
