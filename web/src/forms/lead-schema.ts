// The parts of a lead as the forms hold them: the public part (title, summary, where, budget), the
// private details, and the client's contact details. Checks mirror create_lead, so most mistakes are
// shown next to their field; the server has the last word. The job request form and the referral
// wizard's steps are built from these pieces.
import { z } from 'zod';
import type { MessageKey } from '../i18n/en.ts';
import { CURRENCIES, MAX_JOB_AMOUNT, parseMajorAmount } from '../lib/money.ts';
import { hasContactDetails } from './contact-details.ts';
import { normalizePhone } from './phone.ts';

const key = (error: MessageKey) => ({ error });

const noContactDetails = [(text: string) => !hasContactDetails(text), key('validation.noContactDetails')] as const;

/** An amount typed in major units ("1500" or "1500.50"), as exact minor units. */
export const jobAmount = (invalid: MessageKey) =>
  z
    .string()
    .trim()
    .refine((text) => parseMajorAmount(text, MAX_JOB_AMOUNT) !== null, key(invalid))
    .transform((text) => parseMajorAmount(text, MAX_JOB_AMOUNT) as number);

const optionalBudget = z
  .string()
  .trim()
  .refine((text) => text === '' || parseMajorAmount(text, MAX_JOB_AMOUNT) !== null, key('validation.budgetInvalid'))
  .transform((text) => (text === '' ? null : parseMajorAmount(text, MAX_JOB_AMOUNT)));

const requiredBudget = z.string().trim().min(1, key('validation.budgetRequired')).pipe(jobAmount('validation.budgetInvalid'));

/** The public part and the private details: what the job is and where (the budget is added per form). */
const leadBasicsShape = {
  title: z
    .string()
    .trim()
    .min(3, key('validation.titleLength'))
    .max(120, key('validation.titleLength'))
    .refine(...noContactDetails),
  summary: z
    .string()
    .trim()
    .min(1, key('validation.summaryRequired'))
    .max(1000, key('validation.summaryTooLong'))
    .refine(...noContactDetails),
  details: z.string().trim().max(5000, key('validation.detailsTooLong')),
  category: z.string().min(1, key('validation.categoryRequired')),
  city: z.string().min(1, key('validation.jobCityRequired')),
  currency: z.string().pipe(z.enum(CURRENCIES, key('validation.currencyInvalid'))),
};

/** Who the client is and how to reach them: hidden until a proposal is accepted. */
const clientContactShape = {
  clientName: z.string().trim().min(1, key('validation.clientNameRequired')).max(120, key('validation.clientNameTooLong')),
  clientPhone: z
    .string()
    .trim()
    .min(1, key('validation.phoneRequired'))
    .refine((text) => normalizePhone(text) !== null, key('validation.phoneInvalid'))
    .transform((text) => normalizePhone(text) as string),
  clientEmail: z
    .string()
    .trim()
    .refine((text) => text === '' || (text.length <= 254 && z.email().safeParse(text).success), key('validation.emailInvalid')),
  clientAddress: z.string().trim().max(300, key('validation.addressTooLong')),
};

/** A customer's job request (a consumer lead): the budget is optional. */
export const jobRequestSchema = z.object({ ...leadBasicsShape, budget: optionalBudget, ...clientContactShape });
export type JobRequestValues = z.input<typeof jobRequestSchema>;
export type JobRequest = z.output<typeof jobRequestSchema>;

export function jobRequestFormValues(name: string, email: string): JobRequestValues {
  return {
    title: '',
    summary: '',
    details: '',
    category: '',
    city: '',
    budget: '',
    currency: 'ILS',
    clientName: name,
    clientPhone: '',
    clientEmail: email,
    clientAddress: '',
  };
}

/** The referral wizard, step 1: a referral needs a budget, since the commission is quoted on it. */
export const referralBasicsSchema = z.object({ ...leadBasicsShape, budget: requiredBudget });
export type ReferralBasicsValues = z.input<typeof referralBasicsSchema>;
export type ReferralBasics = z.output<typeof referralBasicsSchema>;

/** Step 2: the client's contact details. */
export const clientContactSchema = z.object(clientContactShape);
export type ClientContactValues = z.input<typeof clientContactSchema>;
export type ClientContact = z.output<typeof clientContactSchema>;

/** Step 3: the referrer's share, a percentage with at most two decimals, up to the fee policy's maximum. */
export function referralTermsSchema(maxSharePercent: number) {
  return z.object({
    share: z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, key('validation.shareRange'))
      .transform(Number)
      .refine((percent) => percent <= maxSharePercent, key('validation.shareRange')),
  });
}
export type ReferralTermsValues = z.input<ReturnType<typeof referralTermsSchema>>;

/** Step 4: on the lead board for every matching expert, or private (only experts the owner invites). */
export const LEAD_VISIBILITIES = ['board', 'private'] as const;
export const referralPublishSchema = z.object({
  visibility: z.string().pipe(z.enum(LEAD_VISIBILITIES, key('validation.invalid'))),
});
export type ReferralPublishValues = z.input<typeof referralPublishSchema>;

/** The share as typed, if it is a valid one: the live quote runs while the user types. */
export function parseSharePercent(text: string, maxSharePercent: number): number | null {
  const result = referralTermsSchema(maxSharePercent).safeParse({ share: text });
  return result.success ? result.data.share : null;
}
