import { describe, expect, it } from 'vitest';
import { validate } from './field-errors.ts';
import { disputeSchema, emptyDispute } from './dispute-schema.ts';

describe('disputeSchema', () => {
  it('asks for a reason and a message', () => {
    expect(validate(disputeSchema, emptyDispute)).toEqual({
      ok: false,
      errors: { reason: 'validation.disputeReasonRequired', message: 'validation.disputeMessageRequired' },
    });
    expect(validate(disputeSchema, { reason: 'lost_my_keys', message: '   ' })).toMatchObject({
      errors: { reason: 'validation.disputeReasonRequired', message: 'validation.disputeMessageRequired' },
    });
  });

  it('takes one of open_dispute’s reasons and a trimmed message of up to 2,000 characters', () => {
    expect(validate(disputeSchema, { reason: 'no_show', message: '  Nobody came.  ' })).toEqual({
      ok: true,
      data: { reason: 'no_show', message: 'Nobody came.' },
    });
    expect(validate(disputeSchema, { reason: 'other', message: 'x'.repeat(2000) }).ok).toBe(true);
    expect(validate(disputeSchema, { reason: 'other', message: 'x'.repeat(2001) })).toMatchObject({
      errors: { message: 'validation.disputeMessageTooLong' },
    });
  });
});
