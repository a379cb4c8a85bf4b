import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Static, TObject } from '@sinclair/typebox';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { type AuthenticatedUser, canAccessDepartment, Role } from '@civicflow/auth';
import { CONFIG } from '@civicflow/config';
import {
  ComplaintAcceptedV1Event,
  ComplaintClosedV1Event,
  ComplaintDispatchedV1Event,
  ComplaintHandledV1Event,
  ComplaintHandlingStartedV1Event,
  ComplaintMarkedDuplicateV1Event,
  ComplaintRatedV1Event,
  ComplaintRectificationOrderedV1Event,
  ComplaintRejectedV1Event,
  ComplaintReopenedV1Event,
  ComplaintTriagedV1Event,
  ComplaintVerifiedV1Event,
  type EventDefinition,
} from '@civicflow/contracts';
import { WorkingCalendar } from '@civicflow/domain';
import { OutboxPublisher } from '@civicflow/messaging';
import type { ComplaintsConfig } from '../complaints.config';
import type { ComplaintStatus } from '../domain/complaint';
import { FINISHED_STATUSES, type LifecycleAction, nextStatus, TransitionRefused } from '../domain/lifecycle';
import { isTrackingCode } from '../domain/tracking-code';
import { ComplaintEntity, TimelineEntryEntity } from '../infrastructure/complaint.entity';
import { CategoryCatalogue } from '../taxonomy/category-catalogue';
import { routeFor } from '../taxonomy/domain/category';

const HOUR_MS = 60 * 60 * 1000;

/** Who acts, and the correlation id the resulting events carry. */
export interface Actor {
  user: AuthenticatedUser;
  correlationId: string;
}

export interface RatingInput {
  score: number;
  resolved: boolean;
  comment?: string;
}

type Emit = <S extends TObject>(definition: EventDefinition<S>, data: Static<S>) => Promise<void>;

/** The fields every lifecycle event starts with. */
function eventBase(complaint: ComplaintEntity, at: Date) {
  return { complaintId: complaint.id, trackingCode: complaint.trackingCode, status: complaint.status as ComplaintStatus, at: at.toISOString() };
}

function locationOf(complaint: ComplaintEntity) {
  if (complaint.lat !== null && complaint.lng !== null) {
    return { lat: complaint.lat, lng: complaint.lng, ...(complaint.address ? { address: complaint.address } : {}) };
  }
  return { address: complaint.address ?? '' };
}

/**
 * Every step of the closed loop after intake. Each step locks the complaint, asks the pure
 * state machine whether it may happen, stores it, writes the public timeline and stages its
 * events, all in one transaction. A master's steps are mirrored onto its duplicates, so
 * every reporter of the group hears of them.
 */
@Injectable()
export class ComplaintLifecycle {
  constructor(
    @InjectDataSource('complaints') private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly catalogue: CategoryCatalogue,
    private readonly calendar: WorkingCalendar,
    @Inject(CONFIG) private readonly config: ComplaintsConfig,
  ) {}

  /** Accepts and triages in one step: the category fixes the 721 class, the route and the deadline. */
  async accept(reference: string, input: { category?: string; street?: string }, actor: Actor): Promise<ComplaintEntity> {
    // The catalogue is read before the transaction: the embedded store has a single session,
    // which the transaction holds, so a read beside it would wait for ever.
    const code = input.category ?? (await this.find(reference)).category;
    const found = code ? await this.catalogue.find(code) : undefined;
    return this.step(reference, { kind: 'accept' }, actor, async (complaint, now, emit) => {
      if (!code) throw new TransitionRefused('category_required', 'accepting a complaint needs its category: give one, the reporter chose none');
      if (!input.category && complaint.category !== code) throw new TransitionRefused('category_changed', 'the complaint was recategorised meanwhile: accept it again');
      if (!found || !found.subClass.active) throw new TransitionRefused('unknown_category', `there is no active sub class "${code}" in the category catalogue`);
      const { subClass } = found;
      const route = routeFor(subClass);
      Object.assign(complaint, {
        category: subClass.code,
        class721: subClass.class721,
        routeKind: route.kind,
        handlingUnit: route.handlingUnit,
        department: route.department ?? null,
        street: input.street ?? complaint.street,
        acceptedAt: now,
        acceptedBy: actor.user.id,
        respondedAt: now,
        deadlineAt: this.calendar.dueAt(complaint.receivedAt, subClass.deadline),
      });
      await emit(ComplaintAcceptedV1Event, { ...eventBase(complaint, now), acceptedBy: actor.user.id });
      await emit(ComplaintTriagedV1Event, {
        ...eventBase(complaint, now),
        category: subClass.code,
        class721: subClass.class721,
        route: { kind: route.kind, handlingUnit: route.handlingUnit, ...(route.department ? { department: route.department } : {}) },
        deadlineAt: (complaint.deadlineAt as Date).toISOString(),
        ...(complaint.street ? { street: complaint.street } : {}),
      });
      return { detail: { category: subClass.code, class721: subClass.class721, route: route.kind } };
    });
  }

