import { describe, expect, it } from 'vitest';
import { errorResponse, invalidCredentials, wantsVersionedErrors, weakPassword } from './errors.ts';

describe('error responses', () => {
  it('use the 2024-01-01 shape (string code, version header) when the caller asks for it', () => {
    expect(errorResponse(invalidCredentials(), true)).toEqual({
      body: { code: 'invalid_credentials', error_code: 'invalid_credentials', msg: 'Invalid login credentials' },
      headers: { 'x-supabase-api-version': '2024-01-01' },
    });
  });

  it("use GoTrue's original shape otherwise", () => {
    expect(errorResponse(invalidCredentials(), false).body).toEqual({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    });
  });

  it('carry weak_password reasons', () => {
    expect(errorResponse(weakPassword(8), true).body).toMatchObject({ code: 'weak_password', weak_password: { reasons: ['length'] } });
  });

  it('read the API version header', () => {
    expect(wantsVersionedErrors('2024-01-01')).toBe(true);
    expect(wantsVersionedErrors('2025-06-30')).toBe(true);
    expect(wantsVersionedErrors('2023-12-31')).toBe(false);
    expect(wantsVersionedErrors('garbage')).toBe(false);
    expect(wantsVersionedErrors(undefined)).toBe(false);
  });
});

describe('failure logging', () => {
  it('redacts email addresses from logged database messages', async () => {
    const { describeFailure } = await import('./handle.ts');
    const line = describeFailure(Object.assign(new Error('new row for "ada@example.com" violates check'), { code: '23514' }));
    expect(line).toBe('Error 23514: new row for "[redacted]" violates check');
  });
});
