// The expert's payouts, newest first: when the batch set it aside, how much was sent (and, when
// there was some, what was netted from it for money owed back, or taken back by a reversal), where
// it stands, and Stripe's transfer id for their own records. The list re-reads itself while a payout
// is still on its way (see my-payouts-query.ts).
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { MY_PAYOUTS_SHOWN, myPayoutsQueryOptions } from '../../data/payouts/my-payouts-query.ts';
import type { Payout } from '../../data/payouts/payout-types.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { payoutStatusKey } from './payout-labels.ts';
import { DateTimeText } from './relative-time-text.tsx';

export function PayoutHistory({ expertId }: { expertId: string }) {
  const t = useT();
  const id = useId();
  const { data: payouts } = useSuspenseQuery(myPayoutsQueryOptions(expertId));
  return (
    <section className="card payout-history" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('payouts.historyHeading')}</h2>
      {payouts.length === 0 ? (
        <p className="muted" data-testid="no-payouts">
          {t('payouts.none')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="payouts">
            <thead>
              <tr>
                <th scope="col">{t('payouts.when')}</th>
                <th scope="col" className="num">
                  {t('payouts.amount')}
                </th>
                <th scope="col">{t('payouts.status')}</th>
                <th scope="col">{t('payouts.transfer')}</th>
              </tr>
            </thead>
            <tbody>
              {payouts.map((payout) => (
                <PayoutRow key={payout.id} payout={payout} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {payouts.length >= MY_PAYOUTS_SHOWN ? <p className="muted">{t('payouts.olderNotShown', { count: MY_PAYOUTS_SHOWN })}</p> : null}
    </section>
  );
}

function PayoutRow({ payout }: { payout: Payout }) {
  const t = useT();
  const { locale } = useLocale();
  const money = (minor: number) => formatMinorAmount(minor, payout.currency, locale);
  return (
    <tr data-testid="payout" data-status={payout.status} data-payout-id={payout.id}>
      <td>
        <DateTimeText value={payout.created_at} />
      </td>
      <td className="num">
        <bdi data-testid="payout-amount">{money(payout.amount_cents)}</bdi>
        {payout.carry_netted_cents !== 0 ? (
          <span className="payout-note" data-testid="payout-carry-netted">
            {t('payouts.carryNetted', { amount: money(payout.carry_netted_cents) })}
          </span>
        ) : null}
        {payout.reversed_cents !== 0 ? (
          <span className="payout-note" data-testid="payout-reversed">
            {t('payouts.reversedAmount', { amount: money(payout.reversed_cents) })}
          </span>
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

/** Stripe's transfer id, once there is one. Shared with the admins' batch review. */
export function TransferId({ payout }: { payout: Pick<Payout, 'transfer_id'> }) {
  return payout.transfer_id ? (
    <code dir="ltr" data-testid="payout-transfer">
      {payout.transfer_id}
    </code>
  ) : (
    <span className="muted">—</span>
  );
}

/** The state, with when it got there and, for a failure, why. Shared with the admins' batch review. */
export function PayoutStatusText({ payout }: { payout: Payout }) {
  const t = useT();
  const key = payoutStatusKey(payout.status);
  const when = payout.status === 'paid' ? payout.paid_at : payout.status === 'transferred' ? payout.transferred_at : payout.failed_at;
  return (
    <>
      <span className={`payout-status payout-status-${payout.status}`} data-testid="payout-status">
        {key ? t(key) : payout.status}
      </span>
      {when && payout.status !== 'pending' ? (
        <span className="payout-note">
          <DateTimeText value={when} />
        </span>
      ) : null}
      {payout.failure_reason ? (
        <span className="payout-note" data-testid="payout-failure">
          <bdi>{payout.failure_reason}</bdi>
        </span>
      ) : null}
    </>
  );
}