  async reject(reference: string, reason: string, actor: Actor): Promise<ComplaintEntity> {
    return this.step(reference, { kind: 'reject' }, actor, async (complaint, now, emit) => {
      Object.assign(complaint, { rejectionReason: reason, respondedAt: now });
      await emit(ComplaintRejectedV1Event, { ...eventBase(complaint, now), rejectedBy: actor.user.id, reason });
      return { detail: { reason } };
    });
  }

  /**
   * Sends the complaint where triage routed it, unless the dispatcher names another unit. A
   * management item (721) goes out with a rectification notice: what must be put right, by
   * the complaint's deadline, without a penalty.
   */
  async dispatch(reference: string, input: { handlingUnit?: string; rectification?: { requirement: string } }, actor: Actor): Promise<ComplaintEntity> {
    return this.step(reference, { kind: 'dispatch' }, actor, async (complaint, now, emit, manager) => {
      if (!complaint.category || !complaint.class721 || !complaint.deadlineAt) {
        throw new TransitionRefused('not_triaged', 'a complaint is dispatched after triage (accept it with a category first)');
      }
      const management = complaint.routeKind === 'management';
      if (management && !input.rectification) {
        throw new TransitionRefused('rectification_required', 'a management item is dispatched with a rectification notice: give rectification.requirement');
      }
      if (!management && input.rectification) {
        throw new TransitionRefused('rectification_not_applicable', `a rectification notice goes with management items; this one is routed as ${complaint.routeKind}`);
      }
      complaint.handlingUnit = input.handlingUnit ?? complaint.handlingUnit;
      complaint.dispatchedAt = now;
      const kind = complaint.routeKind === 'enforcement' ? 'enforcement' : complaint.routeKind === 'department' ? 'department' : 'unit';
      await emit(ComplaintDispatchedV1Event, {
        ...eventBase(complaint, now),
        dispatchedBy: actor.user.id,
        target: { kind, handlingUnit: complaint.handlingUnit as string, ...(complaint.department ? { department: complaint.department } : {}) },
        category: complaint.category,
        class721: complaint.class721,
        description: complaint.description,
        location: locationOf(complaint),
        deadlineAt: complaint.deadlineAt.toISOString(),
      });
      const detail: Record<string, string> = { target: kind, handlingUnit: complaint.handlingUnit as string };
      if (!input.rectification) return { detail };
      const noticeNumber = await this.issueRectificationNotice(manager, complaint, input.rectification.requirement, actor, now);
      await emit(ComplaintRectificationOrderedV1Event, {
        ...eventBase(complaint, now),
        noticeNumber,
        requirement: input.rectification.requirement,
        rectifyBy: complaint.deadlineAt.toISOString(),
        handlingUnit: complaint.handlingUnit as string,
        issuedBy: actor.user.id,
      });
      return { detail: { ...detail, rectificationNotice: noticeNumber } };
    });
  }

  async startHandling(reference: string, actor: Actor): Promise<ComplaintEntity> {
    return this.step(reference, { kind: 'start_handling' }, actor, async (complaint, now, emit) => {
      this.assertMayHandle(complaint, actor.user);
      complaint.handlerId = actor.user.id;
      await emit(ComplaintHandlingStartedV1Event, { ...eventBase(complaint, now), handlerId: actor.user.id });
      return {};
    });
  }

