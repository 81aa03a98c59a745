// Where experts' money goes: the provider boundary. Stripe Connect is the one provider today; it
// cannot pay experts in every country (Israel among them), so the payouts function depends on this
// interface, not on Stripe, and a local provider can sit beside it.
import type Stripe from 'npm:stripe@^23.1.0';

export interface PayoutOrder {
  payout_id: string;
  stripe_account_id: string;
  amount_cents: number;
  currency: string;
  /** 1 on the first attempt; more means an earlier attempt may have reached the provider. */
  attempts: number;
}

export interface PayoutProvider {
  /** Moves the money to the expert's account, at most once per payout, however often it is called. */
  transfer(order: PayoutOrder): Promise<{ id: string }>;
  /** Pays the expert's account out to their bank, at most once per payout. */
  payToBank(order: PayoutOrder): Promise<{ id: string }>;
  /** Whether an error means the provider will never accept this payout (retrying cannot help). */
  isFinalRefusal(error: unknown): boolean;
}

export function stripeConnectProvider(stripe: Stripe): PayoutProvider {
  return {
    async transfer(order) {
      // A retry: Stripe may have forgotten the idempotency key (after 24 hours), so look first.
      if (order.attempts > 1) {
        const existing = await stripe.transfers.list({ transfer_group: order.payout_id, limit: 1 });
        if (existing.data[0]) return existing.data[0];
      }
      return await stripe.transfers.create(
        {
          amount: order.amount_cents,
          currency: order.currency.toLowerCase(),
          destination: order.stripe_account_id,
          transfer_group: order.payout_id,
          metadata: { payout_id: order.payout_id },
        },
        { idempotencyKey: `transfer:${order.payout_id}` },
      );
    },
    async payToBank(order) {
      const options = { stripeAccount: order.stripe_account_id };
      if (order.attempts > 1) {
        for await (const payout of stripe.payouts.list({ limit: 100 }, options)) {
          if (payout.metadata?.payout_id === order.payout_id) return payout;
        }
      }
      return await stripe.payouts.create(
        { amount: order.amount_cents, currency: order.currency.toLowerCase(), metadata: { payout_id: order.payout_id } },
        // The amount is part of the key: a transfer reversed in part leaves less to pay out.
        { ...options, idempotencyKey: `bank-payout:${order.payout_id}:${order.amount_cents}` },
      );
    },
    isFinalRefusal(error) {
      const e = error as { type?: string; code?: string; statusCode?: number };
      // A request Stripe refuses as invalid (no transfers capability, account closed...) stays refused;
      // network errors, rate limits and 5xx are worth another run.
      return e.type === 'StripeInvalidRequestError' && e.code !== 'balance_insufficient' && e.statusCode !== 429;
    },
  };
}
