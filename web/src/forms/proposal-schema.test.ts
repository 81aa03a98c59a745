import { describe, expect, it } from 'vitest';
import { localDateText, proposalFormValues, proposalSchema } from './proposal-schema.ts';

const schema = proposalSchema('2026-11-25');

describe('proposalSchema', () => {
  it('reads the price as exact minor units and an empty date as none', () => {
    expect(schema.parse({ price: ' 450.10 ', message: ' I can come tomorrow. ', proposedDate: '' })).toEqual({
      price: 45010,
      message: 'I can come tomorrow.',
      proposedDate: null,
    });
    expect(schema.parse({ price: '2500000', message: 'Full renovation', proposedDate: '2026-11-25' }).price).toBe(250_000_000);
  });

  it.each([
    [{ price: '', message: 'x', proposedDate: '' }, 'price', 'validation.priceRequired'],
    [{ price: '0', message: 'x', proposedDate: '' }, 'price', 'validation.priceInvalid'],
    [{ price: '12.345', message: 'x', proposedDate: '' }, 'price', 'validation.priceInvalid'],
    [{ price: '-5', message: 'x', proposedDate: '' }, 'price', 'validation.priceInvalid'],
    [{ price: '10', message: '   ', proposedDate: '' }, 'message', 'validation.messageRequired'],
    [{ price: '10', message: 'x'.repeat(2001), proposedDate: '' }, 'message', 'validation.messageTooLong'],
    [{ price: '10', message: 'x', proposedDate: '2026-11-24' }, 'proposedDate', 'validation.dateInPast'],
  ])('refuses %j (%s: %s)', (values, field, message) => {
    const result = schema.safeParse(values);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: [field], message });
  });
});

describe('proposalFormValues', () => {
  it('prefills a saved proposal in major units', () => {
    expect(proposalFormValues({ price_cents: 45010, message: 'Hi', proposed_date: null })).toEqual({
      price: '450.10',
      message: 'Hi',
      proposedDate: '',
    });
  });
});

describe('localDateText', () => {
  it('writes the local date like a date input', () => {
    expect(localDateText(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
