import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { AuthenticatedUser } from '@civicflow/auth';
import {
  ENFORCEMENT_CASE_STATES,
  EnforcementCaseClosedV1Event,
  EnforcementCaseDecidedV1Event,
  EnforcementCaseEducationGivenV1Event,
  EnforcementCaseFollowUpInspectedV1Event,
  EnforcementCaseNoticeIssuedV1Event,
  EnforcementCaseRectificationOrderedV1Event,
  EnforcementCaseRegisteredV1Event,
  EnforcementCaseServedV1Event,
} from '@civicflow/contracts';
import { OutboxPublisher } from '@civicflow/messaging';
import { caseDeadlines } from '../domain/deadlines';
import { amountOwedFen, applyAction, type CaseState, openCase, type ProcedureAction, type ProcedureCase, type ProcedureContext, ProcedureRefused, requireCertifiedOfficer } from '../domain/procedure';
import type { Penalty } from '../domain/procedure-rules';
import { PartyRegister, type PartyInput } from '../parties/party-register';
import { OfficerRepository } from '../officers/officer.repository';
import { CaseRecordRepository } from '../record/case-record.repository';
import type { JsonValue } from '../record/record-chain';
import { type CaseLocation, type CaseSource, EnforcementCaseEntity, PartyEntity } from './case.entity';
import { type CaseView, caseView, type LoadedCase } from './case-view';
import { type CaseScope, caseScope, inScope, otherDepartment } from './case-scope';
import { PROCEDURE_SETTINGS, type ProcedureSettings } from './procedure-settings';
import { emitStepEvent } from './step-events';

export interface Actor {
  readonly user: AuthenticatedUser;
  readonly correlationId: string;
  /** Where the act took place, for the whole-process record. */
  readonly place?: string | null;
}

export interface OpenCaseInput {
  source: CaseSource;
  sourceReference?: string | null;
  category: string;
  street?: string | null;
  description: string;
  location?: CaseLocation | null;
  violationAt: Date;
  seriousHarm?: boolean;
  officerIds: readonly string[];
  party?: PartyInput | null;
  /** The department whose staff take the case; by default the opening officer's, else the bureau's default. */
  department?: string | null;
}

export type { PartyInput } from '../parties/party-register';

/** What a step adds to the whole-process record beyond the action itself. */
export interface StepRecord {
  readonly payload?: Record<string, JsonValue>;
  readonly evidenceSha256?: readonly string[];
  /** The acting user must be a certified officer (on-site and investigative acts). */
  readonly byCertifiedOfficer?: boolean;
  /** Further changes in the same transaction, once the state machine allowed the step; what it returns joins the record's payload. */
  readonly alsoDo?: (manager: EntityManager, entity: EnforcementCaseEntity) => Promise<Record<string, JsonValue>>;
}

/**
 * Takes cases through the procedure: each step locks the case row, asks the pure state machine,
 * stores the new state, appends the step to the whole-process record and publishes its event,
 * all in one transaction, so that the record and the events never disagree with the case.
 */
@Injectable()
export class CaseDesk {
  constructor(
    @InjectDataSource('enforcement') private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly record: CaseRecordRepository,
    private readonly officers: OfficerRepository,
    @Inject(PROCEDURE_SETTINGS) private readonly settings: ProcedureSettings,
    private readonly parties: PartyRegister,
  ) {}

  async open(input: OpenCaseInput, actor: Actor): Promise<EnforcementCaseEntity> {
    return this.dataSource.transaction((manager) => this.openIn(manager, input, actor));
  }

  /**
   * Opens a case inside the caller's transaction (an event consumer's, so that the inbox mark and
   * the case commit together). A case from a complaint may name neither party nor officers yet.
   */
  async openIn(manager: EntityManager, input: OpenCaseInput, actor: Actor): Promise<EnforcementCaseEntity> {
    const now = new Date();
    const known = await this.officers.certificates(manager, input.officerIds);
    const unknown = input.officerIds.filter((id) => !known.some((officer) => officer.id === id));
    if (unknown.length > 0) throw new BadRequestException({ statusCode: 400, code: 'unknown_officer', message: `officerIds: ${unknown.join(', ')} not in the officer directory` });
    if (input.violationAt > now) throw new BadRequestException({ statusCode: 400, code: 'violation_in_future', message: 'violationAt: is in the future' });

    const party = input.party ? await this.parties.register(manager, input.party, now) : null;
    const procedure = openCase({ partyKind: party?.kind ?? null, violationAt: input.violationAt.toISOString(), seriousHarm: input.seriousHarm, officerIds: input.officerIds, now });
    const entity = manager.create(EnforcementCaseEntity, {
      id: uuidv7(),
      state: procedure.state,
      source: input.source,
      sourceReference: input.sourceReference ?? null,
      category: input.category,
      street: input.street ?? null,
      description: input.description,
      department: input.department ?? actor.user.department ?? this.settings.defaultDepartment,
      location: input.location ?? null,
      partyId: party?.id ?? null,
      procedure,
      createdBy: actor.user.id,
      createdAt: now,
      updatedAt: now,
    });
    await manager.insert(EnforcementCaseEntity, entity);
    await this.setCaseOfficers(manager, entity.id, input.officerIds);
    // The party by id: the record is exported to auditors, who need no identity numbers.
    await this.record.append(manager, entity.id, {
      actor: actor.user.id,
      recordedAt: now,
      place: actor.place ?? input.location?.address ?? null,
      action: 'open',
      payload: {
        source: input.source,
        sourceReference: input.sourceReference ?? null,
        category: input.category,
        street: input.street ?? null,
        description: input.description,
        partyId: party?.id ?? null,
        partyKind: party?.kind ?? null,
        officerIds: [...input.officerIds],
        violationAt: procedure.violationAt,
        seriousHarm: procedure.seriousHarm,
      },
      evidenceSha256: [],
    });
    return entity;
  }

