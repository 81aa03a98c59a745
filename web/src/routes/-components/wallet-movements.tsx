// Every movement behind the wallet's balances, newest first: when (on the money clock), what
// happened, for which job and in which role (the expert's own job, or a referral fee), which balance
// it moved and by how much. A confirmation shows as two rows, out of escrow and into pending; a
// refund takes the share back from wherever it was, and a chargeback on money already paid out
// shows in "owed back", netted from later payouts.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { WALLET_MOVEMENTS_SHOWN, walletMovementsQueryOptions, type WalletMovement } from '../../data/wallet/wallet-movements-query.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatSignedMinorAmount } from '../../lib/money.ts';
import { walletBucketKey, walletKindLabel } from './payment-labels.ts';
import { DateTimeText } from './relative-time-text.tsx';

export function WalletMovements({ expertId }: { expertId: string }) {
  const t = useT();
  const { data: movements } = useSuspenseQuery(walletMovementsQueryOptions(expertId));

  return (
    <section className="card wallet-movements" aria-labelledby="movements-heading">
      <h2 id="movements-heading">{t('wallet.movementsHeading')}</h2>
      {movements.length === 0 ? (
        <p className="muted">{t('wallet.noMovements')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="wallet-movements">
            <thead>
              <tr>
                <th scope="col">{t('wallet.when')}</th>
                <th scope="col">{t('wallet.what')}</th>
                <th scope="col">{t('wallet.balance')}</th>
                <th scope="col" className="num">
                  {t('wallet.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {movements.map((movement, index) => (
                <MovementRow key={`${movement.transaction_id}-${index}`} movement={movement} expertId={expertId} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {movements.length >= WALLET_MOVEMENTS_SHOWN ? <p className="muted">{t('wallet.olderNotShown', { count: WALLET_MOVEMENTS_SHOWN })}</p> : null}
    </section>
  );
}

function MovementRow({ movement, expertId }: { movement: WalletMovement; expertId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const kind = walletKindLabel(movement.kind);
  const bucket = walletBucketKey(movement.bucket);
  const { payable } = movement;
  const role = payable ? (payable.referrer_expert_id === expertId ? t('wallet.roleReferral') : t('wallet.roleJob')) : null;
  return (
    <tr data-testid="wallet-movement" data-bucket={movement.bucket} data-kind={movement.kind}>
      <td>
        <DateTimeText value={movement.effective_at} />
      </td>
      <td>
        <span data-testid="movement-kind">{t(kind)}</span>
        {role ? (
          <span className="muted movement-job">
            {' · '}
            <span data-testid="movement-role">{role}</span>
            {payable?.lead ? (
              <>
                {': '}
                <Link to="/jobs/$leadId" params={{ leadId: payable.lead.id }}>
                  <bdi>{payable.lead.title}</bdi>
                </Link>
              </>
            ) : null}
          </span>
        ) : null}
      </td>
      <td data-testid="movement-bucket">{bucket ? t(bucket) : movement.bucket}</td>
      <td className="num" data-testid="movement-amount">
        <bdi>{formatSignedMinorAmount(movement.amount_cents, movement.currency, locale)}</bdi>
      </td>
    </tr>
  );
}
