// The admins' money positions: every ledger position per currency, then how many disputes and
// chargebacks are open (counts, not amounts), with links to the disputes and payouts pages.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { moneyPositionsQueryOptions } from '../../data/money/money-positions-query.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { PositionsTable, type PositionRow } from './positions-table.tsx';

const ROWS: readonly PositionRow[] = [
  { column: 'revenue_cents', label: 'money.revenue', explanation: 'money.revenueExplained' },
  { column: 'processor_fees_cents', label: 'money.processorFees', explanation: 'money.processorFeesExplained' },
  { column: 'net_revenue_cents', label: 'money.netRevenue', explanation: 'money.netRevenueExplained' },
  { column: 'platform_escrow_cents', label: 'money.platformEscrow', explanation: 'money.platformEscrowExplained' },
  { column: 'expert_escrow_cents', label: 'money.expertEscrow', explanation: 'money.expertEscrowExplained' },
  { column: 'pending_cents', label: 'money.pending', explanation: 'money.pendingExplained' },
  { column: 'available_cents', label: 'money.available', explanation: 'money.availableExplained' },
  { column: 'stripe_clearing_cents', label: 'money.stripeClearing', explanation: 'money.stripeClearingExplained' },
  { column: 'chargebacks_held_cents', label: 'money.chargebacksHeld', explanation: 'money.chargebacksHeldExplained' },
  { column: 'payer_refunds_due_cents', label: 'money.payerRefundsDue', explanation: 'money.payerRefundsDueExplained' },
  { column: 'expert_carry_cents', label: 'money.expertCarry', explanation: 'money.expertCarryExplained' },
  { column: 'payouts_in_flight_cents', label: 'money.payoutsInFlight', explanation: 'money.payoutsInFlightExplained' },
  // Counts, not amounts.
  { column: 'open_disputes', label: 'money.openDisputes', explanation: 'money.openDisputesExplained', count: true },
  { column: 'open_chargebacks', label: 'money.openChargebacks', explanation: 'money.openChargebacksExplained', count: true },
];

export function MoneyPositions() {
  const t = useT();
  const { data: positions } = useSuspenseQuery(moneyPositionsQueryOptions());

  return (
    <section className="card" aria-labelledby="positions-heading">
      <h2 id="positions-heading">{t('money.positionsHeading')}</h2>
      {positions.length === 0 ? (
        <p className="muted">{t('money.empty')}</p>
      ) : (
        <>
          <PositionsTable positions={positions} rows={ROWS} testId="money-positions" />
          <p className="money-links">
            <Link to="/admin/disputes">{t('money.toDisputes')}</Link>
            <Link to="/admin/payouts">{t('money.toPayouts')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
