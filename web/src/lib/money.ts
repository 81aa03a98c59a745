// Amounts are integer minor units (agorot, cents) everywhere but the screen. Typed amounts are
// parsed as decimal strings, never through floats, so "0.29" is exactly 29 and not 28.999….
export const CURRENCIES = ['ILS', 'USD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** ILS, USD and EUR all have two decimal places; other currencies would need their own exponent. */
export const MINOR_DIGITS = 2;
const MINOR_PER_MAJOR = 10 ** MINOR_DIGITS;

/** The database's ceiling for an hourly rate: 1,000,000.00 in minor units. */
export const MAX_MINOR_AMOUNT = 100_000_000;

/** The database's ceiling for a lead's budget and a proposal's price: 1,000,000,000.00 in minor units. */
export const MAX_JOB_AMOUNT = 100_000_000_000;

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (CURRENCIES as readonly string[]).includes(value);
}

/**
 * "250", "250.5" or "250.50" → 25050. Returns null for anything else: signs, exponents, thousands
 * separators, more than two decimals, or more than `max` minor units (by default, an hourly rate's ceiling).
 */
export function parseMajorAmount(text: string, max = MAX_MINOR_AMOUNT): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, whole = '', fraction = ''] = match;
  // Both parts are small integers, so this arithmetic is exact.
  const minor = Number(whole) * MINOR_PER_MAJOR + Number(fraction.padEnd(MINOR_DIGITS, '0'));
  return minor <= max ? minor : null;
}

/** 25050 → "250.50": the text a form shows when it is prefilled with a saved amount. */
export function minorToMajorText(minor: number): string {
  const whole = Math.trunc(minor / MINOR_PER_MAJOR);
  const fraction = String(minor % MINOR_PER_MAJOR).padStart(MINOR_DIGITS, '0');
  return `${whole}.${fraction}`;
}

/**
 * 25050 in ILS → "₪250.50" (en) or "‏250.50 ₪" (he). Dividing an integer below 2^53 by 100 and
 * showing two decimals always gives back the exact digits, so the float here is harmless.
 */
export function formatMinorAmount(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: MINOR_DIGITS,
    maximumFractionDigits: MINOR_DIGITS,
  }).format(minor / MINOR_PER_MAJOR);
}

/**
 * A movement in a ledger-backed list: 90000 → "+₪900.00", -90000 → "-₪900.00" (en). The sign is
 * always written, so money leaving a balance never reads like money arriving.
 */
export function formatSignedMinorAmount(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    signDisplay: 'exceptZero',
    minimumFractionDigits: MINOR_DIGITS,
    maximumFractionDigits: MINOR_DIGITS,
  }).format(minor / MINOR_PER_MAJOR);
}
