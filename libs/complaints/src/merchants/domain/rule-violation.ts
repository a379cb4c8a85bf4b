/**
 * A rule of the merchant dialogue that a request breaks. `kind` says what went wrong in
 * terms the edge maps to HTTP (404, 409, 403); `code` is the machine-readable reason.
 */
export type RuleViolationKind = 'not_found' | 'conflict' | 'forbidden';

export abstract class RuleViolation extends Error {
  abstract readonly kind: RuleViolationKind;
  abstract readonly code: string;
}

export class MerchantNotRegisteredError extends RuleViolation {
  readonly kind = 'not_found';
  readonly code = 'merchant_not_registered';

  constructor() {
    super('this account has no merchant profile yet: register it with POST /api/v1/merchants');
  }
}

export class MerchantAlreadyRegisteredError extends RuleViolation {
  readonly kind = 'conflict';
  readonly code = 'merchant_already_registered';

  constructor() {
    super('this account already has a merchant profile');
  }
}

export class LicenceNumberTakenError extends RuleViolation {
  readonly kind = 'conflict';
  readonly code = 'licence_number_taken';

  constructor() {
    super('another merchant account is registered with this licence number');
  }
}

export class MerchantNotFoundError extends RuleViolation {
  readonly kind = 'not_found';
  readonly code = 'merchant_not_found';

  constructor(readonly merchantId: string) {
    super(`no merchant has the id ${merchantId}`);
  }
}

export class MerchantRequestNotFoundError extends RuleViolation {
  readonly kind = 'not_found';
  readonly code = 'merchant_request_not_found';

  constructor(readonly requestId: string) {
    super(`no merchant request has the id ${requestId}`);
  }
}

export class MerchantRequestAlreadyAnsweredError extends RuleViolation {
  readonly kind = 'conflict';
  readonly code = 'merchant_request_already_answered';

  constructor(readonly requestId: string) {
    super(`merchant request ${requestId} is already answered`);
  }
}
