/**
 * The category catalogue: two trees, components (部件: things, e.g. a manhole cover) and
 * events (事件: situations, e.g. a stall on the pavement), each of major classes and their
 * sub classes, numbered in the style of GB/T 30428.2 (two-digit major, two-digit sub).
 * A sub class carries what triage needs: its 721 class, who handles it, whose it is when it
 * belongs to another department, and its deadline.
 */

import type { Deadline, DeadlineUnit } from '@civicflow/domain';

/** A sub class's deadline is what `WorkingCalendar.dueAt` of @civicflow/domain counts from a complaint's receipt. */
export type { Deadline, DeadlineUnit } from '@civicflow/domain';
export const DEADLINE_UNITS: readonly DeadlineUnit[] = ['working_hours', 'working_days', 'calendar_days'];

export type CategoryTree = 'component' | 'event';
export const CATEGORY_TREES: readonly CategoryTree[] = ['component', 'event'];

export type CategoryLevel = 'major' | 'sub';
export const CATEGORY_LEVELS: readonly CategoryLevel[] = ['major', 'sub'];

/** "721": about 70% of items answered as a service, 20% by management (a rectification notice), 10% by enforcement. */
export type Class721 = 'service' | 'management' | 'enforcement';
export const CLASSES_721: readonly Class721[] = ['service', 'management', 'enforcement'];

export type CategoryLocale = 'zh-CN' | 'en';
export const CATEGORY_LOCALES: readonly CategoryLocale[] = ['zh-CN', 'en'];
export type LocalizedName = Record<CategoryLocale, string>;

/** The same pattern the intake DTO accepts for a complaint's category. */
export const CATEGORY_CODE_PATTERN = /^[a-z0-9][a-z0-9.-]{0,63}$/;
/** Handling units of the bureau and other departments: `sanitation-team`, `traffic-police`. */
export const UNIT_CODE_PATTERN = /^[a-z][a-z0-9-]{1,63}$/;
const MAJOR_STANDARD_CODE = /^(0[1-9]|[1-9][0-9])$/;
const SUB_STANDARD_CODE = /^(0[1-9]|[1-9][0-9])(0[1-9]|[1-9][0-9])$/;
const NAME_MAX_LENGTH = 100;
const HAN = /\p{Script=Han}/u;

/**
 * Longest deadline per unit. Anything longer is a typing error rather than a service
 * promise: a complaint that waits two weeks of working hours should be counted in days.
 */
export const DEADLINE_LIMITS: Readonly<Record<DeadlineUnit, number>> = { working_hours: 80, working_days: 60, calendar_days: 365 };

interface CategoryBase {
  code: string;
  tree: CategoryTree;
  standardCode: string;
  name: LocalizedName;
  active: boolean;
}

export interface MajorClass extends CategoryBase {
  level: 'major';
}

export interface SubClass extends CategoryBase {
  level: 'sub';
  majorCode: string;
  class721: Class721;
  /** The bureau's unit that handles the item, or follows it up when it belongs to another department. */
  defaultHandlingUnit: string;
  /** Another department whose item this is; triage then routes it to coordination. */
  department?: string;
  deadline: Deadline;
}

export type CategoryDefinition = MajorClass | SubClass;

/** A definition as it arrives from outside (an admin's request): every field may be missing or misplaced. */
export interface CategoryInput {
  code: string;
  level?: string;
  tree?: string;
  standardCode?: string;
  name?: Partial<Record<CategoryLocale, string>>;
  active?: boolean;
  majorCode?: string;
  class721?: string;
  defaultHandlingUnit?: string;
  department?: string;
  deadline?: { amount?: number; unit?: string };
}

/** One broken rule, at the path of the field that breaks it (`deadline.amount`). */
export interface CategoryProblem {
  path: string;
  message: string;
}

export type CategoryValidation = { ok: true; definition: CategoryDefinition } | { ok: false; problems: CategoryProblem[] };

