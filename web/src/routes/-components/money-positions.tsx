// The admins' money positions as a table: one row per position, one column per currency, each row
// with a line saying what it holds. Amounts are the ledger's; none is computed here.
import { useSuspenseQuery } from '@tanstack/react-query';
import { moneyPositionsQueryOptions, type MoneyPosition } from '../../data/money/money-positions-query.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';

type PositionColumn = Exclude<keyof MoneyPosition, 'currency'>;

const POSITION_ROWS: readonly { column: PositionColumn; label: MessageKey; explanation: MessageKey }[] = [
  { column: 'revenue_cents', label: 'money.revenue', explanation: 'money.revenueExplained' },
  { column: 'processor_fees_cents', label: 'money.processorFees', explanation: 'money.processorFeesExplained' },
  { column: 'net_revenue_cents', label: 'money.netRevenue', explanation: 'money.netRevenueExplained' },
  { column: 'platform_escrow_cents', label: 'money.platformEscrow', explanation: 'money.platformEscrowExplained' },
  { column: 'expert_escrow_cents', label: 'money.expertEscrow', explanation: 'money.expertEscrowExplained' },
  { column: 'pending_cents', label: 'money.pending', explanation: 'money.pendingExplained' },
  { column: 'available_cents', label: 'money.available', explanation: 'money.availableExplained' },
  { column: 'stripe_clearing_cents', label: 'money.stripeClearing', explanation: 'money.stripeClearingExplained' },
];

export function MoneyPositions() {
  const t = useT();
  const { locale } = useLocale();
  const { data: positions } = useSuspenseQuery(moneyPositionsQueryOptions());

  return (
    <section className="card" aria-labelledby="positions-heading">
      <h2 id="positions-heading">{t('money.positionsHeading')}</h2>
      {positions.length === 0 ? (
        <p className="muted">{t('money.empty')}</p>
      ) : (
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
              {POSITION_ROWS.map((row) => (
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
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
