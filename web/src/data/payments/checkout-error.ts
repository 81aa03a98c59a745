// Turns a failed call to the payments edge function into a translated message. The function answers
// 403 when the caller is not the payer, 400 with the database's SQLSTATE and sentence when the
// payable cannot be paid (already paid, cancelled), 401 without a valid session, and 502 when Stripe
// is unreachable; supabase-js reports each as a FunctionsHttpError whose `context` is the Response.
import { FunctionsFetchError, FunctionsHttpError, FunctionsRelayError } from '@supabase/supabase-js';
import { databaseErrorMessage, type ErrorMessage } from '../database-error.ts';

/** The parts of a failed answer that decide the message. `status` is null when nothing came back. */
export interface CheckoutFailure {
  status: number | null;
  code?: string;
  message?: string;
}

/** Reads the function's JSON body (once: it is a stream) from whatever invoke() returned as its error. */
export async function readCheckoutFailure(error: unknown): Promise<CheckoutFailure> {
  if (error instanceof FunctionsHttpError) {
    const response = error.context as Response;
    const body: unknown = await response.json().catch(() => null);
    const { code, error: message } = (typeof body === 'object' && body !== null ? body : {}) as { code?: unknown; error?: unknown };
    return {
      status: response.status,
      ...(typeof code === 'string' ? { code } : {}),
      ...(typeof message === 'string' ? { message } : {}),
    };
  }
  if (error instanceof FunctionsFetchError || error instanceof FunctionsRelayError || error instanceof TypeError) return { status: null };
  return { status: 0 };
}

export function checkoutErrorMessage(failure: CheckoutFailure): ErrorMessage {
  if (failure.status === null) return { key: 'authError.network' };
  if (failure.status === 401) return { key: 'authError.sessionExpired' };
  if (failure.status === 403) return { key: 'payment.notPayer' };
  if (failure.status === 502 || failure.status === 503) return { key: 'payment.providerUnavailable' };
  // The database's own refusal, passed through: "this is paid and cannot be paid" and the like.
  if (failure.status === 400 && failure.code) return databaseErrorMessage({ code: failure.code, message: failure.message ?? '' });
  return { key: 'dbError.unknown' };
}

/** What the checkout mutation throws: the message is worked out once, when the answer is read. */
export class CheckoutError extends Error {
  readonly display: ErrorMessage;

  constructor(display: ErrorMessage) {
    super(`checkout could not start: ${display.key}`);
    this.name = 'CheckoutError';
    this.display = display;
  }
}
