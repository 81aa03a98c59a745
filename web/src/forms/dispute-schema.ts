// Opening a dispute on a job: why (one of open_dispute's reasons) and what went wrong, in the
// opener's words (1 to 2,000 characters; both parties and admins read it). Mirrors open_dispute.
import { z } from 'zod';
import { DISPUTE_MESSAGE_MAX, DISPUTE_REASONS, isOneOf, type DisputeReason } from '../data/refunds/refund-types.ts';
import type { MessageKey } from '../i18n/en.ts';

const key = (error: MessageKey) => ({ error });

export const disputeSchema = z.object({
  reason: z
    .string()
    .refine((value) => isOneOf(DISPUTE_REASONS, value), key('validation.disputeReasonRequired'))
    .transform((value) => value as DisputeReason),
  message: z.string().trim().min(1, key('validation.disputeMessageRequired')).max(DISPUTE_MESSAGE_MAX, key('validation.disputeMessageTooLong')),
});

export type DisputeValues = z.input<typeof disputeSchema>;
export type DisputeInput = z.output<typeof disputeSchema>;

export const emptyDispute: DisputeValues = { reason: '', message: '' };
