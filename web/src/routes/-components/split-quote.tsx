// The live commission quote on the referral form: for the lead's budget and the share being typed,
// what the platform takes, what the referrer (the user) gets and what the performing expert keeps,
// as quote_lead_split computes it. Announced politely as it changes.
import { useQuery } from '@tanstack/react-query';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { quoteSplitQueryOptions } from '../../data/leads/quote-split-query.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';

interface SplitQuoteProps {
  amountCents: number;
  currency: string;
  /** Null while the typed share is not a valid one. */
  sharePercent: number | null;
}

export function SplitQuote({ amountCents, currency, sharePercent }: SplitQuoteProps) {
  const t = useT();
  const { locale } = useLocale();
  const quote = useQuery({
    ...quoteSplitQueryOptions({ kind: 'referral', amountCents, sharePercent: sharePercent ?? 0, currency }),
    enabled: sharePercent !== null,
  });
  const money = (minor: number) => formatMinorAmount(minor, currency, locale);
  const error = quote.isError ? databaseErrorMessage(quote.error) : null;

  return (
    <section className="split-quote" aria-labelledby="split-quote-heading" aria-live="polite" data-testid="split-quote">
      <h3 id="split-quote-heading">{t('quote.heading', { amount: money(amountCents) })}</h3>
      {sharePercent === null ? (
        <p className="muted">{t('quote.enterShare')}</p>
      ) : error ? (
        <p className="field-error">{t(error.key, error.values)}</p>
      ) : quote.data ? (
        <dl className="details" aria-busy={quote.isFetching}>
          <dt>{t('quote.platform')}</dt>
          <dd data-testid="quote-platform">{money(quote.data.platform_fee_cents)}</dd>
          <dt>{t('quote.referrer')}</dt>
          <dd data-testid="quote-referrer">{money(quote.data.referrer_fee_cents)}</dd>
          <dt>{t('quote.performer')}</dt>
          <dd data-testid="quote-performer">{money(quote.data.performer_net_cents)}</dd>
        </dl>
      ) : (
        <p className="muted">{t('status.loading')}</p>
      )}
      <p className="field-hint">{t('quote.note')}</p>
    </section>
  );
}
