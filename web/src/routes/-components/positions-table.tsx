// The admins' positions as a table: one row per position, one column per currency, each row with a
// line saying what it holds. The figures are the ledger's (admin_money_positions); none is computed
// here. Shared by /admin/money (every position) and /admin/payouts (the payout side).
import type { MoneyPosition } from '../../data/money/money-positions-query.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { formatMinorAmount } from '../../lib/money.ts';

type MoneyColumn = Extract<Exclude<keyof MoneyPosition, 'currency'>, `${string}_cents`>;
type CountColumn = Exclude<keyof MoneyPosition, 'currency' | MoneyColumn>;

/** A row of amounts (`_cents` columns, shown as money) or of counts. */
export type PositionRow =
  | { column: MoneyColumn; label: MessageKey; explanation: MessageKey }
  | { column: CountColumn; label: MessageKey; explanation: MessageKey; count: true };

export function PositionsTable({ positions, rows, testId }: { positions: MoneyPosition[]; rows: readonly PositionRow[]; testId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const count = new Intl.NumberFormat(locale);
  const show = (row: PositionRow, position: MoneyPosition) =>
    'count' in row ? count.format(position[row.column]) : formatMinorAmount(position[row.column], position.currency, locale);
  return (
    <div className="table-scroll">
      <table className="data-table money-table" data-testid={testId}>
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
          {rows.map((row) => (
            <tr key={row.column}>
              <th scope="row">
                {t(row.label)}
                <span className="field-hint">{t(row.explanation)}</span>
              </th>
              {positions.map((position) => (
                <td key={position.currency} className="num" data-testid={`${testId}-${position.currency}-${row.column}`}>
                  {show(row, position)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