  async handle(reference: string, reply: string, actor: Actor): Promise<ComplaintEntity> {
    return this.step(reference, { kind: 'handle' }, actor, async (complaint, now, emit) => {
      this.assertMayHandle(complaint, actor.user);
      Object.assign(complaint, { reply, handledAt: now, handlerId: complaint.handlerId ?? actor.user.id });
      await emit(ComplaintHandledV1Event, { ...eventBase(complaint, now), handlerId: complaint.handlerId as string, reply });
      return { detail: { reply } };
    });
  }

  /** An inspector re-checks on site; the handler cannot inspect their own work. */
  async verify(reference: string, input: { passed: boolean; note?: string }, actor: Actor): Promise<ComplaintEntity> {
    return this.step(reference, { kind: 'verify', passed: input.passed }, actor, async (complaint, now, emit) => {
      if (complaint.handlerId === actor.user.id) {
        throw new TransitionRefused('verifier_is_handler', 'the officer who handled a complaint cannot verify it: another inspector re-checks');
      }
      Object.assign(complaint, { verifierId: actor.user.id, verifiedAt: input.passed ? now : null });
      await emit(ComplaintVerifiedV1Event, { ...eventBase(complaint, now), verifierId: actor.user.id, passed: input.passed, ...(input.note ? { note: input.note } : {}) });
      return { detail: { passed: String(input.passed) } };
    });
  }

  async close(reference: string, actor: Actor): Promise<ComplaintEntity> {
    return this.step(reference, { kind: 'close' }, actor, async (complaint, now, emit) => {
      const surveyDueAt = new Date(now.getTime() + this.config.SATISFACTION_SURVEY_DELAY_HOURS * HOUR_MS);
      Object.assign(complaint, { closedAt: now, surveyDueAt, surveySentAt: null });
      await emit(ComplaintClosedV1Event, { ...eventBase(complaint, now), closedBy: actor.user.id, surveyDueAt: surveyDueAt.toISOString() });
      return {};
    });
  }

  async reopen(reference: string, reason: string, actor: Actor): Promise<ComplaintEntity> {
    return this.step(reference, { kind: 'reopen' }, actor, async (complaint, now, emit) => {
      complaint.reopenCount += 1;
      this.resetForReopening(complaint);
      await emit(ComplaintReopenedV1Event, { ...eventBase(complaint, now), by: 'staff', reason, reopenCount: complaint.reopenCount });
      return { detail: { reason } };
    });
  }

  /**
   * The reporter rates the answer with the tracking code they were given. "Not resolved"
   * reopens the complaint. Not mirrored: each reporter of a duplicate group rates for themself.
   */
  async rate(trackingCode: string, rating: RatingInput, correlationId: string): Promise<ComplaintEntity> {
    if (!isTrackingCode(trackingCode.toUpperCase())) {
      throw new UnprocessableEntityException({ code: 'invalid_reference', message: 'rate a complaint by its tracking code (CF-7K3M-Q9TX)' });
    }
    const reporter: AuthenticatedUser = { id: 'reporter', roles: [] };
    return this.step(trackingCode, { kind: 'rate', resolved: rating.resolved }, { user: reporter, correlationId }, async (complaint, now, emit) => {
      Object.assign(complaint, { ratingScore: rating.score, ratingResolved: rating.resolved, ratingComment: rating.comment ?? null, ratedAt: now });
      await emit(ComplaintRatedV1Event, { ...eventBase(complaint, now), score: rating.score, resolved: rating.resolved });
      if (!rating.resolved) {
        complaint.reopenCount += 1;
        this.resetForReopening(complaint);
        await emit(ComplaintReopenedV1Event, { ...eventBase(complaint, now), by: 'reporter', reason: 'The reporter said the problem is not resolved.', reopenCount: complaint.reopenCount });
      }
      return { detail: { score: String(rating.score), resolved: String(rating.resolved) } };
    }, { mirror: false });
  }

