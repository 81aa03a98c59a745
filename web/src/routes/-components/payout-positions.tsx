// The payout side of the platform's money, per currency, for the admins' payouts page: what experts
// have available (what the next batch can take), what is on its way to them, and what they owe back
// (netted from their next payouts). The same ledger figures as /admin/money, which has the rest.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { moneyPositionsQueryOptions } from '../../data/money/money-positions-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { PositionsTable, type PositionRow } from './positions-table.tsx';

const ROWS: readonly PositionRow[] = [
  { column: 'available_cents', label: 'money.available', explanation: 'adminPayouts.availableExplained' },
  { column: 'payouts_in_flight_cents', label: 'money.payoutsInFlight', explanation: 'money.payoutsInFlightExplained' },
  { column: 'expert_carry_cents', label: 'money.expertCarry', explanation: 'money.expertCarryExplained' },
];

export function PayoutPositions() {
  const t = useT();
  const { data: positions } = useSuspenseQuery(moneyPositionsQueryOptions());
  return (
    <section className="card" aria-labelledby="payout-positions-heading">
      <h2 id="payout-positions-heading">{t('adminPayouts.positionsHeading')}</h2>
      {positions.length === 0 ? (
        <p className="muted">{t('money.empty')}</p>
      ) : (
        <PositionsTable positions={positions} rows={ROWS} testId="payout-positions" />
      )}
      <p>
        <Link to="/admin/money">{t('adminPayouts.toMoney')}</Link>
      </p>
    </section>
  );
}
