// The payout side of the platform's money, per currency, for the admins' payouts page: what experts
// have available (what the next batch can take), what is on its way to them, and what they owe back
// (netted from their next payouts). The same ledger figures as /admin/money, which has the rest.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { moneyPositionsQueryOptions, type MoneyPosition } from '../../data/money/money-positions-query.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';

const ROWS: readonly { column: 'available_cents' | 'payouts_in_flight_cents' | 'expert_carry_cents'; label: MessageKey; explanation: MessageKey }[] =
  [
    { column: 'available_cents', label: 'money.available', explanation: 'adminPayouts.availableExplained' },
    { column: 'payouts_in_flight_cents', label: 'money.payoutsInFlight', explanation: 'money.payoutsInFlightExplained' },
    { column: 'expert_carry_cents', label: 'money.expertCarry', explanation: 'money.expertCarryExplained' },
  ];

export function PayoutPositions() {
  const t = useT();
  const { locale } = useLocale();
  const { data: positions } = useSuspenseQuery(moneyPositionsQueryOptions());
  return (
    <section className="card" aria-labelledby="payout-positions-heading">
      <h2 id="payout-positions-heading">{t('adminPayouts.positionsHeading')}</h2>
      {positions.length === 0 ? (
        <p className="muted">{t('money.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table money-table" data-testid="payout-positions">
            <thead>
              <tr>
                <th scope="col">{t('money.position')}</th>
                {positions.map((position: MoneyPosition) => (
                  <th key={position.currency} scope="col" className="num">
                    {position.currency}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ROWS.map((row) => (
                <tr key={row.column}>
                  <th scope="row">
                    {t(row.label)}
                    <span className="field-hint">{t(row.explanation)}</span>
                  </th>
                  {positions.map((position) => (
                    <td key={position.currency} className="num" data-testid={`payout-position-${position.currency}-${row.column}`}>
                      {formatMinorAmount(position[row.column], position.currency, locale)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to="/admin/money">{t('adminPayouts.toMoney')}</Link>
      </p>
    </section>
  );
}
