import { describe, expect, it } from 'vitest';
import { validate } from './field-errors.ts';
import { profileSchema } from './profile-schema.ts';

describe('profile schema', () => {
  it('trims the name and keeps an http(s) avatar URL', () => {
    expect(validate(profileSchema, { displayName: ' Dana ', locale: 'he', avatarUrl: ' https://example.com/a.png ' })).toEqual({
      ok: true,
      data: { displayName: 'Dana', locale: 'he', avatarUrl: 'https://example.com/a.png' },
    });
  });

  it('clears the avatar when the field is empty', () => {
    const result = validate(profileSchema, { displayName: '', locale: 'en', avatarUrl: '' });
    expect(result).toEqual({ ok: true, data: { displayName: '', locale: 'en', avatarUrl: null } });
  });

  it.each(['ftp://example.com/a.png', 'example.com/a.png', 'https://exa mple.com', 'javascript:alert(1)', `https://example.com/${'a'.repeat(2048)}`])(
    'refuses the avatar URL %j, as the profiles table does',
    (avatarUrl) => {
      const result = validate(profileSchema, { displayName: 'Dana', locale: 'en', avatarUrl });
      expect(result.ok || result.errors).toEqual({ avatarUrl: 'validation.avatarUrlInvalid' });
    },
  );

  it('refuses long names and unknown locales', () => {
    const result = validate(profileSchema, { displayName: 'x'.repeat(81), locale: 'fr', avatarUrl: '' });
    expect(result.ok || result.errors).toEqual({ displayName: 'validation.displayNameTooLong', locale: 'validation.invalid' });
  });
});
