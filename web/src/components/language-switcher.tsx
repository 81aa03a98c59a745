// EN / עברית toggle. Each label is written in its own language (and tagged with `lang`), so a
// reader who cannot read the current UI language can still find theirs.
import { useLocale, useT } from '../i18n/i18n-provider.tsx';
import { LOCALES, type Locale } from '../i18n/locale.ts';

const labelKey = { en: 'language.en', he: 'language.he' } as const satisfies Record<Locale, string>;

export function LanguageSwitcher() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="language-option"
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {t(labelKey[option])}
        </button>
      ))}
    </div>
  );
}
