/** The four areas a street is rated on in the street rating (街路评比). */
export const CRITERION_CATEGORIES = ['sanitation', 'appearance_order', 'greening', 'facilities'] as const;

export type CriterionCategory = (typeof CRITERION_CATEGORIES)[number];

/** One thing inspectors score a street on; its weight sets its share of the street's total. */
export interface Criterion {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Positive; weights are relative, so they need not add up to 1 or 100. */
  weight: number;
  category: CriterionCategory;
}
