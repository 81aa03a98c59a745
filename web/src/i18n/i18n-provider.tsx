// Holds the current locale for the whole app, keeps <html lang dir> in sync and persists the choice.
import { createContext, use, useCallback, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, LOCALE_STORAGE_KEY, detectLocale, dictionaries, directionOf, type Locale } from './locale.ts';
import { createTranslate, type Translate } from './translate.ts';

interface I18nContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nContextValue | null>(null);

function readSavedLocale(): string | null {
  // Storage can throw (privacy modes, disabled cookies): the app still works, just without memory.
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function saveLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not persisted; the choice still applies to this page view.
  }
}

function initialLocale(): Locale {
  if (typeof window === 'undefined') return DEFAULT_LOCALE;
  return detectLocale(readSavedLocale(), window.navigator.languages ?? [window.navigator.language]);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  // Layout effect: the direction flips before paint, so RTL users never see a mirrored flash.
  useLayoutEffect(() => {
    const html = document.documentElement;
    html.lang = locale;
    html.dir = directionOf(locale);
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    saveLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo(() => ({ locale, setLocale, t: createTranslate(dictionaries[locale]) }), [locale, setLocale]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

function useI18nContext(): I18nContextValue {
  const context = use(I18nContext);
  if (!context) throw new Error('useT and useLocale must be used inside <I18nProvider>.');
  return context;
}

export function useT(): Translate {
  return useI18nContext().t;
}

export function useLocale(): Pick<I18nContextValue, 'locale' | 'setLocale'> {
  const { locale, setLocale } = useI18nContext();
  return { locale, setLocale };
}
