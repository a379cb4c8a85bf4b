import type { ComplaintStatus } from './complaint';

/**
 * The closed loop: received → accepted | rejected → dispatched → in_handling → handled →
 * verified → closed → evaluated, with reopening when the reporter says it is not resolved.
 * Pure: the service layer loads the complaint, asks here, then stores and publishes.
 */
export type LifecycleAction =
  | { kind: 'accept' }
  | { kind: 'reject' }
  | { kind: 'dispatch' }
  | { kind: 'start_handling' }
  | { kind: 'handle' }
  | { kind: 'verify'; passed: boolean }
  | { kind: 'close' }
  | { kind: 'rate'; resolved: boolean }
  | { kind: 'reopen' };

export type LifecycleActionKind = LifecycleAction['kind'];

/** A refused step, with a code a client can act on and a sentence a person can read. */
export class TransitionRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransitionRefused';
  }
}

const FROM: Record<LifecycleActionKind, readonly ComplaintStatus[]> = {
  accept: ['received'],
  reject: ['received'],
  dispatch: ['accepted', 'reopened'],
  start_handling: ['dispatched'],
  handle: ['in_handling'],
  verify: ['handled'],
  close: ['verified'],
  rate: ['closed'],
  reopen: ['closed', 'evaluated'],
};

/** Statuses in which the complaint is still being worked on, and so can be overdue. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['accepted', 'dispatched', 'in_handling', 'reopened'];
/** Statuses after which nothing more happens unless it is reopened. */
export const FINISHED_STATUSES: readonly ComplaintStatus[] = ['rejected', 'closed', 'evaluated'];

export function nextStatus(current: ComplaintStatus, action: LifecycleAction): ComplaintStatus {
  if (!FROM[action.kind].includes(current)) {
    throw new TransitionRefused(
      'invalid_transition',
      `a complaint that is ${current} cannot be ${describe(action.kind)}; that needs status ${FROM[action.kind].join(' or ')}`,
    );
  }
  switch (action.kind) {
    case 'accept':
      return 'accepted';
    case 'reject':
      return 'rejected';
    case 'dispatch':
      return 'dispatched';
    case 'start_handling':
      return 'in_handling';
    case 'handle':
      return 'handled';
    case 'verify':
      return action.passed ? 'verified' : 'in_handling';
    case 'close':
      return 'closed';
    case 'rate':
      return action.resolved ? 'evaluated' : 'reopened';
    case 'reopen':
      return 'reopened';
  }
}

export function allowedActions(current: ComplaintStatus): LifecycleActionKind[] {
  return (Object.keys(FROM) as LifecycleActionKind[]).filter((kind) => FROM[kind].includes(current));
}

function describe(kind: LifecycleActionKind): string {
  return {
    accept: 'accepted',
    reject: 'rejected',
    dispatch: 'dispatched',
    start_handling: 'taken in hand',
    handle: 'reported handled',
    verify: 'verified',
    close: 'closed',
    rate: 'rated',
    reopen: 'reopened',
  }[kind];
}
