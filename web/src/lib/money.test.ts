import { describe, expect, it } from 'vitest';
import { MAX_JOB_AMOUNT, formatMinorAmount, formatSignedMinorAmount, isCurrency, minorToMajorText, parseMajorAmount } from './money.ts';

describe('parseMajorAmount', () => {
  it.each([
    ['250', 25000],
    ['250.5', 25050],
    ['250.50', 25050],
    [' 0.29 ', 29],
    ['0.07', 7],
    ['1.10', 110],
    ['19.99', 1999],
    ['0', 0],
    ['1000000', 100_000_000],
  ])('reads %j as %i minor units exactly', (text, minor) => {
    expect(parseMajorAmount(text)).toBe(minor);
  });

  it('gives the exact amount where float maths would not (0.29 * 100 = 28.999…)', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(parseMajorAmount('0.29')).toBe(29);
    expect(parseMajorAmount('4.35')).toBe(435);
  });

  it.each(['', ' ', '-5', '+5', '1e3', '1,000', '12.345', '.5', '5.', 'abc', '12 34', '1000000.01', '9999999999'])('refuses %j', (text) => {
    expect(parseMajorAmount(text)).toBeNull();
  });
});

describe('parseMajorAmount with a job amount ceiling', () => {
  it('accepts budgets and prices above an hourly rate’s ceiling, up to the database’s', () => {
    expect(parseMajorAmount('2500000', MAX_JOB_AMOUNT)).toBe(250_000_000);
    expect(parseMajorAmount('999999999.99', MAX_JOB_AMOUNT)).toBe(99_999_999_999);
    expect(parseMajorAmount('2500000')).toBeNull();
  });
});

describe('minorToMajorText', () => {
  it('writes two decimals, for prefilling a form', () => {
    expect(minorToMajorText(25000)).toBe('250.00');
    expect(minorToMajorText(25050)).toBe('250.50');
    expect(minorToMajorText(7)).toBe('0.07');
    expect(minorToMajorText(0)).toBe('0.00');
  });

  it('round-trips through parseMajorAmount', () => {
    for (const minor of [0, 1, 29, 435, 1999, 25050, 100_000_000]) {
      expect(parseMajorAmount(minorToMajorText(minor))).toBe(minor);
    }
  });
});

describe('formatMinorAmount', () => {
  it('formats minor units as money in the locale and currency', () => {
    expect(formatMinorAmount(25050, 'USD', 'en')).toBe('$250.50');
    expect(formatMinorAmount(25000, 'ILS', 'en')).toBe('₪250.00');
    expect(formatMinorAmount(123456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatMinorAmount(29, 'USD', 'en')).toBe('$0.29');
  });

  it('uses Hebrew conventions in Hebrew', () => {
    const text = formatMinorAmount(25000, 'ILS', 'he');
    expect(text).toContain('250.00');
    expect(text).toContain('₪');
  });

  it('knows the supported currencies', () => {
    expect(isCurrency('ILS')).toBe(true);
    expect(isCurrency('GBP')).toBe(false);
  });
});

describe('formatSignedMinorAmount', () => {
  it('always writes the sign of a movement, and none for zero', () => {
    expect(formatSignedMinorAmount(90000, 'ILS', 'en')).toBe('+₪900.00');
    expect(formatSignedMinorAmount(-90000, 'ILS', 'en')).toBe('-₪900.00');
    expect(formatSignedMinorAmount(0, 'USD', 'en')).toBe('$0.00');
  });

  it('keeps the sign in Hebrew', () => {
    const text = formatSignedMinorAmount(-20000, 'ILS', 'he');
    expect(text).toContain('200.00');
    expect(text).toMatch(/[-−]/);
  });
});