export type RouteKind = Class721 | 'department';

export interface Route {
  kind: RouteKind;
  handlingUnit: string;
  department?: string;
}

/**
 * Where triage sends an item of this sub class. Another department's item goes to
 * coordination whatever its 721 class; otherwise the 721 class decides.
 */
export function routeFor(subClass: Pick<SubClass, 'class721' | 'defaultHandlingUnit' | 'department'>): Route {
  if (subClass.department) return { kind: 'department', handlingUnit: subClass.defaultHandlingUnit, department: subClass.department };
  return { kind: subClass.class721, handlingUnit: subClass.defaultHandlingUnit };
}

export function localName(definition: Pick<CategoryDefinition, 'name'>, locale: CategoryLocale): string {
  return definition.name[locale];
}

/** Checks a definition on its own (its major is checked by `placementProblems`). */
export function validateCategory(input: CategoryInput): CategoryValidation {
  const problems: CategoryProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message: `${path} ${message}` });

  if (!CATEGORY_CODE_PATTERN.test(input.code)) problem('code', 'must be 1–64 lower-case letters, digits, dots and hyphens, starting with a letter or digit, such as street-vending');
  if (!isOneOf(input.tree, CATEGORY_TREES)) problem('tree', `must be one of ${CATEGORY_TREES.join(', ')}`);
  if (!isOneOf(input.level, CATEGORY_LEVELS)) problem('level', `must be one of ${CATEGORY_LEVELS.join(', ')}`);
  checkName(input.name, problem);

  const standardCode = input.standardCode ?? '';
  if (input.level === 'major' && !MAJOR_STANDARD_CODE.test(standardCode)) problem('standardCode', 'must be the two digits of a major class, 01 to 99, such as 05');
  if (input.level === 'sub' && !SUB_STANDARD_CODE.test(standardCode)) problem('standardCode', 'must be four digits, the major class then the sub class, such as 0501');

  if (input.level === 'major') {
    for (const field of ['majorCode', 'class721', 'defaultHandlingUnit', 'department', 'deadline'] as const) {
      if (input[field] !== undefined) problem(field, 'belongs to sub classes only; a major class must not have it');
    }
  }
  if (input.level === 'sub') {
    if (input.majorCode === undefined || !CATEGORY_CODE_PATTERN.test(input.majorCode)) problem('majorCode', 'must be the code of the major class this sub class belongs to');
    else if (input.majorCode === input.code) problem('majorCode', 'must name another class than this one');
    if (!isOneOf(input.class721, CLASSES_721)) problem('class721', `must be one of ${CLASSES_721.join(', ')}`);
    if (input.defaultHandlingUnit === undefined || !UNIT_CODE_PATTERN.test(input.defaultHandlingUnit)) problem('defaultHandlingUnit', 'must be a unit code such as sanitation-team');
    if (input.department !== undefined && !UNIT_CODE_PATTERN.test(input.department)) problem('department', 'must be a department code such as traffic-police');
    checkDeadline(input.deadline, problem);
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, definition: toDefinition(input) };
}

/**
 * Checks a sub class against the class its `majorCode` names (undefined when there is none):
 * these problems depend on the rest of the catalogue, not on the definition alone.
 */
export function placementProblems(subClass: SubClass, major: CategoryDefinition | undefined): CategoryProblem[] {
  const at = (message: string): CategoryProblem[] => [{ path: 'majorCode', message: `majorCode ${message}` }];
  if (!major) return at(`names ${subClass.majorCode}, which is no class of the catalogue`);
  if (major.level !== 'major') return at(`names ${major.code}, which is a sub class, not a major class`);
  if (major.tree !== subClass.tree) return at(`names ${major.code}, a major class of the ${major.tree} tree, not of the ${subClass.tree} tree`);
  if (!subClass.standardCode.startsWith(major.standardCode)) {
    return [{ path: 'standardCode', message: `standardCode must start with ${major.standardCode}, the standard code of its major class ${major.code}` }];
  }
  if (subClass.active && !major.active) return at(`names ${major.code}, which is inactive; an active sub class needs an active major class`);
  return [];
}

