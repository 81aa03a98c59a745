// An expert's proposal on a lead: the price (typed in major units, sent as exact minor units), a
// message to the customer, and an optional date. Mirrors submit_proposal / update_proposal.
import { z } from 'zod';
import type { MessageKey } from '../i18n/en.ts';
import { minorToMajorText } from '../lib/money.ts';
import { jobAmount } from './lead-schema.ts';

const key = (error: MessageKey) => ({ error });

/**
 * `today` is the local date as YYYY-MM-DD (see localDateText): a date input's value has no time zone,
 * so "not in the past" is judged by the user's calendar. The database judges by its own, which can
 * be a day apart around midnight; its message is shown then.
 */
export function proposalSchema(today: string) {
  return z.object({
    price: z
      .string()
      .trim()
      .min(1, key('validation.priceRequired'))
      .pipe(jobAmount('validation.priceInvalid'))
      .refine((minor) => minor >= 1, key('validation.priceInvalid')),
    message: z.string().trim().min(1, key('validation.messageRequired')).max(2000, key('validation.messageTooLong')),
    proposedDate: z
      .string()
      .refine((text) => text === '' || /^\d{4}-\d{2}-\d{2}$/.test(text), key('validation.invalid'))
      .refine((text) => text === '' || text >= today, key('validation.dateInPast'))
      .transform((text) => (text === '' ? null : text)),
  });
}

export type ProposalValues = z.input<ReturnType<typeof proposalSchema>>;
export type ProposalInput = z.output<ReturnType<typeof proposalSchema>>;

/** The local calendar date, as a date input writes it. */
export function localDateText(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

interface SavedProposal {
  price_cents: number;
  message: string;
  proposed_date: string | null;
}

/** Blank for a new proposal, or the saved one when editing. */
export function proposalFormValues(saved: SavedProposal | null): ProposalValues {
  if (!saved) return { price: '', message: '', proposedDate: '' };
  return { price: minorToMajorText(saved.price_cents), message: saved.message, proposedDate: saved.proposed_date ?? '' };
}
