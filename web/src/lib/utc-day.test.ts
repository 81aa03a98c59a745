import { describe, expect, it } from 'vitest';
import { addUtcDays, formatUtcDay, isUtcDay, previousUtcMonth, todayUtc, utcDaysInclusive, yesterdayUtc } from './utc-day.ts';

describe('UTC days', () => {
  it('knows real days from look-alikes', () => {
    expect(isUtcDay('2026-11-30')).toBe(true);
    expect(isUtcDay('2028-02-29')).toBe(true);
    expect(isUtcDay('2026-02-29')).toBe(false);
    expect(isUtcDay('2026-13-01')).toBe(false);
    expect(isUtcDay('30/11/2026')).toBe(false);
    expect(isUtcDay('')).toBe(false);
  });

  it('takes today and yesterday in UTC, not in the local time zone', () => {
    // 01:30 in Israel on 1 December is still 30 November in UTC.
    const now = new Date('2026-11-30T23:30:00Z');
    expect(todayUtc(now)).toBe('2026-11-30');
    expect(yesterdayUtc(now)).toBe('2026-11-29');
    expect(yesterdayUtc(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12-31');
  });

  it('adds days across months and years', () => {
    expect(addUtcDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addUtcDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('finds the previous month', () => {
    expect(previousUtcMonth(new Date('2026-11-25T12:00:00Z'))).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(previousUtcMonth(new Date('2027-01-03T12:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(previousUtcMonth(new Date('2028-03-15T12:00:00Z'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('counts days with both ends', () => {
    expect(utcDaysInclusive('2026-01-01', '2026-01-01')).toBe(1);
    expect(utcDaysInclusive('2026-01-01', '2026-12-31')).toBe(365);
    expect(utcDaysInclusive('2026-01-02', '2026-01-01')).toBe(0);
  });

  it('shows the day itself whatever the reader’s time zone', () => {
    expect(formatUtcDay('2026-12-03', 'en')).toBe('Dec 3, 2026');
  });
});
