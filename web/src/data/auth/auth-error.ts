// Maps Supabase auth errors to translated messages. Codes come from GoTrue's `code` field
// (supabase-js sends X-Supabase-Api-Version, so codes are present); unknown errors get a generic text
// rather than the raw server message, which is English-only and sometimes technical.
import type { MessageKey } from '../../i18n/en.ts';

const messageByCode: Readonly<Record<string, MessageKey>> = {
  invalid_credentials: 'authError.invalidCredentials',
  user_already_exists: 'authError.userExists',
  email_exists: 'authError.userExists',
  over_request_rate_limit: 'authError.rateLimited',
  over_email_send_rate_limit: 'authError.rateLimited',
  weak_password: 'authError.weakPassword',
  same_password: 'authError.samePassword',
  email_not_confirmed: 'authError.emailNotConfirmed',
  email_address_invalid: 'authError.invalidEmail',
  email_address_not_authorized: 'authError.invalidEmail',
  signup_disabled: 'authError.signupDisabled',
  email_provider_disabled: 'authError.signupDisabled',
  anonymous_provider_disabled: 'authError.guestDisabled',
  session_not_found: 'authError.sessionExpired',
  session_expired: 'authError.sessionExpired',
  refresh_token_not_found: 'authError.sessionExpired',
  otp_expired: 'authError.sessionExpired',
};

interface ErrorShape {
  code?: unknown;
  status?: unknown;
  name?: unknown;
}

export function authErrorMessageKey(error: unknown): MessageKey {
  if (typeof error !== 'object' || error === null) return 'authError.unknown';
  const { code, status, name } = error as ErrorShape;
  if (typeof code === 'string' && Object.hasOwn(messageByCode, code)) return messageByCode[code]!;
  if (status === 429) return 'authError.rateLimited';
  // supabase-js reports unreachable servers as AuthRetryableFetchError (status 0); fetch itself as TypeError.
  if (name === 'AuthRetryableFetchError' || status === 0 || error instanceof TypeError) return 'authError.network';
  if (name === 'AuthSessionMissingError') return 'authError.sessionExpired';
  return 'authError.unknown';
}
