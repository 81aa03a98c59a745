import { describe, expect, it } from 'vitest';
import { forgotPasswordSchema, resetPasswordSchema, signInSchema, signUpSchema } from './auth-schema.ts';
import { validate } from './field-errors.ts';

const good = { email: 'dana@example.com', password: 'correct horse', confirmPassword: 'correct horse' };

describe('sign-up schema', () => {
  it('accepts a valid email and matching passwords of 8+ characters, trimming the email', () => {
    const result = validate(signUpSchema, { ...good, email: '  dana@example.com ' });
    expect(result).toEqual({ ok: true, data: { ...good } });
  });

  it('reports one translated message key per field', () => {
    const result = validate(signUpSchema, { email: 'dana@', password: 'short', confirmPassword: 'other' });
    expect(result).toEqual({
      ok: false,
      errors: {
        email: 'validation.emailInvalid',
        password: 'validation.passwordTooShort',
        confirmPassword: 'validation.passwordsDoNotMatch',
      },
    });
  });

  it('asks for the email and password when they are empty, not for a valid format', () => {
    const result = validate(signUpSchema, { email: '', password: '', confirmPassword: '' });
    expect(result.ok || result.errors).toMatchObject({
      email: 'validation.emailRequired',
      password: 'validation.passwordRequired',
    });
  });

  it('rejects passwords longer than bcrypt reads (72)', () => {
    const long = 'x'.repeat(73);
    const result = validate(signUpSchema, { ...good, password: long, confirmPassword: long });
    expect(result.ok || result.errors).toEqual({ password: 'validation.passwordTooLong' });
  });
});

describe('sign-in schema', () => {
  it('only requires a password to be present: old short passwords can still sign in', () => {
    expect(validate(signInSchema, { email: 'dana@example.com', password: 'short' }).ok).toBe(true);
    const result = validate(signInSchema, { email: 'nope', password: '' });
    expect(result.ok || result.errors).toEqual({
      email: 'validation.emailInvalid',
      password: 'validation.passwordRequired',
    });
  });
});

describe('forgot-password schema', () => {
  it('needs a valid email', () => {
    expect(validate(forgotPasswordSchema, { email: 'dana@example.com' }).ok).toBe(true);
    const result = validate(forgotPasswordSchema, { email: 'dana' });
    expect(result.ok || result.errors).toEqual({ email: 'validation.emailInvalid' });
  });
});

describe('reset-password schema', () => {
  it('needs 8+ characters and a matching confirmation', () => {
    expect(validate(resetPasswordSchema, { password: 'new secret', confirmPassword: 'new secret' }).ok).toBe(true);
    const result = validate(resetPasswordSchema, { password: 'new secret', confirmPassword: 'new secrets' });
    expect(result.ok || result.errors).toEqual({ confirmPassword: 'validation.passwordsDoNotMatch' });
  });
});

describe('sign-up display name', () => {
  it('is optional, trimmed, and at most 80 characters', () => {
    const result = validate(signUpSchema, { ...good, displayName: '  Dana ' });
    expect(result.ok && result.data.displayName).toBe('Dana');
    expect(validate(signUpSchema, { ...good, displayName: '' }).ok).toBe(true);
    const long = validate(signUpSchema, { ...good, displayName: 'x'.repeat(81) });
    expect(long.ok || long.errors).toEqual({ displayName: 'validation.displayNameTooLong' });
  });
});
