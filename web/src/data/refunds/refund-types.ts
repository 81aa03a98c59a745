// The shapes the refund, dispute and chargeback screens read, from the `refunds`, `disputes` and
// `chargebacks` views (RLS: the job's parties and admins; disputes only the payer, the performer and
// admins). The views type their enum-like columns as text, so the values the database allows are
// listed here and anything else is shown as it is named.
import type { Tables } from '../database.types.ts';

export type Refund = Tables<'refunds'>;
export type Dispute = Tables<'disputes'>;

/** Why money went back: lead_cancelled (the owner cancelled after paying), dispute, admin, payment_returned, provider. */
export const REFUND_REASONS = ['lead_cancelled', 'dispute', 'admin', 'payment_returned', 'provider'] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

/** pending: decided and booked; submitted: sent to Stripe; succeeded: Stripe confirmed it; failed: the bank bounced it. */
export const REFUND_STATUSES = ['pending', 'submitted', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** What open_dispute accepts as a reason, in the order the form offers them. */
export const DISPUTE_REASONS = ['not_delivered', 'not_as_described', 'poor_quality', 'no_show', 'payment', 'other'] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

/** open_dispute's limit on the message. */
export const DISPUTE_MESSAGE_MAX = 2000;
/** The limit on an admin's note (resolution_note and a refund's note). */
export const RESOLUTION_NOTE_MAX = 1000;

export function isOneOf<T extends string>(values: readonly T[], value: string | null | undefined): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** Refunds on their way: decided or sent, not yet confirmed by Stripe (or failed). */
export function isRefundInFlight(refund: Pick<Refund, 'status'>): boolean {
  return refund.status === 'pending' || refund.status === 'submitted';
}
