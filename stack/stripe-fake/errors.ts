// Stripe's error envelope, `{error: {type, code?, message, param?, ...}}`, with the status codes the
// SDK maps to its error classes: 400/404 → StripeInvalidRequestError (or StripeIdempotencyError for
// type `idempotency_error`), 401 → StripeAuthenticationError, 402 → StripeCardError, 403 →
// StripePermissionError, 429 → StripeRateLimitError, anything else → StripeAPIError.

export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export interface StripeErrorFields {
  code?: string;
  param?: string;
  decline_code?: string;
  charge?: string;
  payment_intent?: Record<string, unknown>;
  [key: string]: unknown;
}

export class StripeFakeError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly fields: StripeErrorFields = {},
  ) {
    super(message);
    this.name = 'StripeFakeError';
  }

  body(): { error: Record<string, unknown> } {
    const { code } = this.fields;
    return {
      error: {
        ...(code ? { code, doc_url: `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}` } : {}),
        ...this.fields,
        message: this.message,
        type: this.type,
      },
    };
  }
}

export const invalidRequest = (message: string, fields: StripeErrorFields = {}, status = 400) =>
  new StripeFakeError(status, 'invalid_request_error', message, fields);

export const missingParam = (param: string) => invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });

export const unknownParam = (param: string) => invalidRequest(`Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });

/** A real Stripe parameter the fake does not model: refuse it loudly rather than pretend it took effect. */
export const unsupportedParam = (param: string, detail = '') =>
  invalidRequest(`The local Stripe fake does not support the parameter ${param}${detail ? ` (${detail})` : ''}.`, { param });

export const noSuchObject = (objectName: string, id: string, param = 'id') =>
  invalidRequest(`No such ${objectName}: '${id}'`, { code: 'resource_missing', param }, 404);

export const unrecognizedUrl = (method: string, path: string) =>
  invalidRequest(
    `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    {},
    404,
  );

export const cardDeclined = (declineCode = 'generic_decline', extra: StripeErrorFields = {}) =>
  new StripeFakeError(402, 'card_error', 'Your card was declined.', { code: 'card_declined', decline_code: declineCode, ...extra });

export const apiError = (message = "Something went wrong on Stripe's end.") => new StripeFakeError(500, 'api_error', message);

export const rateLimited = () =>
  invalidRequest('Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.', { code: 'rate_limit' }, 429);
