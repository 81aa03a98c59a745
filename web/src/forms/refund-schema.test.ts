import { describe, expect, it } from 'vitest';
import { validate } from './field-errors.ts';
import { adminRefundFormValues, adminRefundSchema, resolveDisputeFormValues, resolveDisputeSchema } from './refund-schema.ts';

describe('resolveDisputeSchema', () => {
  it('asks for a decision and prefills the whole remaining amount', () => {
    expect(resolveDisputeFormValues(100000)).toEqual({ outcome: '', amount: '1000.00', note: '' });
    expect(validate(resolveDisputeSchema(100000), resolveDisputeFormValues(100000))).toEqual({
      ok: false,
      errors: { outcome: 'validation.outcomeRequired' },
    });
  });

  it('releases without reading the amount', () => {
    expect(validate(resolveDisputeSchema(100000), { outcome: 'release', amount: 'nonsense', note: '  ' })).toEqual({
      ok: true,
      data: { outcome: 'release', note: null },
    });
  });

  it('converts the refund to exact minor units', () => {
    const schema = resolveDisputeSchema(100000);
    expect(validate(schema, { outcome: 'refund', amount: '500', note: ' Half back. ' })).toEqual({
      ok: true,
      data: { outcome: 'refund', refundCents: 50000, note: 'Half back.' },
    });
    // 0.29 * 100 is 28.999999999999996 in floating point; the text is parsed as digits.
    expect(validate(schema, { outcome: 'refund', amount: '0.29', note: '' })).toMatchObject({ data: { refundCents: 29 } });
    expect(validate(schema, { outcome: 'refund', amount: '1.1', note: '' })).toMatchObject({ data: { refundCents: 110 } });
    expect(validate(schema, { outcome: 'refund', amount: '1000.00', note: '' })).toMatchObject({ data: { refundCents: 100000 } });
  });

  it('refuses a refund that is not an amount, nothing, or more than what is left', () => {
    const schema = resolveDisputeSchema(50000);
    expect(validate(schema, { outcome: 'refund', amount: '', note: '' })).toMatchObject({ errors: { amount: 'validation.refundAmountRequired' } });
    expect(validate(schema, { outcome: 'refund', amount: '1,000', note: '' })).toMatchObject({
      errors: { amount: 'validation.refundAmountInvalid' },
    });
    expect(validate(schema, { outcome: 'refund', amount: '1.005', note: '' })).toMatchObject({
      errors: { amount: 'validation.refundAmountInvalid' },
    });
    expect(validate(schema, { outcome: 'refund', amount: '-5', note: '' })).toMatchObject({ errors: { amount: 'validation.refundAmountInvalid' } });
    expect(validate(schema, { outcome: 'refund', amount: '0.00', note: '' })).toMatchObject({ errors: { amount: 'validation.refundAmountInvalid' } });
    expect(validate(schema, { outcome: 'refund', amount: '500.01', note: '' })).toMatchObject({
      errors: { amount: 'validation.refundAboveRemaining' },
    });
    expect(validate(schema, { outcome: 'refund', amount: '500.00', note: '' }).ok).toBe(true);
  });

  it('keeps the note within 1,000 characters', () => {
    expect(validate(resolveDisputeSchema(100), { outcome: 'release', amount: '', note: 'x'.repeat(1001) })).toMatchObject({
      errors: { note: 'validation.resolutionNoteTooLong' },
    });
  });
});

describe('adminRefundSchema', () => {
  it('needs an amount up to what is left and a note for both parties', () => {
    const schema = adminRefundSchema(90000);
    expect(validate(schema, adminRefundFormValues(90000))).toEqual({ ok: false, errors: { note: 'validation.refundNoteRequired' } });
    expect(validate(schema, { amount: '250.50', note: ' Goodwill for the delay. ' })).toEqual({
      ok: true,
      data: { amount: 25050, note: 'Goodwill for the delay.' },
    });
    expect(validate(schema, { amount: '900.01', note: 'x' })).toMatchObject({ errors: { amount: 'validation.refundAboveRemaining' } });
  });
});
