import { describe, expect, it } from 'vitest';
import { validate } from './field-errors.ts';
import { ledgerExportFormValues, ledgerExportSchema, payoutBatchFormValues, payoutBatchSchema } from './payout-schema.ts';

describe('payoutBatchSchema', () => {
  it('starts with yesterday in UTC', () => {
    expect(payoutBatchFormValues(new Date('2026-11-30T23:30:00Z'))).toEqual({ periodEnd: '2026-11-29' });
  });

  it('takes a real day and leaves whether the period has ended to the database', () => {
    expect(validate(payoutBatchSchema, { periodEnd: '2099-01-01' })).toEqual({ ok: true, data: { periodEnd: '2099-01-01' } });
    expect(validate(payoutBatchSchema, { periodEnd: '' })).toEqual({ ok: false, errors: { periodEnd: 'validation.periodEndRequired' } });
    expect(validate(payoutBatchSchema, { periodEnd: '2026-02-30' })).toEqual({ ok: false, errors: { periodEnd: 'validation.dayInvalid' } });
  });
});

describe('ledgerExportSchema', () => {
  it('starts with last month', () => {
    expect(ledgerExportFormValues(new Date('2026-11-25T10:00:00Z'))).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('takes one day up to 400 days', () => {
    expect(validate(ledgerExportSchema, { from: '2026-10-01', to: '2026-10-01' })).toMatchObject({ ok: true });
    expect(validate(ledgerExportSchema, { from: '2026-01-01', to: '2027-02-04' })).toMatchObject({ ok: true });
  });

  it('refuses a period that runs backwards or is too long', () => {
    expect(validate(ledgerExportSchema, { from: '2026-10-02', to: '2026-10-01' })).toEqual({
      ok: false,
      errors: { to: 'validation.periodBackwards' },
    });
    expect(validate(ledgerExportSchema, { from: '2026-01-01', to: '2027-02-05' })).toEqual({
      ok: false,
      errors: { to: 'validation.periodTooLong' },
    });
  });

  it('asks for both days', () => {
    expect(validate(ledgerExportSchema, { from: '', to: 'nonsense' })).toEqual({
      ok: false,
      errors: { from: 'validation.fromDayRequired', to: 'validation.dayInvalid' },
    });
  });
});
