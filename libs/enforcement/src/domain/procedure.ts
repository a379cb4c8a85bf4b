import { ENFORCEMENT_CASE_STATES_V2, type ENFORCEMENT_OUTCOMES, ENFORCEMENT_SERVICE_METHODS } from '@civicflow/contracts';
import type { WorkingCalendar } from '@civicflow/domain';
import { type EducationRules, type PriorViolation, priorViolationsInWindow, type RectificationBasis } from './education-rules';
import { givesHearingRight, isMajor, lateFeeFen, type PartyKind, type Penalty, type ProcedureRules } from './procedure-rules';

/**
 * The administrative-penalty procedure (LEGAL.md, "The penalty procedure") as a pure state
 * machine: the service loads a case, asks `applyAction`, stores what it returns and records the
 * step. Nothing can be skipped: every action is allowed only from named states, and then only when
 * its preconditions hold; a refusal names the one that failed.
 */
// Part of the published contract: every event on enforcement.case.v1 carries the state ('rectifying' only in the events made for it).
export const CASE_STATES = ENFORCEMENT_CASE_STATES_V2;
export type CaseState = (typeof CASE_STATES)[number];

export type EvidenceKind = 'photo' | 'video' | 'audio' | 'document' | 'statement';
/** On-site acts: each needs two certified officers present and an audio/video recording (LEGAL.md, "Whole-process recording"). */
export type OnSiteAct = 'inspection' | 'seizure' | 'demolition';
const AUDIO_VIDEO: readonly EvidenceKind[] = ['video', 'audio'];

export type DecisionOutcome = (typeof ENFORCEMENT_OUTCOMES)[number];
/** How a decision reached the party (送达). */
export const SERVICE_METHODS = ENFORCEMENT_SERVICE_METHODS;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

export interface EvidenceItem {
  readonly kind: EvidenceKind;
  readonly sha256: string;
}

/** An officer as the procedure needs to see one: who, and until when the certificate is valid. */
export interface CaseOfficer {
  readonly id: string;
  readonly certificateValidUntil: string;
}

/** Everything the procedure remembers of a case; dates are ISO 8601 instants so that it stores as JSON. */
export interface ProcedureCase {
  readonly state: CaseState;
  readonly procedure: 'general' | 'summary';
  /** Unknown (null) for a case opened from a complaint until the party is identified. */
  readonly partyKind: PartyKind | null;
  readonly violationAt: string;
  readonly seriousHarm: boolean;
  readonly officerIds: readonly string[];
  readonly createdAt: string;
  readonly registeredAt?: string;
  readonly refusalReason?: string;
  readonly evidenceCount: number;
  readonly notice?: { readonly issuedAt: string; readonly servedAt?: string; readonly proposed: Penalty; readonly hearingRight: boolean };
  readonly statementAt?: string;
  readonly hearing?: { readonly requestedAt: string; readonly notifiedAt?: string; readonly scheduledFor?: string; readonly heldAt?: string };
  readonly legalReview?: { readonly reviewerId: string; readonly approved: boolean; readonly at: string };
  readonly decision?: { readonly at: string; readonly outcome: DecisionOutcome; readonly penalty?: Penalty; readonly major: boolean };
  readonly decisionExtensionDays: number;
  readonly servedAt?: string;
  readonly serviceMethod?: ServiceMethod;
  readonly paidFen: number;
  readonly closedAt?: string;
  readonly suspendedFrom?: CaseState;
  readonly suspensionReason?: string;
  /** When the current suspension began: its days do not count towards the decision period. */
  readonly suspendedAt?: string;
  /** Whole calendar days of earlier suspensions, added to the decision period (absent in cases stored before suspension paused the clock). */
  readonly suspendedDays?: number;
  readonly terminationReason?: string;
  /** Education given or rectification ordered instead of a penalty, and what the follow-up found. */
  readonly rectification?: Rectification;
}

export interface Rectification {
  readonly basis: RectificationBasis;
  /** What the party was told: the law explained (education) or what to correct (order). */
  readonly explained: string;
  readonly by: string;
  readonly at: string;
  readonly rectifyBy: string;
  readonly followUp?: { readonly at: string; readonly rectified: boolean };
}

