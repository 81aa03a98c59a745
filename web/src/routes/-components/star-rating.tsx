// Stars as text, for reviews and rating summaries: the glyphs are decoration (aria-hidden); screen
// readers get "4 out of 5 stars" and "Rated 4.5 out of 5 from 3 reviews" instead.
import type { ExpertRating } from '../../data/reviews/review-types.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';

export function Stars({ value }: { value: number }) {
  const t = useT();
  const full = Math.round(value);
  return (
    <span className="stars" data-testid="stars" data-value={value}>
      <span aria-hidden="true">
        {'★'.repeat(full)}
        <span className="stars-empty">{'☆'.repeat(5 - full)}</span>
      </span>
      <span className="visually-hidden">{t('rating.starsOutOfFive', { stars: value })}</span>
    </span>
  );
}

/** "★ 4.5 · 3 reviews", or "No reviews yet". */
export function RatingSummary({ rating }: { rating: ExpertRating | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  const count = rating?.review_count ?? 0;
  if (!rating || count === 0 || rating.average_stars === null) {
    return (
      <p className="rating-summary muted" data-testid="rating-summary">
        {t('rating.none')}
      </p>
    );
  }
  const average = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rating.average_stars);
  return (
    <p className="rating-summary" data-testid="rating-summary">
      <span aria-hidden="true" className="stars">
        ★
      </span>{' '}
      <span data-testid="rating-average">{average}</span> ·{' '}
      <span data-testid="rating-count">{count === 1 ? t('rating.countOne') : t('rating.countMany', { count })}</span>
      <span className="visually-hidden"> {t('rating.summaryLabel', { average })}</span>
    </p>
  );
}