  /** Names the party of the case (a case from a complaint has none yet; a wrong one can be corrected before the notice). */
  identifyParty(caseId: string, party: PartyInput, actor: Actor): Promise<EnforcementCaseEntity> {
    return this.step(caseId, { kind: 'identify_party', partyKind: party.kind }, actor, {
      byCertifiedOfficer: true,
      alsoDo: async (manager, entity) => {
        const inserted = await this.parties.register(manager, party, new Date());
        entity.partyId = inserted.id;
        return { partyId: inserted.id, partyKind: inserted.kind };
      },
    });
  }

  /** Puts these officers on the case in place of those it had. */
  assignOfficers(caseId: string, officerIds: readonly string[], actor: Actor): Promise<EnforcementCaseEntity> {
    return this.step(caseId, { kind: 'assign_officers', officerIds }, actor, {
      payload: { officerIds: [...officerIds] },
      alsoDo: async (manager, entity) => {
        await manager.query(`DELETE FROM "enforcement".case_officer WHERE case_id = $1`, [entity.id]);
        await this.setCaseOfficers(manager, entity.id, officerIds);
        return {};
      },
    });
  }

  async step(caseId: string, action: ProcedureAction, actor: Actor, record: StepRecord = {}): Promise<EnforcementCaseEntity> {
    return this.dataSource.transaction((manager) => this.stepIn(manager, caseId, action, actor, record));
  }

  /** A step inside the caller's transaction (an event consumer's, so that the inbox mark and the step commit together). */
  async stepIn(manager: EntityManager, caseId: string, action: ProcedureAction, actor: Actor, record: StepRecord = {}): Promise<EnforcementCaseEntity> {
    const entity = await this.lock(manager, caseId);
    const now = new Date();
    const named = 'presentOfficerIds' in action ? action.presentOfficerIds : 'officerIds' in action ? action.officerIds : [];
    const officers = await this.officers.certificates(manager, [...entity.procedure.officerIds, ...named, actor.user.id]);
    // The party's record decides "first violation" (Art. 33); only education needs it.
    const priorViolations = action.kind === 'give_education' && entity.partyId ? await this.parties.violations(entity.partyId, { category: entity.category, exceptCaseId: entity.id }, manager) : [];
    const context: ProcedureContext = {
      now,
      rules: this.settings.rules,
      calendar: this.settings.calendar,
      officers,
      education: { rules: this.settings.education, category: entity.category, priorViolations },
    };
    let next: ProcedureCase;
    try {
      if (record.byCertifiedOfficer) requireCertifiedOfficer(actor.user.id, context);
      next = applyAction(entity.procedure, action, context);
    } catch (error) {
      if (error instanceof ProcedureRefused) throw new ConflictException({ statusCode: 409, code: error.code, message: error.message });
      throw error;
    }
    const previous = entity.procedure;
    entity.procedure = withoutUndefined(next);
    entity.state = next.state;
    entity.updatedAt = now;
    const extra = record.alsoDo ? await record.alsoDo(manager, entity) : {};
    await manager.save(entity);
    await this.record.append(manager, entity.id, {
      actor: actor.user.id,
      recordedAt: now,
      place: actor.place ?? null,
      action: action.kind,
      payload: { ...(record.payload ?? {}), ...extra, fromState: previous.state, toState: next.state },
      evidenceSha256: record.evidenceSha256 ?? [],
    });
    await this.publish(manager, entity, previous, action, actor, context);
    return entity;
  }

