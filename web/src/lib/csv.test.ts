import { describe, expect, it } from 'vitest';
import { buildCsv, CSV_BOM, csvField, minorUnitsToDecimal, neutralizeFormula, parseCsv } from './csv.ts';

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('tr_123')).toBe('tr_123');
    expect(csvField('900.00')).toBe('900.00');
  });

  it('writes nothing for a missing value', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it.each([
    ['Levi, Dana', '"Levi, Dana"'],
    ['the "best" plumber', '"the ""best"" plumber"'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['"', '""""'],
  ])('quotes %j as RFC 4180 requires', (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it('keeps Hebrew as it is', () => {
    expect(csvField('דנה לוי')).toBe('דנה לוי');
  });
});

describe('neutralizeFormula', () => {
  it.each(['=HYPERLINK("http://x")', '+1+1', '-cmd', '@SUM(A1)', '\t=1'])('makes %j read as text in a spreadsheet', (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });

  it.each(['-12.34', '-5', '12', 'Dana', '2026-12-03T00:00:00+00:00'])('leaves %j alone', (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });

  it('quotes a neutralized field that also needs quoting', () => {
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
  });
});

describe('buildCsv', () => {
  it('starts with the UTF-8 BOM and the header, and ends every line with CRLF', () => {
    const text = buildCsv(
      ['id', 'name', 'amount'],
      [
        ['1', 'Dana, Levi', '900.00'],
        ['2', null, '-0.05'],
      ],
    );
    expect(text).toBe(`${CSV_BOM}id,name,amount\r\n1,"Dana, Levi",900.00\r\n2,,-0.05\r\n`);
  });

  it('is just the header when there are no rows', () => {
    expect(buildCsv(['a', 'b'], [])).toBe(`${CSV_BOM}a,b\r\n`);
  });

  it('refuses a row that does not match the header', () => {
    expect(() => buildCsv(['a', 'b'], [['1']])).toThrow(/row 1 has 1 fields, the header 2/);
  });

  it('round-trips through a CSV reader, quotes, commas, line breaks and Hebrew included', () => {
    const rows = [
      ['x', 'say "hi", then\r\nleave', 'דנה'],
      ['', 'a', 'b'],
    ];
    expect(parseCsv(buildCsv(['one', 'two', 'three'], rows))).toEqual([['one', 'two', 'three'], ...rows]);
  });
});

describe('minorUnitsToDecimal', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [99, '0.99'],
    [100, '1.00'],
    [90000, '900.00'],
    [123456789, '1234567.89'],
    [-5, '-0.05'],
    [-1234, '-12.34'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('writes %i minor units as %j', (minor, text) => {
    expect(minorUnitsToDecimal(minor)).toBe(text);
  });

  it('is exact where float division is not', () => {
    // 0.29 * 100 is 28.999…; the other way round the digits are taken as they are.
    expect(minorUnitsToDecimal(29)).toBe('0.29');
    expect(minorUnitsToDecimal(1999)).toBe('19.99');
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %d', (value) => {
    expect(() => minorUnitsToDecimal(value)).toThrow(/not an amount/);
  });
});
