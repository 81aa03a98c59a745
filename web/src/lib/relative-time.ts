// "3 hours ago" for the lead board and lead pages: the largest whole unit that fits, so a card
// posted 90 minutes ago says "1 hour ago" rather than rounding up to 2. Intl writes the words.
const UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export interface RelativeTime {
  value: number;
  unit: Intl.RelativeTimeFormatUnit;
}

/** Negative values are in the past. Under a minute is "now" (0 seconds). */
export function relativeTime(when: Date, now: Date): RelativeTime {
  const seconds = (when.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    // `+ 0` turns -0 into 0, so Intl never says "0 minutes ago".
    if (Math.abs(seconds) >= size) return { value: Math.trunc(seconds / size) + 0, unit };
  }
  return { value: 0, unit: 'second' };
}

export function formatRelativeTime(when: Date, now: Date, locale: string): string {
  const { value, unit } = relativeTime(when, now);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(value, unit);
}
