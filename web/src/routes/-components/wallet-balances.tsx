// The wallet's balances, one card per currency: escrow, pending and available, each with a line
// saying what it means, since the three words alone do not tell an expert when they get paid. What
// the expert owes back after a chargeback on money already paid out (carry) shows only when there
// is some, as a negative amount netted from the next payouts.
import { useSuspenseQuery } from '@tanstack/react-query';
import { walletQueryOptions, type WalletBalance } from '../../data/wallet/wallet-query.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount, isCurrency } from '../../lib/money.ts';
import { WALLET_BUCKETS, walletBucketExplanation, walletBucketLabel, type WalletBucket } from './payment-labels.ts';

const balanceOf = (balance: WalletBalance, bucket: WalletBucket): number =>
  bucket === 'escrow' ? balance.escrow_cents : bucket === 'pending' ? balance.pending_cents : balance.available_cents;

export function WalletBalances({ expertId }: { expertId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const { data: balances } = useSuspenseQuery(walletQueryOptions(expertId));

  if (balances.length === 0) {
    return (
      <div className="card empty-state" data-testid="wallet-empty">
        <p>{t('wallet.empty')}</p>
      </div>
    );
  }
  return (
    <div className="wallet-currencies">
      {balances.map((balance) => (
        <section
          key={balance.currency}
          className="card wallet-currency"
          aria-labelledby={`wallet-${balance.currency}-heading`}
          data-testid={`wallet-${balance.currency}`}
        >
          <h2 id={`wallet-${balance.currency}-heading`}>{isCurrency(balance.currency) ? t(`currency.${balance.currency}`) : balance.currency}</h2>
          <dl className="wallet-balances">
            {WALLET_BUCKETS.map((bucket) => (
              <div key={bucket} className={`wallet-balance wallet-balance-${bucket}`}>
                <dt>{t(walletBucketLabel[bucket])}</dt>
                <dd className="wallet-amount" data-testid={`wallet-${bucket}`}>
                  {formatMinorAmount(balanceOf(balance, bucket), balance.currency, locale)}
                </dd>
                <dd className="wallet-explanation">{t(walletBucketExplanation[bucket])}</dd>
              </div>
            ))}
            {balance.carry_cents !== 0 ? (
              <div className="wallet-balance wallet-balance-carry">
                <dt>{t(balance.carry_cents > 0 ? 'wallet.carry' : 'wallet.carryCredit')}</dt>
                <dd className="wallet-amount" data-testid="wallet-carry">
                  {/* Positive carry is owed by the expert: shown as the negative adjustment it is. */}
                  <bdi>{formatMinorAmount(-balance.carry_cents, balance.currency, locale)}</bdi>
                </dd>
                <dd className="wallet-explanation">{t(balance.carry_cents > 0 ? 'wallet.carryExplained' : 'wallet.carryCreditExplained')}</dd>
              </div>
            ) : null}
          </dl>
        </section>
      ))}
    </div>
  );
}
