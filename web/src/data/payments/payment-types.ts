// The shapes the payment screens read: the payer's checkout attempts (the `payments` view), the
// payable with the performing and referring experts' public names (for the pay-link page, whose
// client cannot see the proposal or the lead), and the status enums.
import type { Enums, Tables } from '../database.types.ts';
import type { ExpertName, Payable } from '../leads/lead-types.ts';

export type PayableStatus = Enums<'payable_status'>;
export type PaymentStatus = Enums<'payment_status'>;

/** One checkout attempt: visible to its payer (and admins). At most one per payable is ever `paid`. */
export type Payment = Tables<'payments'>;

export type PayableWithParties = Payable & { performer: ExpertName | null; referrer: ExpertName | null };

export const PAYABLE_WITH_PARTIES =
  '*, performer:experts!payables_performer_expert_id_fkey(id, display_name), referrer:experts!payables_referrer_expert_id_fkey(id, display_name)' as const;

/** Where Checkout sent the payer back: `?payment=success&session_id=…` or `?payment=cancelled`. */
export type CheckoutReturn = 'success' | 'cancelled';
