import type { CategoryProblem } from './category';

/** The definition breaks rules of its own (a bad code, a missing name, an impossible deadline). */
export class InvalidCategoryError extends Error {
  readonly code = 'invalid_category';

  constructor(readonly problems: readonly CategoryProblem[]) {
    super(problems.map((problem) => problem.message).join('; '));
  }
}

export type CategoryConflictReason =
  /** A sub class names a major class that is missing, of the other tree, or inactive. */
  | 'major_class_mismatch'
  /** Another class of the same tree already has this standard code. */
  | 'standard_code_taken'
  /** The change would strand the sub classes of a major class (it would become a sub class or move tree). */
  | 'major_class_has_sub_classes'
  /** Another request created a class with this code between this one's checks and its write. */
  | 'category_created_meanwhile';

/** The definition is valid on its own but contradicts the rest of the catalogue. */
export class CategoryConflictError extends Error {
  constructor(
    readonly reason: CategoryConflictReason,
    readonly problems: readonly CategoryProblem[],
  ) {
    super(problems.map((problem) => problem.message).join('; '));
  }
}

export class CategoryNotFoundError extends Error {
  readonly code = 'category_not_found';

  constructor(readonly categoryCode: string) {
    super(`no category has the code ${categoryCode}`);
  }
}