  private async load(caseId: string): Promise<LoadedCase> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await manager.findOne(EnforcementCaseEntity, { where: { id: caseId } });
      if (!entity) throw notFound(caseId);
      const party = entity.partyId ? await manager.findOneOrFail(PartyEntity, { where: { id: entity.partyId } }) : null;
      const officers: Array<{ id: string; name: string; certificate_number: string; certificate_valid_until: string }> = await manager.query(
        `SELECT o.id, o.name, o.certificate_number, o.certificate_valid_until::text AS certificate_valid_until
           FROM "enforcement".case_officer c JOIN "enforcement".officer o ON o.id = c.officer_id
          WHERE c.case_id = $1 ORDER BY o.certificate_number`,
        [caseId],
      );
      return {
        entity,
        party,
        officers: officers.map((row) => ({ id: row.id, name: row.name, certificateNumber: row.certificate_number, certificateValidUntil: row.certificate_valid_until })),
      };
    });
  }

  /**
   * Refuses staff a case of another department (403); auditors and admins see every department.
   * Checked before a step rather than inside it, so that event consumers acting for the bureau
   * (service of documents, say) are not held to one department.
   */
  async assertAccess(caseId: string, user: AuthenticatedUser): Promise<void> {
    const [found]: Array<{ department: string }> = await this.dataSource.query(`SELECT department FROM "enforcement".enforcement_case WHERE id = $1`, [caseId]);
    if (!found) throw notFound(caseId);
    if (!inScope(this.scopeOf(user), found.department)) {
      throw otherDepartment(`case ${caseId}`, found.department);
    }
  }

  /** The bureau's UTC offset, for reading dates given without a time. */
  get utcOffset(): string {
    return this.settings.rules.utcOffset;
  }

  scopeOf(user: AuthenticatedUser): CaseScope {
    return caseScope(user, this.settings.defaultDepartment);
  }

  /** Runs `work` with the case's record, after checking that the case exists. */
  async withRecord<T>(caseId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const [found]: Array<{ id: string }> = await manager.query(`SELECT id FROM "enforcement".enforcement_case WHERE id = $1`, [caseId]);
      if (!found) throw notFound(caseId);
      return work(manager);
    });
  }

  /** The case as staff see it, with every deadline and what is owed at `now`. */
  async view(caseId: string, now = new Date()): Promise<CaseView> {
    const loaded = await this.load(caseId);
    const context = { now, rules: this.settings.rules, calendar: this.settings.calendar };
    const party = loaded.party ? this.parties.masked(loaded.party) : null;
    return caseView({ ...loaded, party }, caseDeadlines(loaded.entity.procedure, context), amountOwedFen(loaded.entity.procedure, context));
  }

  /** The latest-changed cases, optionally in one state, each with the next deadline still pending. */
  async list(state: string | undefined, limit: number, now = new Date(), scope: CaseScope = { kind: 'all' }) {
    const where = { ...(state ? { state } : {}), ...(scope.kind === 'department' ? { department: scope.department } : {}) };
    const cases = await this.dataSource.getRepository(EnforcementCaseEntity).find({ where, order: { updatedAt: 'DESC', id: 'DESC' }, take: limit });
    return cases.map((entity) => {
      const deadlines = this.deadlinesOf(entity.procedure, now).filter((deadline) => deadline.status === 'pending' || deadline.status === 'overdue');
      const next = deadlines.sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0] ?? null;
      return {
        id: entity.id,
        state: entity.procedure.state,
        procedure: entity.procedure.procedure,
        source: entity.source,
        category: entity.category,
        street: entity.street,
        department: entity.department,
        nextDeadline: next,
        createdAt: entity.createdAt.toISOString(),
        updatedAt: entity.updatedAt.toISOString(),
      };
    });
  }

  private deadlinesOf(procedure: ProcedureCase, now: Date) {
    return caseDeadlines(procedure, { now, rules: this.settings.rules, calendar: this.settings.calendar });
  }

  private async setCaseOfficers(manager: EntityManager, caseId: string, officerIds: readonly string[]): Promise<void> {
    for (const officerId of new Set(officerIds)) {
      await manager.query(`INSERT INTO "enforcement".case_officer (case_id, officer_id) VALUES ($1, $2)`, [caseId, officerId]);
    }
  }

  private async lock(manager: EntityManager, caseId: string): Promise<EnforcementCaseEntity> {
    const entity = await manager.findOne(EnforcementCaseEntity, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
    if (!entity) throw notFound(caseId);
    return entity;
  }

  private async publish(manager: EntityManager, entity: EnforcementCaseEntity, previous: ProcedureCase, action: ProcedureAction, actor: Actor, context: ProcedureContext): Promise<void> {
    const current = entity.procedure;
    const metadata = { correlationId: actor.correlationId };
    const base = () => ({ caseId: entity.id, state: v1State(current.state), at: context.now.toISOString() });
    const baseV2 = { caseId: entity.id, state: current.state, at: context.now.toISOString() };
    const due = (name: string) => this.deadlinesOf(current, context.now).find((deadline) => deadline.name === name)?.dueAt ?? null;
    await emitStepEvent(this.outbox, manager, action, { caseId: entity.id, partyId: entity.partyId, current, actorId: actor.user.id, at: context.now, decisionDueAt: due('decision') }, metadata);
    // Registration and the summary decision need the party, so every event from them on has one.
    if (!entity.partyId || !current.partyKind) return;
    const party = { partyId: entity.partyId, partyKind: current.partyKind };

    if (action.kind === 'register' || action.kind === 'summary_decision') {
      await this.outbox.emit(
        manager,
        EnforcementCaseRegisteredV1Event,
        {
          ...base(),
          ...party,
          registeredBy: actor.user.id,
          procedure: current.procedure,
          source: entity.source,
          complaintId: entity.source === 'complaint' ? entity.sourceReference : null,
          category: entity.category,
          street: entity.street,
          decisionDueAt: due('decision'),
        },
        metadata,
      );
    }
    if ((action.kind === 'issue_notice' || action.kind === 'serve_notice') && current.notice) {
      await this.outbox.emit(
        manager,
        EnforcementCaseNoticeIssuedV1Event,
        {
          ...base(),
          ...party,
          issuedBy: actor.user.id,
          proposed: penaltyOut(current.notice.proposed),
          hearingRight: current.notice.hearingRight,
          servedAt: current.notice.servedAt ?? null,
          hearingRequestDueAt: current.notice.hearingRight ? due('hearing_request') : null,
        },
        metadata,
      );
    }
    if (action.kind === 'give_education' && current.rectification) {
      const { basis, rectifyBy, by } = current.rectification;
      await this.outbox.emit(manager, EnforcementCaseEducationGivenV1Event, { ...baseV2, ...party, category: entity.category, basis, rectifyBy, educatedBy: by }, metadata);
    }
    if (action.kind === 'order_rectification' && current.rectification) {
      const { basis, rectifyBy, by } = current.rectification;
      await this.outbox.emit(manager, EnforcementCaseRectificationOrderedV1Event, { ...baseV2, ...party, category: entity.category, basis, rectifyBy, orderedBy: by }, metadata);
    }
    if (action.kind === 'follow_up_inspection') {
      const outcome = current.decision?.outcome === 'education' || current.decision?.outcome === 'rectification' ? current.decision.outcome : null;
      await this.outbox.emit(
        manager,
        EnforcementCaseFollowUpInspectedV1Event,
        { ...baseV2, ...party, inspectedBy: actor.user.id, rectified: action.rectified, outcome, serviceDueAt: outcome ? due('service') : null },
        metadata,
      );
    }
    // A follow-up that finds the violation rectified decides the case: disclosure and notification see it as any decision.
    if ((action.kind === 'decide' || action.kind === 'summary_decision' || (action.kind === 'follow_up_inspection' && action.rectified)) && current.decision) {
      await this.outbox.emit(
        manager,
        EnforcementCaseDecidedV1Event,
        {
          ...base(),
          ...party,
          decidedBy: actor.user.id,
          procedure: current.procedure,
          outcome: current.decision.outcome,
          penalty: current.decision.penalty ? penaltyOut(current.decision.penalty) : null,
          major: current.decision.major,
          legalReviewedBy: current.legalReview?.approved ? current.legalReview.reviewerId : null,
          serviceDueAt: due('service') ?? context.now.toISOString(),
        },
        metadata,
      );
    }
    if (action.kind === 'serve_decision') {
      await this.outbox.emit(
        manager,
        EnforcementCaseServedV1Event,
        { ...base(), ...party, servedBy: actor.user.id, servedAt: action.servedAt, method: action.method, paymentDueAt: due('payment') },
        metadata,
      );
    }
    if (action.kind === 'close') {
      await this.outbox.emit(manager, EnforcementCaseClosedV1Event, { ...base(), closedBy: actor.user.id, outcome: previous.decision?.outcome ?? null, paidFen: current.paidFen }, metadata);
    }
  }
}

/** The v1 events name only the states they were published with; no v1 event is sent from the states added later. */
function v1State(state: CaseState): (typeof ENFORCEMENT_CASE_STATES)[number] {
  const known: readonly string[] = ENFORCEMENT_CASE_STATES;
  if (!known.includes(state)) throw new Error(`state ${state} has no v1 event`);
  return state as (typeof ENFORCEMENT_CASE_STATES)[number];
}

function penaltyOut(penalty: Penalty) {
  return { warning: penalty.warning, fineFen: penalty.fineFen, measures: [...penalty.measures] };
}

/** jsonb drops undefined keys anyway; dropping them here keeps what is saved equal to what is read back. */
function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function notFound(caseId: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, code: 'case_not_found', message: `no enforcement case ${caseId}` });
}
