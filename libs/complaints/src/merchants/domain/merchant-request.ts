import type { MERCHANT_REQUEST_KINDS } from '@civicflow/contracts';
import { MerchantRequestAlreadyAnsweredError } from './rule-violation';

export type MerchantRequestKind = (typeof MERCHANT_REQUEST_KINDS)[number];

/** submitted → (discussed at a forum, optional) → answered; nothing follows an answer. */
export const MERCHANT_REQUEST_STATUSES = ['submitted', 'discussed', 'answered'] as const;
export type MerchantRequestStatus = (typeof MERCHANT_REQUEST_STATUSES)[number];

export interface MerchantRequestState {
  id: string;
  status: MerchantRequestStatus;
}

/** The status once a forum action item takes the request up. */
export function discussedStatus(request: MerchantRequestState): MerchantRequestStatus {
  // Taking up an answered request would answer it a second time when the action item is answered.
  if (request.status === 'answered') throw new MerchantRequestAlreadyAnsweredError(request.id);
  return 'discussed';
}

/** The status once staff answer it, directly or through an action item. */
export function answeredStatus(request: MerchantRequestState): MerchantRequestStatus {
  if (request.status === 'answered') throw new MerchantRequestAlreadyAnsweredError(request.id);
  return 'answered';
}
