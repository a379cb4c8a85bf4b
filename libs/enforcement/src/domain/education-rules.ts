/**
 * Education first (教育引导, 首违不罚): Art. 33 of the Administrative Penalty Law. A minor violation
 * corrected promptly without harm is not penalised; a first violation with slight harm corrected
 * promptly may be exempt. Which violations are which is for the bureau's published lists (清单),
 * kept as configuration per category.
 */
export interface EducationRules {
  /** Categories whose violations are minor: corrected promptly without harm, never penalised (Art. 33 ¶1, first sentence). */
  readonly minorViolations: readonly string[];
  /** Categories whose first violation with slight harm, corrected promptly, is not penalised (Art. 33 ¶1, second sentence). */
  readonly firstViolations: readonly string[];
  /**
   * How far back a prior violation of the same category makes this one not a first one. The law
   * sets no window; one year (12 months) is the common practice of the provincial lists and the
   * default here (ADR 0008).
   */
  readonly priorViolationWindowMonths: number;
  /** The longest rectification period an officer may set, in calendar days. */
  readonly maxRectificationDays: number;
}

export const DEFAULT_EDUCATION_RULES: EducationRules = Object.freeze({
  // Typical entries of the provincial "first violation not penalised" lists for city management.
  minorViolations: ['littering', 'unauthorised-posting'],
  firstViolations: ['street-vending', 'shop-front-occupation', 'outdoor-advertising', 'littering', 'unauthorised-posting'],
  priorViolationWindowMonths: 12,
  maxRectificationDays: 30,
} satisfies EducationRules);

/** A violation of the party found in another case (education, rectification or penalty decided, or education given). */
export interface PriorViolation {
  readonly caseId: string;
  readonly category: string;
  readonly violationAt: string;
}

export type RectificationBasis = 'minor_violation' | 'first_violation' | 'rectification_order';

/** The prior violations of the same category within the window before `violationAt`. */
export function priorViolationsInWindow(priors: readonly PriorViolation[], category: string, violationAt: string, rules: EducationRules): PriorViolation[] {
  const end = new Date(violationAt);
  const start = new Date(end);
  start.setUTCMonth(start.getUTCMonth() - rules.priorViolationWindowMonths);
  return priors.filter((prior) => prior.category === category && new Date(prior.violationAt) >= start && new Date(prior.violationAt) <= end);
}
