import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not, QueryFailedError } from 'typeorm';
import { type CategoryDefinition, type CategoryInput, type CategoryTree, type MajorClass, type SubClass, placementProblems, validateCategory } from './domain/category';
import { CategoryConflictError, CategoryNotFoundError, InvalidCategoryError } from './domain/category.errors';
import { CategoryEntity, categoryFromRow, categoryRow } from './category.entity';

export interface CategoryListOptions {
  tree?: CategoryTree;
  /** Inactive classes are hidden unless asked for: intake and triage offer only active ones. */
  includeInactive?: boolean;
}

export interface MajorClassWithSubClasses {
  majorClass: MajorClass;
  subClasses: SubClass[];
}

export interface SubClassWithMajor {
  subClass: SubClass;
  majorClass: MajorClass;
}

export interface CategoryUpsertResult {
  definition: CategoryDefinition;
  /** False when an existing class was replaced. */
  created: boolean;
}

/**
 * How long a replica trusts its copy of the catalogue. A replica sees its own writes at
 * once; another replica's writes reach it within this time, which is soon enough for a
 * catalogue that admins change a few times a year.
 */
const CACHE_TTL_MS = 30_000;

const TREE_ORDER: Record<CategoryTree, number> = { component: 0, event: 1 };

interface Snapshot {
  loadedAt: number;
  byCode: ReadonlyMap<string, CategoryDefinition>;
  /** Component tree first, then by standard code: majors before their sub classes. */
  ordered: readonly CategoryDefinition[];
}

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

/** The category catalogue of both trees: what intake offers, triage routes by, and admins maintain. */
@Injectable()
export class CategoryCatalogue {
  private snapshot?: Snapshot;
  private loading?: Promise<Snapshot>;
  /** Bumped by every write, so that a load that began before the write is not kept after it. */
  private generation = 0;

  constructor(@InjectDataSource('complaints') private readonly dataSource: DataSource) {}

  /** Major classes with their sub classes, component tree first, each in standard-code order. */
  async list(options: CategoryListOptions = {}): Promise<MajorClassWithSubClasses[]> {
    const snapshot = await this.current();
    const shown = (definition: CategoryDefinition) => (options.tree === undefined || definition.tree === options.tree) && (options.includeInactive || definition.active);
    return snapshot.ordered
      .filter((definition): definition is MajorClass => definition.level === 'major' && shown(definition))
      .map((majorClass) => withSubClasses(snapshot, majorClass, options.includeInactive ?? false));
  }

  /**
   * A sub class and its major class, active or not: a complaint filed under a class that
   * was deactivated since is still triaged by it. Undefined for an unknown code or a major class.
   */
  async find(code: string): Promise<SubClassWithMajor | undefined> {
    const { byCode } = await this.current();
    const subClass = byCode.get(code);
    if (subClass?.level !== 'sub') return undefined;
    return { subClass, majorClass: byCode.get(subClass.majorCode) as MajorClass };
  }

  /** A major class, active or not, with its sub classes (the active ones unless asked). Undefined for an unknown code or a sub class. */
  async findMajor(code: string, options: Pick<CategoryListOptions, 'includeInactive'> = {}): Promise<MajorClassWithSubClasses | undefined> {
    const snapshot = await this.current();
    const majorClass = snapshot.byCode.get(code);
    if (majorClass?.level !== 'major') return undefined;
    return withSubClasses(snapshot, majorClass, options.includeInactive ?? false);
  }

  /**
   * Creates the class or replaces the one with its code.
   * @throws InvalidCategoryError when the definition breaks a rule of its own
   * @throws CategoryConflictError when it contradicts the catalogue (missing or mismatched major, taken standard code, stranded sub classes)
   */
  async upsert(input: CategoryInput, actor: string): Promise<CategoryUpsertResult> {
    const validation = validateCategory(input);
    if (!validation.ok) throw new InvalidCategoryError(validation.problems);
    const definition = validation.definition;
    try {
      const created = await this.dataSource.transaction(async (manager) => {
        const categories = manager.getRepository(CategoryEntity);
        const existing = await categories.findOne({ where: { code: definition.code }, lock: { mode: 'pessimistic_write' } });
        if (definition.level === 'sub') {
          const major = await categories.findOne({ where: { code: definition.majorCode }, lock: { mode: 'pessimistic_read' } });
          const problems = placementProblems(definition, major ? categoryFromRow(major) : undefined);
          if (problems.length > 0) throw new CategoryConflictError('major_class_mismatch', problems);
        }
        if (existing?.level === 'major') await assertSubClassesKeepTheirPlace(manager, categoryFromRow(existing) as MajorClass, definition);
        const twin = await categories.findOne({ where: { tree: definition.tree, standardCode: definition.standardCode, code: Not(definition.code) } });
        if (twin) {
          throw new CategoryConflictError('standard_code_taken', [
            { path: 'standardCode', message: `standardCode ${definition.standardCode} is already used by ${twin.code} in the ${definition.tree} tree` },
          ]);
        }
        const row = categoryRow(definition, new Date(), actor);
        if (existing) await categories.update({ code: definition.code }, row);
        else await categories.insert(row);
        return !existing;
      });
      return { definition, created };
    } catch (error) {
      throw conflictOfConcurrentWrite(error, definition) ?? error;
    } finally {
      this.invalidate();
    }
  }

