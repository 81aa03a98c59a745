// Which language to show: the saved choice, else the browser's preference, else English.
// Pure functions, so the choice logic is testable without a DOM.
import { en, type Messages } from './en.ts';
import { he } from './he.ts';

export const LOCALES = ['en', 'he'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_STORAGE_KEY = 'guildhall.locale';

export const dictionaries: Record<Locale, Messages> = { en, he };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Hebrew is written right to left; the `<html dir>` follows the locale. */
export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'he' ? 'rtl' : 'ltr';
}

/** `iw` is the pre-1989 code for Hebrew that some older browsers and Android versions still report. */
function localeFromTag(tag: string): Locale | undefined {
  const base = tag.toLowerCase().split('-')[0];
  if (base === 'he' || base === 'iw') return 'he';
  if (base === 'en') return 'en';
  return undefined;
}

export function detectLocale(saved: string | null | undefined, browserLanguages: readonly string[]): Locale {
  if (isLocale(saved)) return saved;
  for (const tag of browserLanguages) {
    const locale = localeFromTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