export type ProcedureAction =
  | { kind: 'identify_party'; partyKind: PartyKind }
  | { kind: 'assign_officers'; officerIds: readonly string[] }
  | { kind: 'register' }
  | { kind: 'refuse_registration'; reason: string }
  | { kind: 'add_evidence'; items: readonly EvidenceItem[]; onSite?: OnSiteAct; presentOfficerIds: readonly string[] }
  | { kind: 'issue_notice'; proposed: Penalty; servedAt?: string }
  | { kind: 'serve_notice'; servedAt: string }
  | { kind: 'record_statement'; evidence: readonly EvidenceItem[] }
  | { kind: 'request_hearing' }
  | { kind: 'schedule_hearing'; scheduledFor: string }
  | { kind: 'hold_hearing'; evidence: readonly EvidenceItem[] }
  | { kind: 'legal_review'; reviewerId: string; reviewerQualified: boolean; approved: boolean }
  | { kind: 'decide'; outcome: DecisionOutcome; penalty?: Penalty }
  | { kind: 'summary_decision'; penalty: Penalty; presentOfficerIds: readonly string[] }
  | { kind: 'serve_decision'; servedAt: string; method: ServiceMethod }
  | { kind: 'record_payment'; amountFen: number }
  | { kind: 'close' }
  | { kind: 'archive' }
  | { kind: 'suspend'; reason: string }
  | { kind: 'resume' }
  | { kind: 'terminate'; reason: string }
  | { kind: 'extend_decision_deadline'; days: number }
  | { kind: 'give_education'; explained: string; educatedBy: string; rectifyBy: string; harmMinor: boolean }
  | { kind: 'order_rectification'; requirement: string; orderedBy: string; rectifyBy: string }
  | { kind: 'follow_up_inspection'; rectified: boolean; evidence: readonly EvidenceItem[]; presentOfficerIds: readonly string[] };

export type ProcedureActionKind = ProcedureAction['kind'];

/** What an action is checked against besides the case itself. */
export interface ProcedureContext {
  readonly now: Date;
  readonly rules: ProcedureRules;
  readonly calendar: WorkingCalendar;
  /** The officers known to the bureau that the case or the action names. */
  readonly officers: readonly CaseOfficer[];
  /** What education first is checked against; needed by give_education only. */
  readonly education?: EducationContext;
}

export interface EducationContext {
  readonly rules: EducationRules;
  /** The category of this case's violation. */
  readonly category: string;
  /** The party's violations found in its other cases. */
  readonly priorViolations: readonly PriorViolation[];
}

/** A refused step: `code` for clients, `message` for people. The HTTP edge answers 409 `{ code, message }`. */
export class ProcedureRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProcedureRefused';
  }
}

/** States in which the case is open and can be suspended. */
const ACTIVE: readonly CaseState[] = ['registered', 'investigating', 'notice_issued', 'hearing_requested', 'hearing_scheduled', 'hearing_held', 'legal_reviewed', 'decided', 'served', 'executing'];
const BEFORE_DECISION: readonly CaseState[] = ['registered', 'investigating', 'notice_issued', 'hearing_requested', 'hearing_scheduled', 'hearing_held', 'legal_reviewed'];
/** Education and rectification orders come after the facts and before any notice of a penalty. */
const BEFORE_NOTICE: readonly CaseState[] = ['registered', 'investigating'];

export const ALLOWED_FROM: Readonly<Record<ProcedureActionKind, readonly CaseState[]>> = {
  identify_party: ['registration_pending', 'registered', 'investigating'],
  assign_officers: ['registration_pending', ...BEFORE_DECISION, 'rectifying'],
  register: ['registration_pending'],
  refuse_registration: ['registration_pending'],
  add_evidence: ['registered', 'investigating'],
  issue_notice: ['investigating'],
  serve_notice: ['notice_issued'],
  record_statement: ['notice_issued', 'hearing_requested', 'hearing_scheduled'],
  request_hearing: ['notice_issued'],
  schedule_hearing: ['hearing_requested'],
  hold_hearing: ['hearing_scheduled'],
  legal_review: ['notice_issued', 'hearing_held'],
  decide: ['notice_issued', 'hearing_held', 'legal_reviewed'],
  summary_decision: ['registration_pending'],
  serve_decision: ['decided'],
  record_payment: ['executing'],
  close: ['served', 'executing'],
  archive: ['closed', 'terminated', 'registration_refused'],
  suspend: ACTIVE,
  resume: ['suspended'],
  terminate: ['registration_pending', ...ACTIVE, 'suspended', 'rectifying'],
  extend_decision_deadline: [...BEFORE_DECISION, 'rectifying'],
  give_education: BEFORE_NOTICE,
  order_rectification: BEFORE_NOTICE,
  follow_up_inspection: ['rectifying'],
};