  /** Joins a complaint to a master that reports the same problem; from then on it follows the master. */
  async markDuplicate(reference: string, masterReference: string, actor: Actor): Promise<ComplaintEntity> {
    return this.dataSource.transaction(async (manager) => {
      const complaint = await this.lock(manager, reference);
      const master = await this.lock(manager, masterReference);
      if (master.id === complaint.id) throw new ConflictException({ code: 'own_duplicate', message: 'a complaint cannot duplicate itself' });
      if (master.duplicateOf) throw new ConflictException({ code: 'master_is_duplicate', message: `${master.trackingCode} is itself a duplicate of another complaint: mark against that one` });
      if (complaint.duplicateOf) throw new ConflictException({ code: 'already_duplicate', message: `${complaint.trackingCode} is already a duplicate` });
      if (FINISHED_STATUSES.includes(complaint.status as ComplaintStatus) || FINISHED_STATUSES.includes(master.status as ComplaintStatus)) {
        throw new ConflictException({ code: 'finished', message: 'only open complaints can be joined as duplicates' });
      }
      const hasOwnDuplicates = await manager.count(ComplaintEntity, { where: { duplicateOf: complaint.id } });
      if (hasOwnDuplicates > 0) throw new ConflictException({ code: 'has_duplicates', message: `${complaint.trackingCode} is the master of other complaints` });
      const now = new Date();
      this.follow(complaint, master);
      complaint.duplicateOf = master.id;
      complaint.updatedAt = now;
      await manager.save(complaint);
      await this.addTimeline(manager, complaint, 'marked-duplicate', now, { master: master.trackingCode });
      await this.outbox.emit(
        manager,
        ComplaintMarkedDuplicateV1Event,
        { ...eventBase(complaint, now), masterId: master.id, masterTrackingCode: master.trackingCode, markedBy: actor.user.id },
        { correlationId: actor.correlationId },
      );
      return complaint;
    });
  }

  async find(reference: string): Promise<ComplaintEntity> {
    const complaint = await this.dataSource.getRepository(ComplaintEntity).findOne({ where: whereReference(reference) });
    if (!complaint) throw notFound(reference);
    return complaint;
  }

  private async step(
    reference: string,
    action: LifecycleAction,
    actor: Actor,
    apply: (complaint: ComplaintEntity, now: Date, emit: Emit, manager: EntityManager) => Promise<{ detail?: Record<string, string> }>,
    { mirror = true } = {},
  ): Promise<ComplaintEntity> {
    return this.dataSource.transaction(async (manager) => {
      const complaint = await this.lock(manager, reference);
      if (complaint.duplicateOf && action.kind !== 'rate') {
        throw new ConflictException({ code: 'is_duplicate', message: `${complaint.trackingCode} is a duplicate: act on its master, and it follows` });
      }
      const now = new Date();
      const staged: Array<{ definition: EventDefinition; data: Record<string, unknown> }> = [];
      const emit: Emit = async (definition, data) => {
        staged.push({ definition: definition as unknown as EventDefinition, data: data as Record<string, unknown> });
      };
      try {
        complaint.status = nextStatus(complaint.status as ComplaintStatus, action);
        complaint.updatedAt = now;
        const { detail } = await apply(complaint, now, emit, manager);
        await manager.save(complaint);
        await this.addTimeline(manager, complaint, complaint.status, now, detail);
        for (const { definition, data } of staged) await this.outbox.emit(manager, definition, data, { correlationId: actor.correlationId });
        if (mirror) await this.mirrorOntoDuplicates(manager, complaint, staged, now, actor.correlationId);
      } catch (error) {
        if (error instanceof TransitionRefused) throw new ConflictException({ code: error.code, message: error.message });
        throw error;
      }
      return complaint;
    });
  }

