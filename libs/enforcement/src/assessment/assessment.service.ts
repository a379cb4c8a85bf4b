import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { EnforcementOfficerAssessedV1Event } from '@civicflow/contracts';
import { OutboxPublisher } from '@civicflow/messaging';
import type { AuthenticatedUser } from '@civicflow/auth';
import { CaseDesk } from '../cases/case-desk.service';
import { caseScope, scopedDepartment } from '../cases/case-scope';
import { PROCEDURE_SETTINGS, type ProcedureSettings } from '../cases/procedure-settings';
import { caseDeadlines } from '../domain/deadlines';
import type { ProcedureCase } from '../domain/procedure';
import { toCsv } from '../analysis/csv';
import { ACCOUNTABILITY_SETTINGS, type AccountabilitySettings, beijingDay, correlationId, invalid, periodOf, refused } from './accountability-settings';
import { assessOfficer, type AssessmentWeights, type DeadlineOutcome, type OfficerAssessment, onTimeTally } from './assessment-scoring';
import type { ReviewOutcomeDto } from './review-outcome.request.dto';

export interface AssessmentItem extends OfficerAssessment {
  officerId: string;
  certificateNumber: string;
}

export interface AssessmentReport {
  id: string | null;
  from: string;
  to: string;
  weights: AssessmentWeights;
  generatedAt: string;
  publishedBy: string | null;
  items: AssessmentItem[];
  /** How each measure is read, so that a reader knows what a null means. */
  notes: string[];
}

const NOTES = [
  'onTimeRate: the decision (Art. 60) and service (Art. 61) deadlines of the officer’s cases that fell due in the period, met by their due time; null when none fell due.',
  'reviews: decisions on the officer’s cases in the period, against those changed, revoked or found unlawful on reconsideration or litigation decided in the period; null when there were neither.',
  'substantiatedComplaints: complaints about the officer concluded as substantiated in the period.',
  'satisfaction: reporters’ ratings (1–5, from the complaints service’s complaints.complaint.rated.v1) in the period of the complaints the officer’s cases came from; cases from patrols and referrals have none, so null means not available, not unsatisfied.',
];

/** Bureau-side deadlines: the party's windows (statement, hearing request, payment) are not the officer's to meet. */
const OFFICER_DEADLINES = ['decision', 'service'] as const;
const STOPPED = ['registration_refused', 'terminated'];

/**
 * The periodic assessment of every officer in the directory, computed from the case table,
 * the review outcomes, the complaints about officers and the reporters' ratings. Reading is
 * live; publishing freezes the report of a period that has ended and announces each result.
 */
@Injectable()
export class AssessmentService {
  constructor(
    @InjectDataSource('enforcement') private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Inject(PROCEDURE_SETTINGS) private readonly procedure: ProcedureSettings,
    @Inject(ACCOUNTABILITY_SETTINGS) private readonly settings: AccountabilitySettings,
    private readonly desk: CaseDesk,
  ) {}

  async recordReviewOutcome(caseId: string, input: ReviewOutcomeDto, user: AuthenticatedUser) {
    const by = user.id;
    await this.desk.assertAccess(caseId, user);
    if (input.decidedOn > beijingDay(new Date())) throw invalid('invalid_request', 'decidedOn: is in the future');
    const [found]: Array<{ decided_at: string | null }> = await this.dataSource.query(`SELECT procedure->'decision'->>'at' AS decided_at FROM "enforcement".enforcement_case WHERE id = $1`, [caseId]);
    if (!found) throw new NotFoundException({ statusCode: 404, code: 'not_found', message: `No case ${caseId}` });
    if (!found.decided_at) throw refused('case_not_decided', 'Only a decided case can have a review or appeal outcome');
    if (input.decidedOn < beijingDay(new Date(found.decided_at))) throw invalid('invalid_request', 'decidedOn: is before the decision under review');
    const id = uuidv7();
    const now = new Date();
    await this.dataSource.query(
      `INSERT INTO "enforcement".case_review_outcome (id, case_id, kind, result, decided_on, reference, note, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, caseId, input.kind, input.result, input.decidedOn, input.reference ?? null, input.note ?? null, by, now],
    );
    return { id, caseId, kind: input.kind, result: input.result, decidedOn: input.decidedOn, reference: input.reference ?? null, note: input.note ?? null, recordedBy: by, recordedAt: now.toISOString() };
  }

  async reviewOutcomes(caseId: string, user: AuthenticatedUser) {
    await this.desk.assertAccess(caseId, user);
    const rows: Array<{ id: string; kind: string; result: string; decided_on: string; reference: string | null; note: string | null; recorded_by: string; recorded_at: Date }> = await this.dataSource.query(
      `SELECT id, kind, result, decided_on::text AS decided_on, reference, note, recorded_by, recorded_at FROM "enforcement".case_review_outcome WHERE case_id = $1 ORDER BY decided_on, recorded_at`,
      [caseId],
    );
    return rows.map((row) => ({ id: row.id, caseId, kind: row.kind, result: row.result, decidedOn: row.decided_on, reference: row.reference, note: row.note, recordedBy: row.recorded_by, recordedAt: new Date(row.recorded_at).toISOString() }));
  }

  /**
   * The report as the viewer may see it: a brigade's supervisor sees their own brigade's officers,
   * admins and auditors the whole bureau. A published report stays whole in the database.
   */
  async visibleTo<R extends AssessmentReport>(report: R, user: AuthenticatedUser): Promise<R> {
    const department = scopedDepartment(caseScope(user, this.procedure.defaultDepartment));
    if (department === null) return report;
    const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM "enforcement".officer WHERE coalesce(department, $2) = $1`, [department, this.procedure.defaultDepartment]);
    const own = new Set(rows.map((row) => row.id));
    return { ...report, items: report.items.filter((item) => own.has(item.officerId)) };
  }

