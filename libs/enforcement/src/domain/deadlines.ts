import type { ENFORCEMENT_DEADLINES } from '@civicflow/contracts';
import type { ProcedureCase, ProcedureContext } from './procedure';

export type DeadlineName = (typeof ENFORCEMENT_DEADLINES)[number];

/**
 * `met`: the step was taken in time or late; `pending`: still expected, not yet due; `overdue`:
 * expected and past due; `lapsed`: a window of the party's that passed unused (not a fault).
 */
export type DeadlineStatus = 'pending' | 'met' | 'overdue' | 'lapsed';

export interface CaseDeadline {
  readonly name: DeadlineName;
  /** The start the period counts from (its own day not counted). */
  readonly from: string;
  readonly dueAt: string;
  /** When the warning event goes out. */
  readonly warnAt: string;
  readonly status: DeadlineStatus;
}

type Context = Pick<ProcedureContext, 'now' | 'rules' | 'calendar'>;

const STOPPED = ['registration_refused', 'terminated', 'suspended'];

/** Every statutory deadline that applies to the case so far, with its status at `context.now`. */
export function caseDeadlines(current: ProcedureCase, context: Context): CaseDeadline[] {
  const { rules, calendar, now } = context;
  const deadlines: CaseDeadline[] = [];
  const add = (name: DeadlineName, from: string, due: Date, metAt: string | undefined, partyWindow: boolean) => {
    const warnAt = new Date(Math.max(new Date(from).getTime(), due.getTime() - rules.warningLeadHours * 60 * 60 * 1000));
    let status: DeadlineStatus = 'pending';
    if (metAt) status = 'met';
    else if (now > due) status = partyWindow ? 'lapsed' : 'overdue';
    deadlines.push({ name, from, dueAt: due.toISOString(), warnAt: warnAt.toISOString(), status });
  };
  const stopped = STOPPED.includes(current.state);
  if (current.registeredAt && current.procedure === 'general') {
    const decision = { ...rules.decision, amount: rules.decision.amount + current.decisionExtensionDays };
    add('decision', current.registeredAt, calendar.dueAt(new Date(current.registeredAt), decision), current.decision?.at ?? (stopped ? current.createdAt : undefined), false);
  }
  const noticeServedAt = current.notice?.servedAt;
  if (noticeServedAt) {
    if (current.notice?.hearingRight) add('hearing_request', noticeServedAt, calendar.dueAt(new Date(noticeServedAt), rules.hearingRequest), current.hearing?.requestedAt, true);
    add('statement', noticeServedAt, calendar.dueAt(new Date(noticeServedAt), rules.statement), current.statementAt, true);
  }
  if (current.decision) {
    add('service', current.decision.at, calendar.dueAt(new Date(current.decision.at), rules.service), current.servedAt ?? (stopped ? current.decision.at : undefined), false);
  }
  const fine = current.decision?.penalty?.fineFen ?? 0;
  if (current.servedAt && fine > 0) {
    const paid = current.paidFen >= fine || stopped;
    add('payment', current.servedAt, calendar.dueAt(new Date(current.servedAt), rules.payment), paid ? current.servedAt : undefined, false);
  }
  return deadlines;
}
