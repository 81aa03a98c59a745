// GoTrue-shaped errors. A request that sends `X-Supabase-Api-Version: 2024-01-01` or later (every
// supabase-js call does) gets `{code: '<error_code>', error_code, msg}` and the version header back,
// which is when supabase-js reads `code`; older callers get GoTrue's initial `{code: <status>, error_code, msg}`.
// Messages never carry an email address, a password or a token.

export const API_VERSION = '2024-01-01';

export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

export const badRequest = (code: string, msg: string) => new AuthError(400, code, msg);
export const validationFailed = (msg: string) => new AuthError(400, 'validation_failed', msg);
export const unprocessable = (code: string, msg: string) => new AuthError(422, code, msg);
export const forbidden = (code: string, msg: string) => new AuthError(403, code, msg);
export const notFound = (code: string, msg: string) => new AuthError(404, code, msg);
export const tooManyRequests = (code: string, msg: string) => new AuthError(429, code, msg);

export const invalidCredentials = () => badRequest('invalid_credentials', 'Invalid login credentials');
export const overRequestRateLimit = () => tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
export const otpExpired = () => forbidden('otp_expired', 'Token has expired or is invalid');
export const emailExists = () => unprocessable('email_exists', 'A user with this email address has already been registered');
export const unexpected = (msg = 'Unexpected failure, please check server logs for more information') =>
  new AuthError(500, 'unexpected_failure', msg);

export function weakPassword(minLength: number): AuthError {
  return new AuthError(422, 'weak_password', `Password should be at least ${minLength} characters.`, {
    weak_password: { reasons: ['length'] },
  });
}

/** True when the request asked for the 2024-01-01 (or a later) error format. */
export function wantsVersionedErrors(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return value >= API_VERSION;
}

export function errorResponse(err: AuthError, versioned: boolean): { body: Record<string, unknown>; headers: Record<string, string> } {
  if (versioned) {
    return {
      body: { code: err.errorCode, error_code: err.errorCode, msg: err.message, ...err.extra },
      headers: { 'x-supabase-api-version': API_VERSION },
    };
  }
  return { body: { code: err.status, error_code: err.errorCode, msg: err.message, ...err.extra }, headers: {} };
}