/** Checks a whole catalogue: every class valid, codes unique, standard codes unique per tree, every sub class placed. */
export function catalogueProblems(definitions: readonly CategoryDefinition[]): CategoryProblem[] {
  const byCode = new Map<string, CategoryDefinition>();
  const standardCodes = new Set<string>();
  const problems: CategoryProblem[] = [];
  for (const definition of definitions) {
    const at = (problem: CategoryProblem) => ({ path: `${definition.code}.${problem.path}`, message: `${definition.code}: ${problem.message}` });
    const validation = validateCategory(definition);
    if (!validation.ok) problems.push(...validation.problems.map(at));
    if (byCode.has(definition.code)) problems.push(at({ path: 'code', message: 'code is used by another class' }));
    const standardKey = `${definition.tree}:${definition.standardCode}`;
    if (standardCodes.has(standardKey)) problems.push(at({ path: 'standardCode', message: `standardCode ${definition.standardCode} is used by another class of the ${definition.tree} tree` }));
    byCode.set(definition.code, definition);
    standardCodes.add(standardKey);
  }
  for (const definition of definitions) {
    if (definition.level === 'sub') {
      problems.push(...placementProblems(definition, byCode.get(definition.majorCode)).map((problem) => ({ path: `${definition.code}.${problem.path}`, message: `${definition.code}: ${problem.message}` })));
    }
  }
  return problems;
}

function checkName(name: CategoryInput['name'], problem: (path: string, message: string) => void): void {
  for (const locale of CATEGORY_LOCALES) {
    const value = name?.[locale]?.trim() ?? '';
    const path = `name.${locale}`;
    if (!value) problem(path, 'must not be empty: every class is named in zh-CN and en');
    else if (value.length > NAME_MAX_LENGTH) problem(path, `must be at most ${NAME_MAX_LENGTH} characters`);
    // A name in the wrong field is the usual slip when a catalogue is typed in by hand.
    else if (locale === 'zh-CN' && !HAN.test(value)) problem(path, 'must be written in Chinese');
    else if (locale === 'en' && HAN.test(value)) problem(path, 'must be written in English, without Chinese characters');
  }
}

function checkDeadline(deadline: CategoryInput['deadline'], problem: (path: string, message: string) => void): void {
  if (!deadline) {
    problem('deadline', 'is required for a sub class: an amount and a unit');
    return;
  }
  if (!isOneOf(deadline.unit, DEADLINE_UNITS)) {
    problem('deadline.unit', `must be one of ${DEADLINE_UNITS.join(', ')}`);
    return;
  }
  const limit = DEADLINE_LIMITS[deadline.unit];
  if (!Number.isInteger(deadline.amount) || (deadline.amount as number) < 1 || (deadline.amount as number) > limit) {
    problem('deadline.amount', `must be a whole number from 1 to ${limit} ${deadline.unit.replace('_', ' ')}`);
  }
}

function toDefinition(input: CategoryInput): CategoryDefinition {
  const base = {
    code: input.code,
    tree: input.tree as CategoryTree,
    standardCode: input.standardCode as string,
    name: { 'zh-CN': (input.name?.['zh-CN'] as string).trim(), en: (input.name?.en as string).trim() },
    active: input.active ?? true,
  };
  if (input.level === 'major') return { ...base, level: 'major' };
  return {
    ...base,
    level: 'sub',
    majorCode: input.majorCode as string,
    class721: input.class721 as Class721,
    defaultHandlingUnit: input.defaultHandlingUnit as string,
    ...(input.department !== undefined ? { department: input.department } : {}),
    deadline: { amount: input.deadline?.amount as number, unit: input.deadline?.unit as DeadlineUnit },
  };
}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}
