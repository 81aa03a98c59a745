import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { detectLocale, directionOf, isLocale } from './locale.ts';
import { createTranslate, formatMessage, isMessageKey } from './translate.ts';

describe('detectLocale', () => {
  it('prefers a saved, valid choice over the browser languages', () => {
    expect(detectLocale('he', ['en-US'])).toBe('he');
    expect(detectLocale('en', ['he-IL'])).toBe('en');
  });

  it('ignores a saved value that is not a supported locale', () => {
    expect(detectLocale('fr', ['he-IL'])).toBe('he');
  });

  it('uses the first supported browser language, including the legacy iw code', () => {
    expect(detectLocale(null, ['fr-FR', 'he-IL', 'en-US'])).toBe('he');
    expect(detectLocale(null, ['iw'])).toBe('he');
    expect(detectLocale(undefined, ['de', 'en-GB'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(detectLocale(null, [])).toBe('en');
    expect(detectLocale(null, ['ar', 'ru'])).toBe('en');
  });
});

describe('directionOf', () => {
  it('is rtl for Hebrew and ltr for English', () => {
    expect(directionOf('he')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('Hi {name}, {missing}', { name: 'Dana' })).toBe('Hi Dana, {missing}');
  });

  it('looks keys up in the given dictionary', () => {
    const t = createTranslate(en);
    expect(t('forgot.sent', { email: 'a@b.co' })).toContain('a@b.co');
  });

  it('recognises message keys and rejects other strings', () => {
    expect(isMessageKey(en, 'nav.signIn')).toBe(true);
    expect(isMessageKey(en, 'Invalid email')).toBe(false);
    expect(isMessageKey(en, 'toString')).toBe(false);
    expect(isLocale('he')).toBe(true);
    expect(isLocale('iw')).toBe(false);
  });
});