  async compute(from: string, to: string, now = new Date()): Promise<AssessmentReport> {
    const period = periodOf(from, to);
    const weights = this.settings.weights;
    const officers: Array<{ id: string; certificate_number: string }> = await this.dataSource.query(`SELECT id, certificate_number FROM "enforcement".officer ORDER BY certificate_number`);

    // A decision falls due at most 90 days (plus any approved extension) after registration: a year back is ample.
    const cases: Array<{ officer_id: string; procedure: ProcedureCase }> = await this.dataSource.query(
      `SELECT co.officer_id, c.procedure
         FROM "enforcement".case_officer co JOIN "enforcement".enforcement_case c ON c.id = co.case_id
        WHERE c.procedure->>'registeredAt' IS NOT NULL
          AND (c.procedure->>'registeredAt')::timestamptz < $2
          AND (c.procedure->>'registeredAt')::timestamptz >= $1::timestamptz - interval '366 days'`,
      [period.from, period.to],
    );
    const deadlines = new Map<string, DeadlineOutcome[]>();
    const decisions = new Map<string, number>();
    for (const { officer_id: officerId, procedure } of cases) {
      const list = deadlines.get(officerId) ?? [];
      for (const deadline of caseDeadlines(procedure, { now, rules: this.procedure.rules, calendar: this.procedure.calendar })) {
        if (!(OFFICER_DEADLINES as readonly string[]).includes(deadline.name)) continue;
        const metAt = deadline.name === 'decision' ? procedure.decision?.at : procedure.servedAt;
        // A refused or terminated case owes no decision: not met, not missed.
        if (!metAt && STOPPED.includes(procedure.state)) continue;
        list.push({ dueAt: new Date(deadline.dueAt), metAt: metAt ? new Date(metAt) : null });
      }
      deadlines.set(officerId, list);
      const decidedAt = procedure.decision?.at ? new Date(procedure.decision.at) : null;
      if (decidedAt && decidedAt >= period.from && decidedAt < period.to) decisions.set(officerId, (decisions.get(officerId) ?? 0) + 1);
    }

    const counts = async (sql: string, parameters: unknown[]): Promise<Map<string, number>> => {
      const rows: Array<{ officer_id: string; n: string }> = await this.dataSource.query(sql, parameters);
      return new Map(rows.map((row) => [row.officer_id, Number(row.n)]));
    };
    const changed = await counts(
      `SELECT co.officer_id, count(DISTINCT r.case_id)::text AS n
         FROM "enforcement".case_review_outcome r JOIN "enforcement".case_officer co ON co.case_id = r.case_id
        WHERE r.result <> 'upheld' AND r.decided_on BETWEEN $1::date AND $2::date
        GROUP BY co.officer_id`,
      [from, to],
    );
    const complaints = await counts(
      `SELECT officer_id, count(*)::text AS n FROM "enforcement".officer_complaint
        WHERE finding = 'substantiated' AND concluded_at >= $1 AND concluded_at < $2
        GROUP BY officer_id`,
      [period.from, period.to],
    );
    const ratingRows: Array<{ officer_id: string; score: number }> = await this.dataSource.query(
      `SELECT co.officer_id, r.score
         FROM "enforcement".complaint_rating r
         JOIN "enforcement".enforcement_case c ON c.source = 'complaint' AND c.source_reference = r.complaint_id::text
         JOIN "enforcement".case_officer co ON co.case_id = c.id
        WHERE r.rated_at >= $1 AND r.rated_at < $2`,
      [period.from, period.to],
    );
    const ratings = new Map<string, number[]>();
    for (const row of ratingRows) ratings.set(row.officer_id, [...(ratings.get(row.officer_id) ?? []), Number(row.score)]);

    const items = officers.map((officer) => ({
      officerId: officer.id,
      certificateNumber: officer.certificate_number,
      ...assessOfficer(
        {
          deadlines: onTimeTally(deadlines.get(officer.id) ?? [], period, now),
          decisions: decisions.get(officer.id) ?? 0,
          changedOnReview: changed.get(officer.id) ?? 0,
          substantiatedComplaints: complaints.get(officer.id) ?? 0,
          ratings: ratings.get(officer.id) ?? [],
        },
        weights,
      ),
    }));
    return { id: null, from, to, weights, generatedAt: now.toISOString(), publishedBy: null, items, notes: NOTES };
  }

