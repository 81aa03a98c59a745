// A payer's rating of the performer: stars (required, 1–5), optional public text (checked like every
// public field: no phone numbers or email addresses), and whether to show only their first name and
// the job's city. Mirrors rate_performer.
import { z } from 'zod';
import type { MessageKey } from '../i18n/en.ts';
import { hasContactDetails } from './contact-details.ts';

const key = (error: MessageKey) => ({ error });

/** The checkbox's value when ticked (a checkbox list field holds the ticked values). */
export const FIRST_NAME_AND_CITY_ONLY = 'first-name-and-city-only';

export const reviewSchema = z.object({
  stars: z
    .string()
    .refine((text) => /^[1-5]$/.test(text), key('validation.starsRequired'))
    .transform(Number),
  body: z
    .string()
    .trim()
    .max(2000, key('validation.reviewTooLong'))
    .refine((text) => !hasContactDetails(text), key('validation.noContactDetails'))
    .transform((text) => (text === '' ? null : text)),
  privacy: z.array(z.string()).transform((ticked) => ticked.includes(FIRST_NAME_AND_CITY_ONLY)),
});

export type ReviewValues = z.input<typeof reviewSchema>;
export type ReviewOutput = z.output<typeof reviewSchema>;

export interface ReviewInput {
  stars: number;
  body: string | null;
  firstNameAndCityOnly: boolean;
}

export const emptyReview: ReviewValues = { stars: '', body: '', privacy: [] };

export function reviewInput(output: ReviewOutput): ReviewInput {
  return { stars: output.stars, body: output.body, firstNameAndCityOnly: output.privacy };
}
