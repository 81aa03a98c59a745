// One payout batch, for an admin to review and run: its period, when it was made and run, its totals
// per currency, and every payout with the expert, what left their available balance, what was netted
// for money they owe back, what is sent, where it stands and Stripe's transfer id. "Run the batch"
// sends what is still to send (the payouts function, 20 at a time, while it gets somewhere); the
// payouts then move on as Stripe's webhooks arrive, and the lists re-read themselves while any is
// moving. "Download CSV" exports every payout of the batch for accounting.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { databaseErrorMessage } from '../../data/database-error.ts';
import { BATCH_PAYOUTS_SHOWN, batchPayoutsQueryOptions, type BatchPayout } from '../../data/payouts/batch-payouts-query.ts';
import { useExportBatchMutation } from '../../data/payouts/export-mutations.ts';
import { payoutBatchQueryOptions } from '../../data/payouts/payout-batch-query.ts';
import { payoutErrorDisplay } from '../../data/payouts/payout-function-error.ts';
import { batchTotals, type PayoutBatch } from '../../data/payouts/payout-types.ts';
import { useRunPayoutBatchMutation, type RunProgress } from '../../data/payouts/run-payout-batch-mutation.ts';
import { FormError, FormNotice } from '../../forms/form-parts.tsx';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import type { Translate } from '../../i18n/translate.ts';
import { formatMinorAmount } from '../../lib/money.ts';
import { formatUtcDay } from '../../lib/utc-day.ts';
import { ConfirmAction } from './confirm-action.tsx';
import { BatchTotals, batchStateKey } from './payout-batch-list.tsx';
import { PayoutStatusText, TransferId } from './payout-history.tsx';
import { DateTimeText } from './relative-time-text.tsx';

export function PayoutBatchReview({ batchId }: { batchId: string }) {
  const t = useT();
  const { data: batch } = useSuspenseQuery(payoutBatchQueryOptions(batchId));
  if (!batch) {
    return (
      <section className="card" data-testid="payout-batch-missing">
        <p>{t('adminPayouts.noSuchBatch')}</p>
      </section>
    );
  }
  return <BatchReview key={batch.id} batch={batch} />;
}

function runSummary(t: Translate, progress: RunProgress): string {
  const parts = [
    progress.sent > 0 ? t('adminPayouts.runSent', { count: progress.sent }) : null,
    progress.refused > 0 ? t('adminPayouts.runRefused', { count: progress.refused }) : null,
    progress.retryLater > 0 ? t('adminPayouts.runRetryLater', { count: progress.retryLater }) : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' ') : t('adminPayouts.runNothing');
}

