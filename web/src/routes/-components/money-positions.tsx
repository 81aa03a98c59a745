// The admins' money positions as a table: one row per position, one column per currency, each row
// with a line saying what it holds. Amounts are the ledger's; none is computed here. Under the
// money, how many disputes and chargebacks are open (counts, not amounts), with links to the
// disputes and payouts pages.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { moneyPositionsQueryOptions, type MoneyPosition } from '../../data/money/money-positions-query.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';

type MoneyColumn = Extract<Exclude<keyof MoneyPosition, 'currency'>, `${string}_cents`>;
type CountColumn = Exclude<keyof MoneyPosition, 'currency' | MoneyColumn>;

interface PositionRow<Column> {
  column: Column;
  label: MessageKey;
  explanation: MessageKey;
}

const MONEY_ROWS: readonly PositionRow<MoneyColumn>[] = [
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
];

const COUNT_ROWS: readonly PositionRow<CountColumn>[] = [
  { column: 'open_disputes', label: 'money.openDisputes', explanation: 'money.openDisputesExplained' },
  { column: 'open_chargebacks', label: 'money.openChargebacks', explanation: 'money.openChargebacksExplained' },
];

export function MoneyPositions() {
  const t = useT();
  const { locale } = useLocale();
  const { data: positions } = useSuspenseQuery(moneyPositionsQueryOptions());
  const count = new Intl.NumberFormat(locale);

  return (
    <section className="card" aria-labelledby="positions-heading">
      <h2 id="positions-heading">{t('money.positionsHeading')}</h2>
      {positions.length === 0 ? (
        <p className="muted">{t('money.empty')}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table money-table" data-testid="money-positions">
              <thead>
                <tr>
                  <th scope="col">{t('money.position')}</th>
                  {positions.map((position) => (
                    <th key={position.currency} scope="col" className="num">
                      {position.currency}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {MONEY_ROWS.map((row) => (
                  <tr key={row.column}>
                    <th scope="row">
                      {t(row.label)}
                      <span className="field-hint">{t(row.explanation)}</span>
                    </th>
                    {positions.map((position) => (
                      <td key={position.currency} className="num" data-testid={`money-${position.currency}-${row.column}`}>
                        {formatMinorAmount(position[row.column], position.currency, locale)}
                      </td>
                    ))}
                  </tr>
                ))}
                {COUNT_ROWS.map((row) => (
                  <tr key={row.column}>
                    <th scope="row">
                      {t(row.label)}
                      <span className="field-hint">{t(row.explanation)}</span>
                    </th>
                    {positions.map((position) => (
                      <td key={position.currency} className="num" data-testid={`money-${position.currency}-${row.column}`}>
                        {count.format(position[row.column])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="money-links">
            <Link to="/admin/disputes">{t('money.toDisputes')}</Link>
            <Link to="/admin/payouts">{t('money.toPayouts')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
