import { AuthApiError, AuthRetryableFetchError, AuthSessionMissingError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { authErrorMessageKey } from './auth-error.ts';

describe('authErrorMessageKey', () => {
  it('maps the GoTrue codes the forms meet to friendly messages', () => {
    expect(authErrorMessageKey(new AuthApiError('Invalid login credentials', 400, 'invalid_credentials'))).toBe('authError.invalidCredentials');
    expect(authErrorMessageKey(new AuthApiError('User already registered', 422, 'user_already_exists'))).toBe('authError.userExists');
    expect(authErrorMessageKey(new AuthApiError('Slow down', 429, 'over_request_rate_limit'))).toBe('authError.rateLimited');
  });

  it('treats a bare 429 as rate limiting even without a code', () => {
    expect(authErrorMessageKey(new AuthApiError('Too many', 429, undefined))).toBe('authError.rateLimited');
  });

  it('recognises network failures and missing sessions', () => {
    expect(authErrorMessageKey(new AuthRetryableFetchError('Failed to fetch', 0))).toBe('authError.network');
    expect(authErrorMessageKey(new TypeError('Failed to fetch'))).toBe('authError.network');
    expect(authErrorMessageKey(new AuthSessionMissingError())).toBe('authError.sessionExpired');
  });

  it('falls back to a generic message for anything else', () => {
    expect(authErrorMessageKey(new AuthApiError('Boom', 500, 'unexpected_failure'))).toBe('authError.unknown');
    expect(authErrorMessageKey('nope')).toBe('authError.unknown');
    expect(authErrorMessageKey({ code: 'toString' })).toBe('authError.unknown');
  });
});
