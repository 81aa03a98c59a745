// The payer's receipt: what was paid, when, for what and the payment's id (the reference to quote
// to support), then every refund of it (how much, why, and whether it is pending, sent or
// refunded). Checkout attempts that did not go through are listed under it, so a declined card is
// not a mystery. Only the payer sees the payment (the payments view is theirs alone).
import { useSuspenseQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { paymentsQueryOptions } from '../../data/payments/payments-query.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { paymentStatusLabel } from './payment-labels.ts';
import { RefundList } from './refund-list.tsx';
import { DateTimeText } from './relative-time-text.tsx';

/** `what`: the job's title, when the payer can see it. */
export function PaymentReceipt({ payableId, what }: { payableId: string; what: string | null }) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const { data: payments } = useSuspenseQuery(paymentsQueryOptions(payableId));
  const paid = payments.find((payment) => payment.status === 'paid');
  const others = payments.filter((payment) => payment.status !== 'paid');

  return (
    <>
      {paid ? (
        <section className="receipt" aria-labelledby={`${id}-receipt`} data-testid="receipt">
          <h3 id={`${id}-receipt`}>{t('receipt.heading')}</h3>
          <dl className="details">
            <dt>{t('receipt.amount')}</dt>
            <dd data-testid="receipt-amount">{formatMinorAmount(paid.amount_cents, paid.currency, locale)}</dd>
            <dt>{t('receipt.paidOn')}</dt>
            <dd data-testid="receipt-date">{paid.paid_at ? <DateTimeText value={paid.paid_at} /> : '—'}</dd>
            <dt>{t('receipt.for')}</dt>
            <dd data-testid="receipt-for">{what ? <bdi>{what}</bdi> : t('receipt.forJob')}</dd>
            <dt>{t('receipt.paymentId')}</dt>
            <dd data-testid="receipt-id">
              <code dir="ltr">{paid.id}</code>
            </dd>
          </dl>
          <p className="muted">{t('receipt.note')}</p>
          <RefundList payableId={payableId} viewer="payer" />
        </section>
      ) : null}
      {others.length > 0 ? (
        <section aria-labelledby={`${id}-attempts`}>
          <h3 id={`${id}-attempts`}>{t(paid ? 'receipt.otherAttempts' : 'receipt.attempts')}</h3>
          <ul className="plain-list" data-testid="payment-attempts">
            {others.map((payment) => (
              <li key={payment.id}>
                <span data-testid="payment-attempt-status">{t(paymentStatusLabel[payment.status])}</span> ·{' '}
                {formatMinorAmount(payment.amount_cents, payment.currency, locale)} ·{' '}
                <span className="muted">
                  <DateTimeText value={payment.created_at} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