export const ACTION_KINDS = Object.keys(ALLOWED_FROM) as ProcedureActionKind[];

export function openCase(input: { procedure?: 'general' | 'summary'; partyKind: PartyKind | null; violationAt: string; seriousHarm?: boolean; officerIds: readonly string[]; now: Date }): ProcedureCase {
  return {
    state: 'registration_pending',
    procedure: input.procedure ?? 'general',
    partyKind: input.partyKind,
    violationAt: input.violationAt,
    seriousHarm: input.seriousHarm ?? false,
    officerIds: [...input.officerIds],
    createdAt: input.now.toISOString(),
    evidenceCount: 0,
    decisionExtensionDays: 0,
    paidFen: 0,
  };
}

export function applyAction(current: ProcedureCase, action: ProcedureAction, context: ProcedureContext): ProcedureCase {
  const allowed = ALLOWED_FROM[action.kind];
  if (!allowed.includes(current.state)) {
    throw new ProcedureRefused('invalid_transition', `a case that is ${current.state} cannot take ${action.kind}; that needs state ${allowed.join(' or ')}`);
  }
  const now = context.now.toISOString();
  switch (action.kind) {
    case 'identify_party':
      return { ...current, partyKind: action.partyKind };
    case 'assign_officers':
      requireCertifiedOfficers(action.officerIds, context);
      return { ...current, officerIds: [...new Set(action.officerIds)] };
    case 'register':
      requirePartyKind(current);
      requireWithinLimitation(current, context);
      requireCertifiedOfficers(current.officerIds, context);
      return { ...current, state: 'registered', registeredAt: now };
    case 'refuse_registration':
      return { ...current, state: 'registration_refused', refusalReason: action.reason };
    case 'add_evidence':
      if (action.items.length === 0) throw new ProcedureRefused('evidence_required', 'an evidence step records at least one item');
      if (action.onSite) {
        requireCertifiedOfficers(action.presentOfficerIds, context);
        requireAudioVideo(action.items, `the on-site ${action.onSite}`);
      }
      return { ...current, state: 'investigating', evidenceCount: current.evidenceCount + action.items.length };
    case 'issue_notice':
      if (current.evidenceCount === 0) throw new ProcedureRefused('evidence_required', 'a notice of the proposed decision needs the facts: record evidence first');
      return {
        ...current,
        state: 'notice_issued',
        notice: { issuedAt: now, servedAt: action.servedAt, proposed: action.proposed, hearingRight: givesHearingRight(action.proposed, requirePartyKind(current), context.rules) },
      };
    case 'serve_notice': {
      const notice = requireNotice(current);
      if (notice.servedAt) throw new ProcedureRefused('notice_already_served', `the notice was served at ${notice.servedAt}`);
      requireServedAfter(action.servedAt, notice.issuedAt, 'the notice');
      return { ...current, notice: { ...notice, servedAt: action.servedAt } };
    }
    case 'record_statement':
      requireNoticeServed(current);
      requireAudioVideo(action.evidence, 'an oral statement and defence');
      return { ...current, statementAt: now, evidenceCount: current.evidenceCount + action.evidence.length };
    case 'request_hearing': {
      const notice = requireNoticeServed(current);
      if (!notice.hearingRight) throw new ProcedureRefused('no_hearing_right', 'the proposed penalty gives no right to a hearing (Art. 63)');
      const lastDay = context.calendar.dueAt(new Date(notice.servedAt), context.rules.hearingRequest);
      if (context.now > lastDay) throw new ProcedureRefused('hearing_request_late', `a hearing had to be asked for by ${lastDay.toISOString()} (Art. 64)`);
      return { ...current, state: 'hearing_requested', hearing: { requestedAt: now } };
    }
    case 'schedule_hearing': {
      const earliest = earliestHearing(context.now, context);
      if (new Date(action.scheduledFor) < earliest) {
        throw new ProcedureRefused('hearing_notice_too_short', `the party must be told ${context.rules.hearingNotice.amount} working days ahead: the hearing can be on ${earliest.toISOString()} at the earliest (Art. 64)`);
      }
      return { ...current, state: 'hearing_scheduled', hearing: { ...requireHearing(current), notifiedAt: now, scheduledFor: action.scheduledFor } };
    }
    case 'hold_hearing': {
      const hearing = requireHearing(current);
      if (hearing.scheduledFor && context.now < new Date(hearing.scheduledFor)) {
        throw new ProcedureRefused('hearing_not_yet_due', `the hearing is scheduled for ${hearing.scheduledFor}`);
      }
      requireAudioVideo(action.evidence, 'a hearing');
      return { ...current, state: 'hearing_held', hearing: { ...hearing, heldAt: now }, evidenceCount: current.evidenceCount + action.evidence.length };
    }
    case 'legal_review':
      requirePartyHeard(current, context);
      if (current.officerIds.includes(action.reviewerId)) throw new ProcedureRefused('reviewer_is_case_officer', 'the legal reviewer cannot be an officer on the case');
      if (!action.reviewerQualified) throw new ProcedureRefused('reviewer_not_qualified', 'the legal reviewer must hold the national legal professional qualification (Art. 58)');
      if (!action.approved) {
        // Sent back: the facts or the proposal need more work, and the party must be told again.
        return { ...current, state: 'investigating', notice: undefined, statementAt: undefined, hearing: undefined, legalReview: { reviewerId: action.reviewerId, approved: false, at: now } };
      }
      return { ...current, state: 'legal_reviewed', legalReview: { reviewerId: action.reviewerId, approved: true, at: now } };
    case 'decide': {
      const notice = requirePartyHeard(current, context);
      const penalty = action.outcome === 'penalty' ? requirePenalty(action.penalty) : undefined;
      if (penalty && heavier(penalty, notice.proposed)) {
        throw new ProcedureRefused('heavier_than_notified', 'the decision cannot be heavier than the penalty the party was told of (Art. 45)');
      }
      const major = penalty !== undefined && isMajor(penalty, requirePartyKind(current), context.rules);
      // Art. 58(2): a penalty after a hearing is reviewed too, whatever its size.
      const heard = penalty !== undefined && context.rules.legalReviewAfterHearing && current.hearing?.heldAt !== undefined;
      if ((major || heard) && !current.legalReview?.approved) {
        throw new ProcedureRefused('legal_review_required', `${major ? 'a major decision' : 'a penalty after a hearing'} needs a legal reviewer's sign-off first (Art. 58)`);
      }
      return { ...current, state: 'decided', decision: { at: now, outcome: action.outcome, penalty, major } };
    }
    case 'summary_decision': {
      const partyKind = requirePartyKind(current);
      const limit = context.rules.summaryLimitFen[partyKind];
      if (action.penalty.measures.length > 0 || action.penalty.fineFen > limit) {
        throw new ProcedureRefused('summary_limit_exceeded', `the summary procedure takes only a warning or a fine up to ${limit / 100} CNY for ${partyKind === 'person' ? 'a person' : 'an organisation'} (Art. 51)`);
      }
      requireWithinLimitation(current, context);
      requireCertifiedOfficers(action.presentOfficerIds, context);
      return { ...current, procedure: 'summary', state: 'decided', registeredAt: now, decision: { at: now, outcome: 'penalty', penalty: action.penalty, major: false } };
    }
    case 'serve_decision': {
      if (current.decision) requireServedAfter(action.servedAt, current.decision.at, 'the decision');
      const fine = current.decision?.penalty?.fineFen ?? 0;
      return { ...current, state: fine > 0 ? 'executing' : 'served', servedAt: action.servedAt, serviceMethod: action.method };
    }
    case 'record_payment':
      if (!Number.isInteger(action.amountFen) || action.amountFen <= 0) throw new ProcedureRefused('invalid_amount', 'a payment is a whole number of fen above 0');
      return { ...current, paidFen: current.paidFen + action.amountFen };
    case 'close': {
      if (current.state === 'executing') {
        const owed = amountOwedFen(current, context);
        if (current.paidFen < owed) throw new ProcedureRefused('payment_outstanding', `${(owed - current.paidFen) / 100} CNY of fine and late fee is still unpaid`);
      }
      return { ...current, state: 'closed', closedAt: now };
    }
    case 'archive':
      return { ...current, state: 'archived' };
    case 'suspend':
      return { ...current, state: 'suspended', suspendedFrom: current.state, suspensionReason: action.reason, suspendedAt: now };
    case 'resume': {
      // Art. 60: the decision period does not run while the case is suspended (中止).
      const days = current.suspendedAt ? suspendedCalendarDays(current.suspendedAt, context.now, context.rules.utcOffset) : 0;
      return { ...current, state: current.suspendedFrom ?? 'registered', suspendedFrom: undefined, suspensionReason: undefined, suspendedAt: undefined, suspendedDays: (current.suspendedDays ?? 0) + days };
    }
    case 'terminate':
      return { ...current, state: 'terminated', suspendedFrom: undefined, terminationReason: action.reason };
    case 'extend_decision_deadline':
      if (!Number.isInteger(action.days) || action.days <= 0) throw new ProcedureRefused('invalid_extension', 'an extension is a whole number of days above 0');
      return { ...current, decisionExtensionDays: current.decisionExtensionDays + action.days };
    case 'give_education': {
      requireFactsForRectification(current);
      requirePartyKind(current);
      const education = context.education;
      if (!education) throw new ProcedureRefused('category_not_eligible', 'no education-first rules apply to this case');
      const basis = educationBasis(education);
      if (current.seriousHarm || !action.harmMinor) {
        throw new ProcedureRefused('harm_not_minor', 'education instead of a penalty needs a violation whose harm is none or slight (Art. 33)');
      }
      if (basis === 'first_violation') {
        const priors = priorViolationsInWindow(education.priorViolations, education.category, current.violationAt, education.rules);
        if (priors.length > 0) {
          throw new ProcedureRefused('prior_violation_in_window', `the party already violated ${education.category} within ${education.rules.priorViolationWindowMonths} months (case ${priors[0].caseId}): not a first violation`);
        }
      }
      requireCertifiedOfficer(action.educatedBy, context);
      requireRectifyBy(action.rectifyBy, current, context, education.rules);
      return { ...current, state: 'rectifying', rectification: { basis, explained: action.explained, by: action.educatedBy, at: now, rectifyBy: action.rectifyBy } };
    }
    case 'order_rectification':
      requireFactsForRectification(current);
      requirePartyKind(current);
      if (current.seriousHarm) throw new ProcedureRefused('harm_not_minor', 'a violation that harmed life, health or financial safety is not settled by a rectification order alone');
      requireCertifiedOfficer(action.orderedBy, context);
      requireRectifyBy(action.rectifyBy, current, context, context.education?.rules);
      return { ...current, state: 'rectifying', rectification: { basis: 'rectification_order', explained: action.requirement, by: action.orderedBy, at: now, rectifyBy: action.rectifyBy } };
    case 'follow_up_inspection': {
      const rectification = current.rectification;
      if (!rectification) throw new ProcedureRefused('rectification_not_ordered', 'no rectification was ordered');
      requireCertifiedOfficers(action.presentOfficerIds, context);
      requireAudioVideo(action.evidence, 'the on-site follow-up inspection');
      const evidenceCount = current.evidenceCount + action.evidence.length;
      if (!action.rectified) {
        if (context.now <= new Date(rectification.rectifyBy)) {
          throw new ProcedureRefused('rectification_period_running', `the party has until ${rectification.rectifyBy} to rectify`);
        }
        // Not corrected: no longer "corrected promptly" (Art. 33), so the penalty path goes on from the facts.
        return { ...current, state: 'investigating', evidenceCount, rectification: { ...rectification, followUp: { at: now, rectified: false } } };
      }
      const outcome = rectification.basis === 'rectification_order' ? 'rectification' : 'education';
      return { ...current, state: 'decided', evidenceCount, rectification: { ...rectification, followUp: { at: now, rectified: true } }, decision: { at: now, outcome, major: false } };
    }
    default:
      return unknownAction(action);
  }
}