function BatchReview({ batch }: { batch: PayoutBatch }) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const { data: payouts } = useSuspenseQuery(batchPayoutsQueryOptions(batch.id));
  const run = useRunPayoutBatchMutation();
  const exportCsv = useExportBatchMutation();
  const [ran, setRan] = useState<RunProgress | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Chosen from the list (or just created): the review is where the admin's attention goes next.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const period = formatUtcDay(batch.period_end, locale);
  const total = batch.payouts ?? 0;
  const count = new Intl.NumberFormat(locale);
  const totalsText = batchTotals(batch.totals)
    .map(([currency, cents]) => formatMinorAmount(cents, currency, locale))
    .join(', ');
  // Not run yet, or payouts not settled: some may still need sending (a transfer or a bank payout
  // Stripe could not take last time; the view cannot tell those from ones waiting for Stripe's
  // webhook, and running again only sends what is left, so the button stays until all settle).
  const inProgress = batch.in_progress ?? 0;
  const somethingToSend = total > 0 && (batch.executed_at === null || inProgress > 0);
  const runError = run.isError ? payoutErrorDisplay(run.error) : null;
  const exportError = exportCsv.isError ? databaseErrorMessage(exportCsv.error) : null;

  return (
    <section
      className="card payout-batch-review"
      aria-labelledby={`${id}-heading`}
      data-testid="payout-batch-review"
      data-batch-id={batch.id}
      data-period-end={batch.period_end}
    >
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t('adminPayouts.reviewHeading', { period })}
      </h2>
      <dl className="details payout-batch-facts">
        <>
          <dt>{t('adminPayouts.created')}</dt>
          <dd>
            <DateTimeText value={batch.created_at} /> · {batch.scheduled ? t('adminPayouts.byScheduler') : t('adminPayouts.byAdmin')}
          </dd>
        </>
        <>
          <dt>{t('adminPayouts.runAt')}</dt>
          <dd>{batch.executed_at ? <DateTimeText value={batch.executed_at} /> : t('adminPayouts.notRunYet')}</dd>
        </>
        <>
          <dt>{t('adminPayouts.payoutCount')}</dt>
          <dd data-testid="batch-payout-count">{count.format(total)}</dd>
        </>
        <>
          <dt>{t('adminPayouts.totals')}</dt>
          <dd className="batch-totals" data-testid="batch-totals">
            <BatchTotals batch={batch} />
          </dd>
        </>
        <>
          <dt>{t('adminPayouts.state')}</dt>
          <dd data-testid="batch-review-state">{t(batchStateKey(batch), { count: count.format(batch.in_progress ?? 0) })}</dd>
        </>
      </dl>

      {ran && !run.isPending ? <FormNotice>{runSummary(t, ran)}</FormNotice> : null}
      {/* A run cut short still did something: say what, beside the error. */}
      {run.isError && run.progress ? <FormNotice>{runSummary(t, run.progress)}</FormNotice> : null}
      <FormError>{runError ? t(runError.key, runError.values) : null}</FormError>
      {run.isPending ? (
        <p className="lead-state-message waiting" role="status" data-testid="batch-running">
          <span className="spinner" aria-hidden="true" />{' '}
          {run.progress
            ? t('adminPayouts.runningProgress', { sent: run.progress.sent, remaining: run.progress.remaining })
            : t('adminPayouts.running')}
        </p>
      ) : null}

      <div className="payout-batch-actions">
        {somethingToSend ? (
          <ConfirmAction
            label={batch.executed_at === null ? t('adminPayouts.run') : t('adminPayouts.runAgain')}
            question={
              batch.executed_at === null
                ? t('adminPayouts.runQuestion', { count: count.format(total), totals: totalsText })
                : t('adminPayouts.runAgainQuestion', { count: count.format(inProgress) })
            }
            confirmLabel={t('adminPayouts.runYes')}
            keepLabel={t('adminPayouts.runKeep')}
            pending={run.isPending}
            pendingLabel={t('adminPayouts.running')}
            onConfirm={() => run.mutate(batch.id, { onSuccess: setRan })}
          />
        ) : null}
        <button
          type="button"
          className="button"
          disabled={exportCsv.isPending}
          aria-busy={exportCsv.isPending}
          onClick={() => exportCsv.mutate({ batchId: batch.id, periodEnd: batch.period_end })}
        >
          {exportCsv.isPending ? <span className="spinner" aria-hidden="true" /> : null}
          {exportCsv.isPending ? t('adminPayouts.exporting') : t('adminPayouts.exportBatch')}
        </button>
      </div>
      <FormError>{exportError ? t(exportError.key, exportError.values) : null}</FormError>

      {payouts.length === 0 ? (
        <p className="muted" data-testid="batch-empty">
          {t('adminPayouts.batchEmpty')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="batch-payouts">
            <thead>
              <tr>
                <th scope="col">{t('adminPayouts.expert')}</th>
                <th scope="col" className="num">
                  {t('adminPayouts.available')}
                </th>
                <th scope="col" className="num">
                  {t('adminPayouts.carryNetted')}
                </th>
                <th scope="col" className="num">
                  {t('adminPayouts.amount')}
                </th>
                <th scope="col">{t('payouts.status')}</th>
                <th scope="col">{t('payouts.transfer')}</th>
              </tr>
            </thead>
            <tbody>
              {payouts.map((payout) => (
                <BatchPayoutRow key={payout.id} payout={payout} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > payouts.length ? (
        <p className="muted">{t('adminPayouts.morePayouts', { shown: BATCH_PAYOUTS_SHOWN, count: count.format(total) })}</p>
      ) : null}
    </section>
  );
}

function BatchPayoutRow({ payout }: { payout: BatchPayout }) {
  const t = useT();
  const { locale } = useLocale();
  const money = (minor: number) => formatMinorAmount(minor, payout.currency, locale);
  return (
    <tr data-testid="batch-payout" data-payout-id={payout.id} data-expert-id={payout.expert_id} data-status={payout.status}>
      <td data-testid="batch-payout-expert">
        {payout.expert ? (
          <Link to="/experts/$expertId" params={{ expertId: payout.expert.id }}>
            <bdi>{payout.expert.display_name}</bdi>
          </Link>
        ) : (
          <code dir="ltr">{payout.expert_id}</code>
        )}
      </td>
      <td className="num">
        <bdi data-testid="batch-payout-available">{money(payout.available_cents)}</bdi>
      </td>
      <td className="num">
        {payout.carry_netted_cents !== 0 ? (
          <bdi data-testid="batch-payout-carry">{money(-payout.carry_netted_cents)}</bdi>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="num">
        <bdi data-testid="batch-payout-amount">{money(payout.amount_cents)}</bdi>
        {payout.reversed_cents !== 0 ? (
          <span className="payout-note">{t('payouts.reversedAmount', { amount: money(payout.reversed_cents) })}</span>
        ) : null}
      </td>
      <td>
        <PayoutStatusText payout={payout} />
      </td>
      <td>
        <TransferId payout={payout} />
      </td>
    </tr>
  );
}
