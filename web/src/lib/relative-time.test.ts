import { describe, expect, it } from 'vitest';
import { formatRelativeTime, relativeTime } from './relative-time.ts';

const now = new Date('2026-11-25T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('relativeTime', () => {
  it.each([
    [10, { value: 0, unit: 'second' }],
    [59, { value: 0, unit: 'second' }],
    [60, { value: -1, unit: 'minute' }],
    [90 * 60, { value: -1, unit: 'hour' }],
    [5 * 3600, { value: -5, unit: 'hour' }],
    [30 * 3600, { value: -1, unit: 'day' }],
    [8 * 24 * 3600, { value: -1, unit: 'week' }],
    [40 * 24 * 3600, { value: -1, unit: 'month' }],
    [400 * 24 * 3600, { value: -1, unit: 'year' }],
  ])('%i seconds ago is %j', (seconds, expected) => {
    expect(relativeTime(ago(seconds), now)).toEqual(expected);
  });

  it('handles the future too', () => {
    expect(relativeTime(new Date(now.getTime() + 3 * 24 * 3600 * 1000), now)).toEqual({ value: 3, unit: 'day' });
  });
});

describe('formatRelativeTime', () => {
  it('writes the words in the locale', () => {
    expect(formatRelativeTime(ago(5), now, 'en')).toBe('now');
    expect(formatRelativeTime(ago(3 * 60), now, 'en')).toBe('3 minutes ago');
    expect(formatRelativeTime(ago(30 * 3600), now, 'en')).toBe('yesterday');
    expect(formatRelativeTime(ago(3 * 60), now, 'he')).toContain('3');
  });
});
