import { describe, expect, it } from 'vitest';
import { AuthError } from './errors.ts';
import { checkPassword, normalizeEmail, parseBanDuration } from './schemas.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AuthError ? `${e.status} ${e.errorCode}` : 'other';
  }
  return 'ok';
};

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Ada@Example.COM ')).toBe('ada@example.com');
  });

  it.each(['', 'plain', 'a@b', 'a b@c.test', '@c.test', 'a@-c.test', `${'a'.repeat(250)}@c.test`])('refuses %j with 400 validation_failed', (bad) => {
    expect(codeOf(() => normalizeEmail(bad))).toBe('400 validation_failed');
  });

  it('never repeats the input in the message', () => {
    try {
      normalizeEmail('secret-person@');
    } catch (e) {
      expect((e as Error).message).not.toContain('secret-person');
    }
  });
});

describe('checkPassword', () => {
  it('wants 8 to 72 bytes', () => {
    expect(codeOf(() => checkPassword('1234567'))).toBe('422 weak_password');
    expect(codeOf(() => checkPassword('12345678'))).toBe('ok');
    expect(codeOf(() => checkPassword('x'.repeat(72)))).toBe('ok');
    expect(codeOf(() => checkPassword('x'.repeat(73)))).toBe('422 validation_failed');
    expect(codeOf(() => checkPassword('é'.repeat(37)))).toBe('422 validation_failed');
  });
});

describe('parseBanDuration', () => {
  it('takes "none" and hour/minute/second durations', () => {
    expect(parseBanDuration('none')).toBeNull();
    const until = parseBanDuration('24h')!.getTime();
    expect(Math.abs(until - Date.now() - 86_400_000)).toBeLessThan(1000);
    expect(codeOf(() => parseBanDuration('forever'))).toBe('400 validation_failed');
  });
});