/** Fine plus the late fee as of `context.now`. */
export function amountOwedFen(current: ProcedureCase, context: Pick<ProcedureContext, 'now' | 'rules' | 'calendar'>): number {
  const fine = current.decision?.penalty?.fineFen ?? 0;
  if (fine === 0 || !current.servedAt) return fine;
  const due = context.calendar.dueAt(new Date(current.servedAt), context.rules.payment);
  return fine + lateFeeFen(fine, due, context.now, context.rules.lateFeePercentPerDay);
}

/** The earliest hearing when the party is told today: the 7th working day after. */
export function earliestHearing(notifiedAt: Date, context: Pick<ProcedureContext, 'rules' | 'calendar'>): Date {
  const endOfLastDay = context.calendar.dueAt(notifiedAt, context.rules.hearingNotice);
  return new Date(endOfLastDay.getTime() + 1 - 24 * 60 * 60 * 1000);
}

/** Whole calendar days (in the bureau's time zone) from the day of suspension to the day of resumption. */
export function suspendedCalendarDays(from: string, to: Date, utcOffset: string): number {
  const offsetMs = offsetMinutes(utcOffset) * 60 * 1000;
  const day = (instant: Date) => Math.floor((instant.getTime() + offsetMs) / (24 * 60 * 60 * 1000));
  return Math.max(0, day(to) - day(new Date(from)));
}