  /** Freezes the report of an ended period and announces each officer's result; once per period. */
  async publish(from: string, to: string, by: string): Promise<AssessmentReport> {
    const now = new Date();
    if (to >= beijingDay(now)) throw refused('period_not_ended', `The period ends on ${to}; a report is published once its last day is over`);
    const report = await this.compute(from, to, now);
    const id = uuidv7();
    await this.dataSource.transaction(async (manager) => {
      const [existing] = await manager.query(`SELECT id FROM "enforcement".assessment_report WHERE period_from = $1 AND period_to = $2`, [from, to]);
      if (existing) throw refused('assessment_already_published', `The assessment for ${from} to ${to} is already published`);
      await manager.query(`INSERT INTO "enforcement".assessment_report (id, period_from, period_to, weights, items, published_by, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`, [
        id,
        from,
        to,
        JSON.stringify(report.weights),
        JSON.stringify(report.items),
        by,
        now,
      ]);
      await this.outbox.emitAll(
        manager,
        report.items.map((item) => ({
          definition: EnforcementOfficerAssessedV1Event,
          data: {
            officerId: item.officerId,
            reportId: id,
            periodFrom: from,
            periodTo: to,
            score: item.score,
            onTimeRate: item.onTimeRate,
            decisions: item.decisions,
            changedOnReview: item.changedOnReview,
            substantiatedComplaints: item.substantiatedComplaints,
            satisfaction: item.satisfaction,
            publishedBy: by,
            at: now.toISOString(),
          },
        })),
        { correlationId: correlationId() },
      );
    });
    return { ...report, id, publishedBy: by };
  }

  async published(): Promise<Array<{ id: string; from: string; to: string; publishedBy: string; publishedAt: string }>> {
    const rows: Array<{ id: string; period_from: string; period_to: string; published_by: string; published_at: Date }> = await this.dataSource.query(
      `SELECT id, period_from::text AS period_from, period_to::text AS period_to, published_by, published_at FROM "enforcement".assessment_report ORDER BY period_from DESC, period_to DESC LIMIT 200`,
    );
    return rows.map((row) => ({ id: row.id, from: row.period_from, to: row.period_to, publishedBy: row.published_by, publishedAt: new Date(row.published_at).toISOString() }));
  }

  async publishedReport(id: string): Promise<AssessmentReport> {
    const [row]: Array<{ id: string; period_from: string; period_to: string; weights: AssessmentWeights; items: AssessmentItem[]; published_by: string; published_at: Date }> = await this.dataSource.query(
      `SELECT id, period_from::text AS period_from, period_to::text AS period_to, weights, items, published_by, published_at FROM "enforcement".assessment_report WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException({ statusCode: 404, code: 'not_found', message: `No assessment report ${id}` });
    return { id: row.id, from: row.period_from, to: row.period_to, weights: row.weights, generatedAt: new Date(row.published_at).toISOString(), publishedBy: row.published_by, items: row.items, notes: NOTES };
  }
}

export function assessmentCsv(report: AssessmentReport): string {
  return toCsv(
    ['period_from', 'period_to', 'officer_id', 'certificate_number', 'score', 'on_time_rate', 'decisions', 'changed_on_review', 'substantiated_complaints', 'satisfaction', 'not_available'],
    report.items.map((item) => [
      report.from,
      report.to,
      item.officerId,
      item.certificateNumber,
      item.score,
      item.onTimeRate,
      item.decisions,
      item.changedOnReview,
      item.substantiatedComplaints,
      item.satisfaction,
      item.notAvailable.join(' '),
    ]),
  );
}
