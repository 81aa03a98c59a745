// The newest payout batches: the period each covers (a link to review it), who made it (the
// scheduler or an admin) and when, how many payouts, its totals per currency, and where it stands:
// not run yet, sending (payouts still moving) or done.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { PAYOUT_BATCHES_SHOWN, payoutBatchesQueryOptions } from '../../data/payouts/payout-batches-query.ts';
import { batchTotals, type PayoutBatch } from '../../data/payouts/payout-types.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { formatUtcDay } from '../../lib/utc-day.ts';
import { DateTimeText } from './relative-time-text.tsx';

export function batchStateKey(batch: PayoutBatch): MessageKey {
  if (batch.executed_at === null) return 'adminPayouts.stateNotRun';
  return (batch.in_progress ?? 0) > 0 ? 'adminPayouts.stateSending' : 'adminPayouts.stateDone';
}

export function BatchTotals({ batch }: { batch: PayoutBatch }) {
  const t = useT();
  const { locale } = useLocale();
  const totals = batchTotals(batch.totals);
  if (totals.length === 0) return <span className="muted">{t('adminPayouts.noTotals')}</span>;
  return (
    <>
      {totals.map(([currency, cents]) => (
        <bdi key={currency} className="batch-total" data-testid={`batch-total-${currency}`}>
          {formatMinorAmount(cents, currency, locale)}
        </bdi>
      ))}
    </>
  );
}

export function PayoutBatchList({ selected }: { selected: string | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  const { data: batches } = useSuspenseQuery(payoutBatchesQueryOptions());
  const count = new Intl.NumberFormat(locale);
  return (
    <section className="card" aria-labelledby="batches-heading">
      <h2 id="batches-heading">{t('adminPayouts.batchesHeading')}</h2>
      {batches.length === 0 ? (
        <p className="muted" data-testid="no-payout-batches">
          {t('adminPayouts.noBatches')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="payout-batches">
            <thead>
              <tr>
                <th scope="col">{t('adminPayouts.period')}</th>
                <th scope="col">{t('adminPayouts.created')}</th>
                <th scope="col" className="num">
                  {t('adminPayouts.payoutCount')}
                </th>
                <th scope="col" className="num">
                  {t('adminPayouts.totals')}
                </th>
                <th scope="col">{t('adminPayouts.state')}</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((batch) => (
                <tr
                  key={batch.id}
                  data-testid="payout-batch"
                  data-batch-id={batch.id}
                  data-period-end={batch.period_end}
                  aria-current={batch.id === selected ? 'true' : undefined}
                >
                  <td>
                    <Link
                      to="/admin/payouts"
                      search={{ batch: batch.id }}
                      aria-label={t('adminPayouts.reviewBatch', { period: formatUtcDay(batch.period_end, locale) })}
                    >
                      {formatUtcDay(batch.period_end, locale)}
                    </Link>
                  </td>
                  <td>
                    <DateTimeText value={batch.created_at} />
                    <span className="payout-note">{batch.scheduled ? t('adminPayouts.byScheduler') : t('adminPayouts.byAdmin')}</span>
                  </td>
                  <td className="num">{count.format(batch.payouts ?? 0)}</td>
                  <td className="num batch-totals">
                    <BatchTotals batch={batch} />
                  </td>
                  <td data-testid="batch-state">{t(batchStateKey(batch), { count: count.format(batch.in_progress ?? 0) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {batches.length >= PAYOUT_BATCHES_SHOWN ? <p className="muted">{t('adminPayouts.olderNotShown', { count: PAYOUT_BATCHES_SHOWN })}</p> : null}
    </section>
  );
}
