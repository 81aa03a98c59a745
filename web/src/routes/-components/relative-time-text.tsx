// "3 minutes ago", with the full date and time as the <time> element's tooltip and machine value.
import { useLocale } from '../../i18n/i18n-provider.tsx';
import { formatRelativeTime } from '../../lib/relative-time.ts';
import { useNow } from '../../lib/use-now.ts';

export function RelativeTimeText({ value }: { value: string }) {
  const { locale } = useLocale();
  const now = useNow();
  const date = new Date(value);
  return (
    <time dateTime={value} title={formatDateTime(value, locale)}>
      {formatRelativeTime(date, now, locale)}
    </time>
  );
}

export function formatDateTime(value: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function DateTimeText({ value }: { value: string }) {
  const { locale } = useLocale();
  return <time dateTime={value}>{formatDateTime(value, locale)}</time>;
}
