// Turns a failed call to the `payments` function (connecting a payout account) or the `payouts`
// function (running a batch) into a translated message. Both answer 401 without a valid session,
// 403 when the database refuses the caller, 400 with the database's SQLSTATE and sentence, and the
// payments function 502 when Stripe is unreachable.
import type { ErrorMessage } from '../database-error.ts';
import { databaseErrorMessage } from '../database-error.ts';
import type { CheckoutFailure } from '../payments/checkout-error.ts';

function common(failure: CheckoutFailure): ErrorMessage | null {
  if (failure.status === null) return { key: 'authError.network' };
  if (failure.status === 401) return { key: 'authError.sessionExpired' };
  if (failure.status === 400 && failure.code) return databaseErrorMessage({ code: failure.code, message: failure.message ?? '' });
  return null;
}

export function connectErrorMessage(failure: CheckoutFailure): ErrorMessage {
  if (failure.status === 403) return { key: 'payouts.connectExpertsOnly' };
  if (failure.status === 502 || failure.status === 503) return { key: 'payouts.stripeUnavailable' };
  return common(failure) ?? { key: 'dbError.unknown' };
}

export function runErrorMessage(failure: CheckoutFailure): ErrorMessage {
  if (failure.status === 403) return { key: 'dbError.notAllowed' };
  return common(failure) ?? { key: 'dbError.unknown' };
}

/** What the payout mutations throw: the message is worked out once, when the answer is read. */
export class PayoutFunctionError extends Error {
  readonly display: ErrorMessage;

  constructor(display: ErrorMessage) {
    super(`payout call failed: ${display.key}`);
    this.name = 'PayoutFunctionError';
    this.display = display;
  }
}

/** The message for any error a payout mutation threw. */
export function payoutErrorDisplay(error: unknown): ErrorMessage {
  if (error instanceof PayoutFunctionError) return error.display;
  return databaseErrorMessage(error);
}
