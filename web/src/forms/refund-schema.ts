// An admin's money decisions: resolving a dispute (release, or refund an amount with an optional
// note) and refunding a paid job outside a dispute (an amount and a required note, shown to both
// parties). Amounts are typed in major units and parsed as decimal text into exact minor units
// ("0.29" is 29, never 28.999…), between 0.01 and what is left of the payment.
import { z } from 'zod';
import { RESOLUTION_NOTE_MAX } from '../data/refunds/refund-types.ts';
import type { MessageKey } from '../i18n/en.ts';
import { MAX_JOB_AMOUNT, minorToMajorText, parseMajorAmount } from '../lib/money.ts';

const key = (error: MessageKey) => ({ error });

/** A refund typed in major units, as minor units from 1 to `remainingCents`. */
export function refundAmount(remainingCents: number) {
  return z
    .string()
    .trim()
    .min(1, key('validation.refundAmountRequired'))
    .refine((text) => parseMajorAmount(text, MAX_JOB_AMOUNT) !== null, key('validation.refundAmountInvalid'))
    .transform((text) => parseMajorAmount(text, MAX_JOB_AMOUNT) as number)
    .refine((minor) => minor >= 1, key('validation.refundAmountInvalid'))
    .refine((minor) => minor <= remainingCents, key('validation.refundAboveRemaining'));
}

const optionalNote = z
  .string()
  .trim()
  .max(RESOLUTION_NOTE_MAX, key('validation.resolutionNoteTooLong'))
  .transform((text) => (text === '' ? null : text));

export const RESOLUTION_OUTCOMES = ['release', 'refund'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

export type Resolution = { outcome: 'release'; note: string | null } | { outcome: 'refund'; refundCents: number; note: string | null };

/** Release, or refund an amount up to what is left (the amount is only read for a refund). */
export function resolveDisputeSchema(remainingCents: number) {
  const amount = refundAmount(remainingCents);
  return z
    .object({
      outcome: z.string().refine((value) => value === 'release' || value === 'refund', key('validation.outcomeRequired')),
      amount: z.string(),
      note: optionalNote,
    })
    .superRefine((values, ctx) => {
      if (values.outcome !== 'refund') return;
      const parsed = amount.safeParse(values.amount);
      if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['amount'], message: parsed.error.issues[0]?.message ?? 'validation.invalid' });
    })
    .transform((values): Resolution =>
      values.outcome === 'refund'
        ? { outcome: 'refund', refundCents: parseMajorAmount(values.amount, MAX_JOB_AMOUNT) as number, note: values.note }
        : { outcome: 'release', note: values.note },
    );
}

export type ResolveDisputeValues = z.input<ReturnType<typeof resolveDisputeSchema>>;

/** Nothing chosen yet; the amount is prefilled with everything that is left. */
export function resolveDisputeFormValues(remainingCents: number): ResolveDisputeValues {
  return { outcome: '', amount: minorToMajorText(remainingCents), note: '' };
}

/** A refund outside a dispute: the amount and why (required: both parties see it). */
export function adminRefundSchema(remainingCents: number) {
  return z.object({
    amount: refundAmount(remainingCents),
    note: z.string().trim().min(1, key('validation.refundNoteRequired')).max(RESOLUTION_NOTE_MAX, key('validation.resolutionNoteTooLong')),
  });
}

export type AdminRefundValues = z.input<ReturnType<typeof adminRefundSchema>>;

export function adminRefundFormValues(remainingCents: number): AdminRefundValues {
  return { amount: minorToMajorText(remainingCents), note: '' };
}
