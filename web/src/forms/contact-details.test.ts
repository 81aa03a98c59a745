import { describe, expect, it } from 'vitest';
import { hasContactDetails } from './contact-details.ts';

describe('hasContactDetails', () => {
  it.each([
    'write to dana@example.com',
    'Dana.Levi+work@Mail.Example.co.il',
    'call 052-123-4567',
    '+972 52 123 4567',
    '(03) 123-45678',
    '0521234567',
    '521234567',
    '00972 52 123 4567',
  ])('finds contact details in %j', (text) => {
    expect(hasContactDetails(text)).toBe(true);
  });

  it.each([
    '15 years in Tel Aviv',
    'Rates from 250 ILS',
    'ISO 27001 and SOC 2',
    'call me @ the office',
    'Open 08:00-18:00',
    '12345678',
    'ISO 9001 27001',
    'Capacity 100 200 300 400',
    '2010-2020 2021',
  ])('lets ordinary text through: %j', (text) => {
    expect(hasContactDetails(text)).toBe(false);
  });
});
