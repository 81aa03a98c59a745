import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.ts';

describe('normalizePhone', () => {
  it.each([
    ['052-123-4567', '+972521234567'],
    ['(03) 123-4567', '+97231234567'],
    ['+972 52 123 4567', '+972521234567'],
    ['00972521234567', '+972521234567'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['0521234567', '+972521234567'],
  ])('reads %j as %j', (text, e164) => {
    expect(normalizePhone(text)).toBe(e164);
  });

  it.each(['', 'call me', '12345', '+0521234567', '052 123 45', '+97252123456789012', '052_123_4567', '0000000000'])('refuses %j', (text) => {
    expect(normalizePhone(text)).toBeNull();
  });
});
