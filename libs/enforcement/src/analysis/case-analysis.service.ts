import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { type AuthenticatedUser, Role } from '@civicflow/auth';
import { invalid, periodOf, refused } from '../assessment/accountability-settings';
import { CaseDesk } from '../cases/case-desk.service';
import { type AnalysedCase, type AnalysisDimension, type CaseGroup, groupCases, summarise } from './case-statistics';
import { toCsv } from './csv';
import type { LessonDto, LessonSearchDto } from './analysis.request.dto';

export interface CaseAnalysis {
  from: string;
  to: string;
  by: AnalysisDimension;
  category: string | null;
  /** The department analysed; null: every department (admins and auditors). */
  department: string | null;
  total: CaseGroup;
  groups: CaseGroup[];
}

/** States in which a case is over and its lessons can be drawn. */
const CLOSED_STATES = ['closed', 'archived'];
// A phone number or a mainland identity number: lessons are shared bureau-wide and must not carry them.
const PERSONAL_NUMBER = /(?<!\d)1[3-9]\d{9}(?!\d)|(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;

/** Case statistics (案件分析) and the lessons learned on closed cases that the bureau can search. */
@Injectable()
export class CaseAnalysisService {
  constructor(
    @InjectDataSource('enforcement') private readonly dataSource: DataSource,
    private readonly desk: CaseDesk,
  ) {}

  /**
   * The outcome is read from the stored procedure as data (`decision.outcome`), so that outcomes
   * the procedure gains later are counted under their own name without a change here.
   */
  async analyse(user: AuthenticatedUser, query: { from: string; to: string; by: AnalysisDimension; category?: string; department?: string }): Promise<CaseAnalysis> {
    const { from, to, by, category } = query;
    const scope = this.desk.scopeOf(user);
    // A department's supervisor analyses the department's cases; admins and auditors any or all.
    if (scope.kind === 'department' && query.department !== undefined && query.department !== scope.department) {
      throw new ForbiddenException({ statusCode: 403, code: 'other_department', message: `No access to the cases of department "${query.department}"` });
    }
    const department = scope.kind === 'department' ? scope.department : (query.department ?? null);
    const period = periodOf(from, to);
    const rows: Array<{ department: string; category: string; street: string | null; state: string; outcome: string | null; created_at: Date; registered_at: string | null; decided_at: string | null; closed_at: string | null; officers: string[] }> =
      await this.dataSource.query(
        `SELECT c.department, c.category, c.street, c.state, c.procedure->'decision'->>'outcome' AS outcome, c.created_at,
                c.procedure->>'registeredAt' AS registered_at, c.procedure->'decision'->>'at' AS decided_at, c.procedure->>'closedAt' AS closed_at,
                COALESCE((SELECT array_agg(co.officer_id ORDER BY co.officer_id) FROM "enforcement".case_officer co WHERE co.case_id = c.id), '{}') AS officers
           FROM "enforcement".enforcement_case c
          WHERE c.created_at >= $1 AND c.created_at < $2 AND ($3::text IS NULL OR c.category = $3) AND ($4::text IS NULL OR c.department = $4)`,
        [period.from, period.to, category ?? null, department],
      );
    const date = (value: string | null) => (value ? new Date(value) : null);
    const cases: AnalysedCase[] = rows.map((row) => ({
      department: row.department,
      category: row.category,
      street: row.street,
      state: row.state,
      outcome: row.outcome,
      createdAt: new Date(row.created_at),
      registeredAt: date(row.registered_at),
      decidedAt: date(row.decided_at),
      closedAt: date(row.closed_at),
      officers: row.officers,
    }));
    return { from, to, by, category: category ?? null, department, total: summarise('total', cases), groups: groupCases(cases, by) };
  }

  async addLesson(caseId: string, input: LessonDto, user: AuthenticatedUser) {
    if (PERSONAL_NUMBER.test(input.title) || PERSONAL_NUMBER.test(input.note)) {
      throw invalid('personal_data_in_lesson', 'note: looks like it contains a phone or identity number; lessons are shared across the bureau, leave personal data out');
    }
    await this.desk.assertAccess(caseId, user);
    const [found]: Array<{ state: string; on_case: boolean }> = await this.dataSource.query(
      `SELECT c.state, EXISTS (SELECT 1 FROM "enforcement".case_officer co WHERE co.case_id = c.id AND co.officer_id = $2) AS on_case FROM "enforcement".enforcement_case c WHERE c.id = $1`,
      [caseId, user.id],
    );
    if (!found) throw new NotFoundException({ statusCode: 404, code: 'not_found', message: `No case ${caseId}` });
    const overseer = user.roles.some((role) => role === Role.Supervisor || role === Role.LegalReviewer);
    if (!overseer && !found.on_case) throw new ForbiddenException({ statusCode: 403, code: 'forbidden', message: 'Only an officer on the case, a supervisor or a legal reviewer may write its lessons' });
    if (!CLOSED_STATES.includes(found.state)) throw refused('case_not_closed', `The case is ${found.state}; lessons are drawn once it is closed`);
    const id = uuidv7();
    const now = new Date();
    await this.dataSource.query(`INSERT INTO "enforcement".case_lesson (id, case_id, title, note, author, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [id, caseId, input.title.trim(), input.note.trim(), user.id, now]);
    return { id, caseId, title: input.title.trim(), note: input.note.trim(), author: user.id, createdAt: now.toISOString() };
  }

  /**
   * Lessons are shared with the whole bureau, across departments: that is their point, and they
   * carry no personal data. Words match through the full-text index; a phrase without word breaks (Chinese) matches as a
   * substring. The substring arm scans the lessons, which stay few (one or two per closed case).
   */
  async searchLessons(query: LessonSearchDto) {
    const q = query.q?.trim() ?? null;
    const pattern = q ? `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : null;
    const rows: Array<{ id: string; case_id: string; category: string; street: string | null; title: string; note: string; author: string; created_at: Date; rank: number }> = await this.dataSource.query(
      `SELECT l.id, l.case_id, c.category, c.street, l.title, l.note, l.author, l.created_at,
              CASE WHEN $1::text IS NULL THEN 0 ELSE ts_rank(l.search, plainto_tsquery('simple', $1)) END AS rank
         FROM "enforcement".case_lesson l JOIN "enforcement".enforcement_case c ON c.id = l.case_id
        WHERE ($1::text IS NULL OR l.search @@ plainto_tsquery('simple', $1) OR l.title ILIKE $2 OR l.note ILIKE $2)
          AND ($3::text IS NULL OR c.category = $3)
        ORDER BY rank DESC, l.created_at DESC
        LIMIT $4`,
      [q, pattern, query.category ?? null, query.limit ?? 20],
    );
    return rows.map((row) => ({ id: row.id, caseId: row.case_id, category: row.category, street: row.street, title: row.title, note: row.note, author: row.author, createdAt: new Date(row.created_at).toISOString() }));
  }
}

export function analysisCsv(analysis: CaseAnalysis): string {
  const outcomes = [...new Set([analysis.total, ...analysis.groups].flatMap((group) => Object.keys(group.outcomes)))].sort();
  return toCsv(
    [analysis.by, 'cases', 'decided', 'closed', ...outcomes.map((outcome) => `outcome_${outcome}`), 'mean_days_to_decision', 'mean_days_to_close', 'max_days_to_close'],
    [...analysis.groups, analysis.total].map((group) => [
      group.key,
      group.cases,
      group.decided,
      group.closed,
      ...outcomes.map((outcome) => group.outcomes[outcome] ?? 0),
      group.meanDaysToDecision,
      group.meanDaysToClose,
      group.maxDaysToClose,
    ]),
  );
}
