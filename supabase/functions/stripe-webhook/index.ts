// Stripe's webhook: verify the signature on the raw body, keep only the event types we act on, read
// the processing fee for a succeeded payment, and hand the event to one idempotent RPC
// (apply_stripe_event), which applies it exactly once in the same transaction as its effects.
// Bad or stale signatures get 400 and change nothing; ignored types get 200; only what Stripe should
// retry (the database or Stripe unreachable) gets a 5xx.
import { withSupabase } from 'npm:@supabase/server@^1.8.1';
import type Stripe from 'npm:stripe@^23.1.0';
import { z } from 'npm:zod@^4.6.7';
import { stripeClient, verifiedEvent, webhookSecrets } from '../_shared/stripe.ts';

export const HANDLED_TYPES = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
]);

const eventShape = z.object({ id: z.string().startsWith('evt_'), type: z.string(), data: z.object({ object: z.record(z.string(), z.unknown()) }) });

const json = (status: number, body: unknown) => Response.json(body, { status });

/** Stripe's fee for a succeeded payment intent: its latest charge's balance transaction. */
async function processingFee(stripe: Stripe, intent: Stripe.PaymentIntent): Promise<number | null> {
  const chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : intent.latest_charge?.id;
  if (!chargeId) return null;
  const charge = await stripe.charges.retrieve(chargeId, { expand: ['balance_transaction'] });
  const tx = charge.balance_transaction;
  return tx && typeof tx !== 'string' ? tx.fee : null;
}

export default {
  fetch: withSupabase({ auth: 'none', cors: 'disabled' }, async (req, ctx) => {
    if (req.method !== 'POST') return json(405, { error: 'POST only' });
    const signature = req.headers.get('stripe-signature');
    if (!signature) return json(400, { error: 'missing Stripe-Signature' });
    const stripe = stripeClient();
    const event = await verifiedEvent(stripe, await req.text(), signature, webhookSecrets());
    if (!event || !eventShape.safeParse(event).success) return json(400, { error: 'invalid signature or payload' });
    if (!HANDLED_TYPES.has(event.type)) return json(200, { received: true, outcome: 'ignored' });

    let fee: number | null = null;
    if (event.type === 'payment_intent.succeeded') {
      try {
        fee = await processingFee(stripe, event.data.object as Stripe.PaymentIntent);
      } catch {
        return json(503, { error: 'could not read the processing fee; Stripe will retry' });
      }
    }
    // Without a fee the argument is left out and the RPC's default (null) applies.
    const { data, error } = await ctx.supabaseAdmin.rpc('apply_stripe_event', { event, ...(fee === null ? {} : { processor_fee_cents: fee }) });
    if (error) {
      // 22023: the database refused the event itself; retrying cannot help.
      return error.code === '22023' ? json(400, { error: error.message }) : json(503, { error: 'try again later' });
    }
    return json(200, { received: true, outcome: data });
  }),
};