  /**
   * Hides the class from intake and from the public list; a major class takes its sub
   * classes with it. Nothing is deleted: complaints keep the code they were filed under.
   * @returns the classes that were active and are not any more
   * @throws CategoryNotFoundError
   */
  async deactivate(code: string, actor: string): Promise<CategoryDefinition[]> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const categories = manager.getRepository(CategoryEntity);
        if (!(await categories.existsBy({ code }))) throw new CategoryNotFoundError(code);
        const affected = await categories.find({ where: [{ code, active: true }, { majorCode: code, active: true }], lock: { mode: 'pessimistic_write' } });
        if (affected.length === 0) return [];
        await categories.update({ code: In(affected.map((row) => row.code)) }, { active: false, updatedAt: new Date(), updatedBy: actor });
        return affected.map((row) => categoryFromRow({ ...row, active: false }));
      });
    } finally {
      this.invalidate();
    }
  }

  private invalidate(): void {
    this.generation += 1;
    this.snapshot = undefined;
    this.loading = undefined;
  }

  private async current(): Promise<Snapshot> {
    if (this.snapshot && Date.now() - this.snapshot.loadedAt < CACHE_TTL_MS) return this.snapshot;
    if (!this.loading) {
      const generation = this.generation;
      const loading = this.load().then(
        (snapshot) => {
          if (this.generation === generation) this.snapshot = snapshot;
          if (this.loading === loading) this.loading = undefined;
          return snapshot;
        },
        (error: unknown) => {
          if (this.loading === loading) this.loading = undefined;
          throw error;
        },
      );
      this.loading = loading;
    }
    return this.loading;
  }

  private async load(): Promise<Snapshot> {
    const loadedAt = Date.now();
    const rows = await this.dataSource.getRepository(CategoryEntity).find();
    const ordered = rows
      .map((row) => Object.freeze(categoryFromRow(row)))
      .sort((a, b) => TREE_ORDER[a.tree] - TREE_ORDER[b.tree] || a.standardCode.localeCompare(b.standardCode));
    return { loadedAt, ordered, byCode: new Map(ordered.map((definition) => [definition.code, definition])) };
  }
}

function withSubClasses(snapshot: Snapshot, majorClass: MajorClass, includeInactive: boolean): MajorClassWithSubClasses {
  const subClasses = snapshot.ordered.filter(
    (definition): definition is SubClass => definition.level === 'sub' && definition.majorCode === majorClass.code && (includeInactive || definition.active),
  );
  return { majorClass, subClasses };
}

/** A major class may not change so that its sub classes would no longer fit under it. */
async function assertSubClassesKeepTheirPlace(manager: EntityManager, current: MajorClass, next: CategoryDefinition): Promise<void> {
  const subClasses = await manager.getRepository(CategoryEntity).find({ where: { majorCode: current.code }, select: { code: true, active: true } });
  if (subClasses.length === 0) return;
  const names = subClasses.map((row) => row.code).join(', ');
  const refuse = (path: string, message: string) => {
    throw new CategoryConflictError('major_class_has_sub_classes', [{ path, message: `${path} ${message}` }]);
  };
  if (next.level !== 'major') refuse('level', `cannot become sub: ${current.code} has the sub classes ${names}`);
  if (next.tree !== current.tree) refuse('tree', `cannot change: the sub classes ${names} are in the ${current.tree} tree`);
  if (next.standardCode !== current.standardCode) refuse('standardCode', `cannot change: the standard codes of the sub classes ${names} start with ${current.standardCode}`);
  const activeSubClasses = subClasses.filter((row) => row.active).map((row) => row.code);
  if (!next.active && activeSubClasses.length > 0) refuse('active', `cannot be false while the sub classes ${activeSubClasses.join(', ')} are active; DELETE the major class to deactivate them with it`);
}

/** Two admins writing at once can pass the checks together; the table's constraints then decide. */
function conflictOfConcurrentWrite(error: unknown, definition: CategoryDefinition): CategoryConflictError | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const { code, constraint } = (error.driverError ?? {}) as { code?: string; constraint?: string };
  if (code === UNIQUE_VIOLATION && constraint?.endsWith('_pkey')) {
    return new CategoryConflictError('category_created_meanwhile', [{ path: 'code', message: `code ${definition.code} was created by another request meanwhile; retry to replace it` }]);
  }
  if (code === UNIQUE_VIOLATION) {
    return new CategoryConflictError('standard_code_taken', [{ path: 'standardCode', message: `standardCode ${definition.standardCode} is already used in the ${definition.tree} tree` }]);
  }
  if (code === FOREIGN_KEY_VIOLATION) {
    return new CategoryConflictError('major_class_mismatch', [{ path: 'majorCode', message: 'majorCode names a major class that was changed or removed meanwhile; retry' }]);
  }
  return undefined;
}
