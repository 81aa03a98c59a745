// Sending a decided refund to Stripe exactly once. The idempotency key is derived from our refund's
// id, but Stripe may forget keys after 24 hours, so before creating anything we look for a refund on
// the payment intent that already carries our id in its metadata.
import type Stripe from 'npm:stripe@^23.1.0';

export interface RefundToSubmit {
  refund_id: string;
  payable_id: string;
  payment_id: string;
  payment_intent_id: string | null;
  amount_cents: number;
}

export async function submitRefund(stripe: Stripe, refund: RefundToSubmit): Promise<Stripe.Refund> {
  if (!refund.payment_intent_id) throw new Error('the payment has no payment intent yet');
  for await (const existing of stripe.refunds.list({ payment_intent: refund.payment_intent_id, limit: 100 })) {
    if (existing.metadata?.refund_id === refund.refund_id) return existing;
  }
  return await stripe.refunds.create(
    {
      payment_intent: refund.payment_intent_id,
      amount: refund.amount_cents,
      reason: 'requested_by_customer',
      metadata: { refund_id: refund.refund_id, payment_id: refund.payment_id, payable_id: refund.payable_id },
    },
    { idempotencyKey: `refund:${refund.refund_id}` },
  );
}

/** Stripe errors that retrying cannot fix: the charge was refunded or disputed in Stripe meanwhile. */
export function isFinalRefusal(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'charge_already_refunded' || code === 'amount_too_large' || code === 'charge_disputed';
}
