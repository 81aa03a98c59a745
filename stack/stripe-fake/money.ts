// Amounts are integers in the currency's minor unit, as in Stripe. The processing fee defaults to
// Stripe's US card price, 2.9% + 30 minor units, so ledger code meets a non-zero fee locally; a
// deployment with other pricing passes its own schedule.

export interface FeeSchedule {
  /** Percentage of the amount, e.g. 2.9. */
  percent: number;
  /** Fixed part in minor units, e.g. 30. */
  fixed: number;
}

export const STRIPE_LIKE_FEES: FeeSchedule = { percent: 2.9, fixed: 30 };

export function processingFee(amount: number, fees: FeeSchedule): number {
  return Math.round((amount * fees.percent) / 100) + fees.fixed;
}

// Stripe's zero-decimal and three-decimal currencies; every other currency has two decimals.
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

export function decimalsOf(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

/** "$12.34", "₪50.00": for the hosted pages. */
export function formatAmount(amount: number, currency: string): string {
  const decimals = decimalsOf(currency);
  try {
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency: currency.toUpperCase(),
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    }).format(amount / 10 ** decimals);
  } catch {
    return `${(amount / 10 ** decimals).toFixed(decimals)} ${currency.toUpperCase()}`;
  }
}
