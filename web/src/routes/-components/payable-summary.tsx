// What is owed for the accepted proposal and how it splits: the platform's fee, the referrer's share
// (referral leads) and what the performing expert receives. The numbers are the payable's own,
// snapshotted at acceptance with the fee policy version they were priced with; and what has been
// refunded to the payer so far, when anything has.
import type { Payable } from '../../data/leads/lead-types.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';
import { formatPercent } from './lead-badges.tsx';
import { payableStatusLabel } from './payment-labels.ts';

/** Who pays, in the reader's terms: the customer themselves (`is_payer`), the customer, or the referral's client. */
function payerKey(payable: Payable) {
  if (payable.is_payer) return 'payable.youPay' as const;
  return payable.payer_kind === 'client' ? ('payable.clientPays' as const) : ('payable.customerPays' as const);
}

/** `performer`: the expert who does the job reads "you receive". */
export function PayableSummary({ payable, viewer = 'owner' }: { payable: Payable; viewer?: 'owner' | 'performer' }) {
  const t = useT();
  const { locale } = useLocale();
  const money = (minor: number) => formatMinorAmount(minor, payable.currency, locale);
  return (
    <div className="payable-summary" data-testid="payable">
      <dl className="details">
        <dt>{t('payable.amount')}</dt>
        <dd data-testid="payable-amount">{money(payable.amount_cents)}</dd>
        <dt>{t('payable.platformFee', { percent: formatPercent(payable.platform_percent, locale) })}</dt>
        <dd data-testid="payable-platform">{money(payable.platform_fee_cents)}</dd>
        {payable.referrer_expert_id ? (
          <>
            <dt>{t('payable.referrerFee', { percent: formatPercent(payable.referrer_share_percent, locale) })}</dt>
            <dd data-testid="payable-referrer">{money(payable.referrer_fee_cents)}</dd>
          </>
        ) : null}
        <dt>{viewer === 'performer' ? t('payable.youReceive') : t('payable.performerNet')}</dt>
        <dd data-testid="payable-performer">{money(payable.performer_net_cents)}</dd>
        {payable.refunded_cents > 0 ? (
          <>
            <dt>{t('payable.refundedSoFar')}</dt>
            <dd data-testid="payable-refunded">{money(payable.refunded_cents)}</dd>
          </>
        ) : null}
        <dt>{t('payable.status')}</dt>
        <dd data-testid="payable-status">{t(payableStatusLabel[payable.status])}</dd>
      </dl>
      <p className="muted">
        {t(payerKey(payable))} {t('payable.policy', { version: payable.fee_policy_version })}
      </p>
    </div>
  );
}