function offsetMinutes(utcOffset: string): number {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(utcOffset);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function educationBasis(education: EducationContext): RectificationBasis {
  if (education.rules.minorViolations.includes(education.category)) return 'minor_violation';
  if (education.rules.firstViolations.includes(education.category)) return 'first_violation';
  throw new ProcedureRefused('category_not_eligible', `${education.category} is on neither the minor-violation nor the first-violation list of the bureau (Art. 33)`);
}

function requireFactsForRectification(current: ProcedureCase): void {
  if (current.evidenceCount === 0) throw new ProcedureRefused('evidence_required', 'the facts must be recorded before the case is settled without a penalty: record evidence first');
  if (current.rectification?.followUp?.rectified === false) {
    throw new ProcedureRefused('rectification_already_failed', `the party did not rectify by ${current.rectification.rectifyBy}: the case continues on the penalty path`);
  }
}

function requireRectifyBy(rectifyBy: string, current: ProcedureCase, context: ProcedureContext, rules: EducationRules | undefined): void {
  const due = new Date(rectifyBy);
  if (Number.isNaN(due.getTime()) || due <= context.now) throw new ProcedureRefused('rectify_by_not_in_future', 'the rectify-by date must be in the future');
  const maxDays = rules?.maxRectificationDays;
  if (maxDays !== undefined && due.getTime() - context.now.getTime() > maxDays * 24 * 60 * 60 * 1000 + 24 * 60 * 60 * 1000) {
    throw new ProcedureRefused('rectify_by_too_far', `a rectification period is at most ${maxDays} days`);
  }
  if (current.registeredAt && current.procedure === 'general') {
    const decisionDue = decisionDueAt(current, context);
    if (due > decisionDue) throw new ProcedureRefused('rectify_by_after_decision_due', `the follow-up must come before the decision falls due on ${decisionDue.toISOString()} (Art. 60)`);
  }
}

/** The end of the 90-day decision period (Art. 60), lengthened by approved extensions and by days suspended; `until` counts a running suspension. */
export function decisionDueAt(current: ProcedureCase, context: Pick<ProcedureContext, 'rules' | 'calendar'>, until?: Date): Date {
  const running = current.suspendedAt && until ? suspendedCalendarDays(current.suspendedAt, until, context.rules.utcOffset) : 0;
  const amount = context.rules.decision.amount + current.decisionExtensionDays + (current.suspendedDays ?? 0) + running;
  return context.calendar.dueAt(new Date(current.registeredAt ?? current.createdAt), { ...context.rules.decision, amount });
}

function requireServedAfter(servedAt: string, issuedAt: string, what: string): void {
  if (new Date(servedAt) < new Date(issuedAt)) throw new ProcedureRefused('served_before_issued', `${what} cannot have been served before it was issued (${issuedAt})`);
}

function requirePartyKind(current: ProcedureCase): PartyKind {
  if (!current.partyKind) throw new ProcedureRefused('party_unknown', 'the party has not been identified yet');
  return current.partyKind;
}

function requireWithinLimitation(current: ProcedureCase, context: ProcedureContext): void {
  const years = current.seriousHarm ? context.rules.limitationYearsWithSeriousHarm : context.rules.limitationYears;
  const limit = new Date(current.violationAt);
  limit.setUTCFullYear(limit.getUTCFullYear() + years);
  if (context.now > limit) {
    throw new ProcedureRefused('limitation_period_expired', `a violation not discovered within ${years} years is not penalised (Art. 36): refuse the registration with that reason`);
  }
}

function requireCertifiedOfficers(officerIds: readonly string[], context: ProcedureContext): void {
  const distinct = [...new Set(officerIds)];
  if (distinct.length < context.rules.minimumOfficers) {
    throw new ProcedureRefused('not_enough_officers', `at least ${context.rules.minimumOfficers} enforcement officers are needed (Art. 42); ${distinct.length} named`);
  }
  for (const id of distinct) requireCertifiedOfficer(id, context);
}

/** Only an officer with a valid enforcement certificate (执法证) may act on a case. */
export function requireCertifiedOfficer(id: string, context: Pick<ProcedureContext, 'now' | 'rules' | 'officers'>): void {
  const officer = context.officers.find((candidate) => candidate.id === id);
  if (!officer) throw new ProcedureRefused('officer_not_certified', `${id} is not an enforcement officer of the bureau`);
  const validUntil = new Date(`${officer.certificateValidUntil}T23:59:59.999${context.rules.utcOffset}`);
  if (context.now > validUntil) throw new ProcedureRefused('officer_not_certified', `${id}'s enforcement certificate expired on ${officer.certificateValidUntil}`);
}

function requireAudioVideo(items: readonly EvidenceItem[], what: string): void {
  if (!items.some((item) => AUDIO_VIDEO.includes(item.kind))) {
    throw new ProcedureRefused('audio_video_evidence_required', `${what} needs at least one audio or video recording`);
  }
}

function requireNotice(current: ProcedureCase): NonNullable<ProcedureCase['notice']> {
  if (!current.notice) throw new ProcedureRefused('notice_not_issued', 'no notice of the proposed decision was issued');
  return current.notice;
}

function requireNoticeServed(current: ProcedureCase): NonNullable<ProcedureCase['notice']> & { servedAt: string } {
  const notice = requireNotice(current);
  if (!notice.servedAt) throw new ProcedureRefused('notice_not_served', 'the notice of the proposed decision and of the party\'s rights has not been served (Art. 44)');
  return { ...notice, servedAt: notice.servedAt };
}

function requireHearing(current: ProcedureCase): NonNullable<ProcedureCase['hearing']> {
  if (!current.hearing) throw new ProcedureRefused('hearing_not_requested', 'no hearing was requested');
  return current.hearing;
}

/** The party was told and had its say: the notice served and its windows closed, or its statement or hearing done. */
function requirePartyHeard(current: ProcedureCase, context: ProcedureContext): NonNullable<ProcedureCase['notice']> {
  const notice = requireNoticeServed(current);
  if (current.hearing?.heldAt || current.state === 'legal_reviewed') return notice;
  const servedAt = new Date(notice.servedAt);
  if (notice.hearingRight) {
    const closes = context.calendar.dueAt(servedAt, context.rules.hearingRequest);
    if (context.now <= closes) throw new ProcedureRefused('hearing_window_open', `the party may ask for a hearing until ${closes.toISOString()} (Art. 64)`);
  }
  if (!current.statementAt) {
    const closes = context.calendar.dueAt(servedAt, context.rules.statement);
    if (context.now <= closes) throw new ProcedureRefused('statement_window_open', `the party may state and defend until ${closes.toISOString()} (Art. 45)`);
  }
  return notice;
}

function requirePenalty(penalty: Penalty | undefined): Penalty {
  if (!penalty || (!penalty.warning && penalty.fineFen === 0 && penalty.measures.length === 0)) {
    throw new ProcedureRefused('penalty_required', 'a penalty decision names a warning, a fine or a measure');
  }
  return penalty;
}

function heavier(decided: Penalty, proposed: Penalty): boolean {
  return decided.fineFen > proposed.fineFen || decided.measures.some((measure) => !proposed.measures.includes(measure));
}

function unknownAction(action: never): never {
  throw new ProcedureRefused('invalid_transition', `unknown action ${JSON.stringify(action)}`);
}
