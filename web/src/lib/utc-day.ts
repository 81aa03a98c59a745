// Calendar days in UTC, as YYYY-MM-DD: payout periods end at midnight UTC and accounting exports
// cover whole UTC days, whatever the admin's own time zone.
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD ("2026-02-30" is not). */
export function isUtcDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** `days` days after (or before, when negative) a YYYY-MM-DD day. */
export function addUtcDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today in UTC. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Yesterday in UTC: the latest period a payout batch can cover. */
export function yesterdayUtc(now: Date = new Date()): string {
  return addUtcDays(todayUtc(now), -1);
}

/** The previous calendar month in UTC, first and last day: the usual accounting period. */
export function previousUtcMonth(now: Date = new Date()): { from: string; to: string } {
  const firstOfThisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const to = addUtcDays(firstOfThisMonth.toISOString().slice(0, 10), -1);
  return { from: `${to.slice(0, 8)}01`, to };
}

/** Days from one day to another, both counted: 2026-01-01 to 2026-01-01 is 1. */
export function utcDaysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** "3 Dec 2026" (en) / "3 בדצמ׳ 2026" (he): the day itself, not shifted into the reader's time zone. */
export function formatUtcDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
