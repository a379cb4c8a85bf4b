import type { ENFORCEMENT_DEADLINES_V2 } from '@civicflow/contracts';
import { decisionDueAt, type ProcedureCase, type ProcedureContext } from './procedure';

export type DeadlineName = (typeof ENFORCEMENT_DEADLINES_V2)[number];

/**
 * `met`: the step was taken in time or late; `pending`: still expected, not yet due; `overdue`:
 * expected and past due; `lapsed`: a window of the party's that passed unused (not a fault);
 * `paused`: the decision period while the case is suspended (its due date as if resumed now).
 */
export type DeadlineStatus = 'pending' | 'met' | 'overdue' | 'lapsed' | 'paused';

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
  const add = (name: DeadlineName, from: string, due: Date, metAt: string | undefined, partyWindow: boolean, paused = false) => {
    const warnAt = new Date(Math.max(new Date(from).getTime(), due.getTime() - rules.warningLeadHours * 60 * 60 * 1000));
    let status: DeadlineStatus = 'pending';
    if (metAt) status = 'met';
    else if (paused) status = 'paused';
    else if (now > due) status = partyWindow ? 'lapsed' : 'overdue';
    deadlines.push({ name, from, dueAt: due.toISOString(), warnAt: warnAt.toISOString(), status });
  };
  const stopped = STOPPED.includes(current.state);
  if (current.registeredAt && current.procedure === 'general') {
    // Suspension pauses the clock (Art. 60): suspended days are added, not counted.
    const paused = current.state === 'suspended' && current.suspendedAt !== undefined;
    const ended = current.state === 'registration_refused' || current.state === 'terminated' || (current.state === 'suspended' && !paused);
    add('decision', current.registeredAt, decisionDueAt(current, { rules, calendar }, paused ? now : undefined), current.decision?.at ?? (ended ? current.createdAt : undefined), false, paused);
  }
  const rectification = current.rectification;
  if (rectification) {
    const inspected = rectification.followUp?.at ?? (stopped && current.state !== 'suspended' ? rectification.at : undefined);
    add('rectification', rectification.at, new Date(rectification.rectifyBy), inspected, false);
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