  /** Each duplicate takes the master's new state and gets the same events under its own id. */
  private async mirrorOntoDuplicates(
    manager: EntityManager,
    master: ComplaintEntity,
    staged: Array<{ definition: EventDefinition; data: Record<string, unknown> }>,
    now: Date,
    correlationId: string,
  ): Promise<void> {
    const duplicates = await manager.find(ComplaintEntity, { where: { duplicateOf: master.id }, lock: { mode: 'pessimistic_write' } });
    for (const duplicate of duplicates) {
      this.follow(duplicate, master);
      duplicate.updatedAt = now;
      await manager.save(duplicate);
      await this.addTimeline(manager, duplicate, duplicate.status, now, { via: master.trackingCode });
      for (const { definition, data } of staged) {
        await this.outbox.emit(manager, definition, { ...data, complaintId: duplicate.id, trackingCode: duplicate.trackingCode }, { correlationId });
      }
    }
  }

  /** What a duplicate copies from its master: where it is in the loop and what was answered. */
  private follow(duplicate: ComplaintEntity, master: ComplaintEntity): void {
    Object.assign(duplicate, {
      status: master.status,
      category: master.category,
      class721: master.class721,
      routeKind: master.routeKind,
      handlingUnit: master.handlingUnit,
      department: master.department,
      deadlineAt: master.deadlineAt,
      acceptedAt: duplicate.acceptedAt ?? master.acceptedAt,
      dispatchedAt: master.dispatchedAt,
      handlerId: master.handlerId,
      handledAt: master.handledAt,
      reply: master.reply,
      verifierId: master.verifierId,
      verifiedAt: master.verifiedAt,
      closedAt: master.closedAt,
      surveyDueAt: master.surveyDueAt,
      rejectionReason: master.rejectionReason,
    });
  }

  private resetForReopening(complaint: ComplaintEntity): void {
    Object.assign(complaint, { handledAt: null, verifiedAt: null, verifierId: null, closedAt: null, surveyDueAt: null, overdueAt: null });
  }

  /** Officers handle what is dispatched to the bureau; a department agent only what went to their department. */
  private assertMayHandle(complaint: ComplaintEntity, user: AuthenticatedUser): void {
    if (complaint.routeKind === 'department' && complaint.department && !user.roles.includes(Role.Officer) && !canAccessDepartment(user, complaint.department)) {
      throw new ForbiddenException({ code: 'forbidden', message: `this complaint was routed to department "${complaint.department}"` });
    }
  }

  private async issueRectificationNotice(manager: EntityManager, complaint: ComplaintEntity, requirement: string, actor: Actor, now: Date): Promise<string> {
    const [{ n }]: Array<{ n: string }> = await manager.query(`SELECT nextval('complaints.rectification_notice_number') AS n`);
    // Numbered by the bureau's (Beijing) year.
    const year = new Date(now.getTime() + 8 * HOUR_MS).getUTCFullYear();
    const number = `ZG-${year}-${n.padStart(6, '0')}`;
    await manager.query(
      `INSERT INTO complaints.rectification_notice (number, complaint_id, requirement, rectify_by, handling_unit, issued_by, issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [number, complaint.id, requirement, complaint.deadlineAt, complaint.handlingUnit, actor.user.id, now],
    );
    return number;
  }

  private async lock(manager: EntityManager, reference: string): Promise<ComplaintEntity> {
    const complaint = await manager.findOne(ComplaintEntity, { where: whereReference(reference), lock: { mode: 'pessimistic_write' } });
    if (!complaint) throw notFound(reference);
    return complaint;
  }

  private async addTimeline(manager: EntityManager, complaint: ComplaintEntity, type: string, at: Date, detail?: Record<string, string>): Promise<void> {
    await manager.insert(TimelineEntryEntity, { id: uuidv7(), complaintId: complaint.id, type, at, detail: detail ?? null });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Staff refer to a complaint by its id or by the tracking code the reporter quotes. */
export function whereReference(reference: string): { id: string } | { trackingCode: string } {
  if (UUID.test(reference)) return { id: reference.toLowerCase() };
  const code = reference.toUpperCase();
  if (isTrackingCode(code)) return { trackingCode: code };
  throw new UnprocessableEntityException({ code: 'invalid_reference', message: 'refer to a complaint by its id (a UUID) or its tracking code (CF-7K3M-Q9TX)' });
}

function notFound(reference: string): NotFoundException {
  return new NotFoundException({ code: 'complaint_not_found', message: `no complaint ${reference}` });
}
