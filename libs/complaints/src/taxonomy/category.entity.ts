import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CategoryDefinition, CategoryLevel, CategoryTree, Class721, DeadlineUnit } from './domain/category';

/** Both trees in one table: a major class has no major, no 721 class, no unit and no deadline. */
@Entity({ schema: 'complaints', name: 'category' })
export class CategoryEntity {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  tree: CategoryTree;

  @Column('text')
  level: CategoryLevel;

  @Column('text', { name: 'standard_code' })
  standardCode: string;

  @Column('text', { name: 'major_code', nullable: true })
  majorCode: string | null;

  @Column('text', { name: 'name_zh' })
  nameZh: string;

  @Column('text', { name: 'name_en' })
  nameEn: string;

  @Column('text', { name: 'class_721', nullable: true })
  class721: Class721 | null;

  @Column('text', { name: 'default_handling_unit', nullable: true })
  defaultHandlingUnit: string | null;

  @Column('text', { nullable: true })
  department: string | null;

  @Column('integer', { name: 'deadline_amount', nullable: true })
  deadlineAmount: number | null;

  @Column('text', { name: 'deadline_unit', nullable: true })
  deadlineUnit: DeadlineUnit | null;

  @Column('boolean')
  active: boolean;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  /** Who last wrote the class: an admin's id, or `system` for the seeded catalogue. */
  @Column('text', { name: 'updated_by' })
  updatedBy: string;
}

export function categoryRow(definition: CategoryDefinition, updatedAt: Date, updatedBy: string): CategoryEntity {
  const sub = definition.level === 'sub' ? definition : undefined;
  return {
    code: definition.code,
    tree: definition.tree,
    level: definition.level,
    standardCode: definition.standardCode,
    majorCode: sub?.majorCode ?? null,
    nameZh: definition.name['zh-CN'],
    nameEn: definition.name.en,
    class721: sub?.class721 ?? null,
    defaultHandlingUnit: sub?.defaultHandlingUnit ?? null,
    department: sub?.department ?? null,
    deadlineAmount: sub?.deadline.amount ?? null,
    deadlineUnit: sub?.deadline.unit ?? null,
    active: definition.active,
    updatedAt,
    updatedBy,
  };
}

export function categoryFromRow(row: CategoryEntity): CategoryDefinition {
  const base = { code: row.code, tree: row.tree, standardCode: row.standardCode, name: { 'zh-CN': row.nameZh, en: row.nameEn }, active: row.active };
  if (row.level === 'major') return { ...base, level: 'major' };
  return {
    ...base,
    level: 'sub',
    majorCode: present(row.majorCode, row, 'major_code'),
    class721: present(row.class721, row, 'class_721'),
    defaultHandlingUnit: present(row.defaultHandlingUnit, row, 'default_handling_unit'),
    ...(row.department !== null ? { department: row.department } : {}),
    deadline: { amount: present(row.deadlineAmount, row, 'deadline_amount'), unit: present(row.deadlineUnit, row, 'deadline_unit') },
  };
}

/** The table's check constraint keeps sub-class columns filled; a null here means the table was changed around it. */
function present<T>(value: T | null, row: CategoryEntity, column: string): T {
  if (value === null) throw new Error(`category ${row.code} is a sub class without ${column}`);
  return value;
}
