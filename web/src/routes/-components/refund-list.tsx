// Every refund of a job, oldest first: when it was decided, why (with the admin's note when there
// is one), where it stands (pending: decided; sent: with the payment service; refunded: the payment
// service confirmed it) and how much. The payer reads it in their receipt, the performer and the
// referrer beside their share. Nothing is shown while there are none.
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { Refund } from '../../data/refunds/refund-types.ts';
import { refundsQueryOptions } from '../../data/refunds/refunds-query.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { refundReasonKey, refundStatusKey } from './payment-labels.ts';
import { DateTimeText } from './relative-time-text.tsx';

/** `payer`: the money goes back to the reader; `party`: to the job's payer, out of the reader's share. */
export function RefundList({ payableId, viewer }: { payableId: string; viewer: 'payer' | 'party' }) {
  const t = useT();
  const id = useId();
  const { data: refunds } = useSuspenseQuery(refundsQueryOptions(payableId));
  if (refunds.length === 0) return null;
  return (
    <section className="refunds" aria-labelledby={`${id}-heading`} data-testid="refunds">
      <h3 id={`${id}-heading`}>{t('refunds.heading')}</h3>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('refunds.when')}</th>
              <th scope="col">{t('refunds.why')}</th>
              <th scope="col">{t('refunds.status')}</th>
              <th scope="col" className="num">
                {t('refunds.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {refunds.map((refund) => (
              <RefundRow key={refund.id} refund={refund} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t(viewer === 'payer' ? 'refunds.payerNote' : 'refunds.partyNote')}</p>
    </section>
  );
}

function RefundRow({ refund }: { refund: Refund }) {
  const t = useT();
  const { locale } = useLocale();
  const reason = refundReasonKey(refund.reason);
  const status = refundStatusKey(refund.status);
  return (
    <tr data-testid="refund" data-status={refund.status} data-reason={refund.reason}>
      <td>
        <DateTimeText value={refund.created_at} />
      </td>
      <td>
        <span data-testid="refund-reason">{reason ? t(reason) : refund.reason}</span>
        {refund.note ? (
          <span className="refund-note" data-testid="refund-note">
            <bdi>{refund.note}</bdi>
          </span>
        ) : null}
      </td>
      <td>
        <span className={`refund-status refund-status-${refund.status}`} data-testid="refund-status">
          {status ? t(status) : refund.status}
        </span>
      </td>
      <td className="num" data-testid="refund-amount">
        <bdi>{formatMinorAmount(refund.amount_cents, refund.currency, locale)}</bdi>
      </td>
    </tr>
  );
}
