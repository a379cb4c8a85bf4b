import { RuleViolation } from '../../merchants/domain/rule-violation';

export const FORUM_STATUSES = ['scheduled', 'held'] as const;
export type ForumStatus = (typeof FORUM_STATUSES)[number];
export const ACTION_ITEM_STATUSES = ['open', 'answered'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export class ForumNotFoundError extends RuleViolation {
  readonly kind = 'not_found';
  readonly code = 'forum_not_found';

  constructor(readonly forumId: string) {
    super(`no forum has the id ${forumId}`);
  }
}

export class ForumAlreadyHeldError extends RuleViolation {
  readonly kind = 'conflict';
  readonly code = 'forum_already_held';

  constructor(readonly forumId: string) {
    super(`forum ${forumId} is already held and its minutes recorded`);
  }
}

export class ForumNotStartedError extends RuleViolation {
  readonly kind = 'conflict';
  readonly code = 'forum_not_started';

  constructor(readonly forumId: string, startsAt: Date) {
    super(`forum ${forumId} starts at ${startsAt.toISOString()}: minutes can be recorded once it has started`);
  }
}

export class MerchantNotInvitedError extends RuleViolation {
  readonly kind = 'conflict';
  readonly code = 'merchant_not_invited';

  constructor(readonly merchantIds: readonly string[]) {
    super(`not invited to this forum: ${merchantIds.join(', ')}`);
  }
}

export class ActionItemNotFoundError extends RuleViolation {
  readonly kind = 'not_found';
  readonly code = 'action_item_not_found';

  constructor(readonly actionItemId: string) {
    super(`this forum has no action item with the id ${actionItemId}`);
  }
}

export class ActionItemAlreadyAnsweredError extends RuleViolation {
  readonly kind = 'conflict';
  readonly code = 'action_item_already_answered';

  constructor(readonly actionItemId: string) {
    super(`action item ${actionItemId} is already answered`);
  }
}

export class NotActionItemOwnerError extends RuleViolation {
  readonly kind = 'forbidden';
  readonly code = 'not_action_item_owner';

  constructor(readonly actionItemId: string) {
    super(`only the owner of action item ${actionItemId} or a supervisor may answer it`);
  }
}

/** Attendance is taken from the invitation list, and only until the minutes close the forum. */
export function assertAttendanceCanBeRecorded(forum: { id: string; status: ForumStatus }, invitedMerchantIds: ReadonlySet<string>, attendedMerchantIds: readonly string[]): void {
  if (forum.status === 'held') throw new ForumAlreadyHeldError(forum.id);
  assertInvited(invitedMerchantIds, attendedMerchantIds);
}

export function assertInvited(invitedMerchantIds: ReadonlySet<string>, merchantIds: readonly string[]): void {
  const strangers = merchantIds.filter((merchantId) => !invitedMerchantIds.has(merchantId));
  if (strangers.length > 0) throw new MerchantNotInvitedError(strangers);
}

/** Minutes are recorded once, after the forum has started; they make it held. */
export function heldStatus(forum: { id: string; status: ForumStatus; startsAt: Date }, now: Date): ForumStatus {
  if (forum.status === 'held') throw new ForumAlreadyHeldError(forum.id);
  if (now.getTime() < forum.startsAt.getTime()) throw new ForumNotStartedError(forum.id, forum.startsAt);
  return 'held';
}

/**
 * The owner answers the action item they were given; a supervisor may answer any, e.g.
 * when the owner is away. An answer is final: it has been sent to the merchants.
 */
export function answeredActionItemStatus(
  item: { id: string; status: ActionItemStatus; ownerStaffId: string },
  answerer: { id: string; isSupervisor: boolean },
): ActionItemStatus {
  if (item.status === 'answered') throw new ActionItemAlreadyAnsweredError(item.id);
  if (!answerer.isSupervisor && answerer.id !== item.ownerStaffId) throw new NotActionItemOwnerError(item.id);
  return 'answered';
}

/** Everyone who raised the item: those named at the forum and the submitters of the linked requests, each once, in a stable order. */
export function merchantsWhoRaised(raisedByMerchantIds: readonly string[], linkedRequests: readonly { merchantId: string }[]): string[] {
  return [...new Set([...raisedByMerchantIds, ...linkedRequests.map((request) => request.merchantId)])].sort();
}
