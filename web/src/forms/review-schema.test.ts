import { describe, expect, it } from 'vitest';
import { FIRST_NAME_AND_CITY_ONLY, emptyReview, reviewInput, reviewSchema } from './review-schema.ts';

const parse = (values: Partial<typeof emptyReview>) => reviewSchema.safeParse({ ...emptyReview, ...values });

describe('reviewSchema', () => {
  it('takes 1 to 5 stars, with optional text', () => {
    const result = parse({ stars: '5' });
    expect(result.success && reviewInput(result.data)).toEqual({ stars: 5, body: null, firstNameAndCityOnly: false });
    const withText = parse({ stars: '3', body: '  Tidy work, a day late.  ', privacy: [FIRST_NAME_AND_CITY_ONLY] });
    expect(withText.success && reviewInput(withText.data)).toEqual({ stars: 3, body: 'Tidy work, a day late.', firstNameAndCityOnly: true });
  });

  it('asks for the stars', () => {
    for (const stars of ['', '0', '6', '4.5']) {
      const result = parse({ stars });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('validation.starsRequired');
    }
  });

  it('keeps contact details and overlong text out of a public review', () => {
    expect(parse({ stars: '4', body: 'Call him on 052-123-4567' }).error?.issues[0]?.message).toBe('validation.noContactDetails');
    expect(parse({ stars: '4', body: 'x'.repeat(2001) }).error?.issues[0]?.message).toBe('validation.reviewTooLong');
  });
});
