// Stripe's webhook: verify the signature on the raw body, keep only the event types we act on, read
// the processing fee for a succeeded payment, and hand the event to one idempotent RPC
// (apply_stripe_event), which applies it exactly once in the same transaction as its effects.
// Bad or stale signatures get 400 and change nothing; ignored types get 200; only what Stripe should
// retry (the database or Stripe unreachable) gets a 5xx.
// The caller is Stripe, proven by the signature, not a Supabase user or key; so no withSupabase. The
// event goes to the database over a pooled direct connection as the `stripe_webhook` role, which may
// run apply_stripe_event and nothing else (see 20261125220000_stripe_webhook_role.sql for why).
import type Stripe from 'npm:stripe@^23.1.0';
import { z } from 'npm:zod@^4.6.7';
import { queryAs } from '../_shared/database.ts';
import { stripeClient, verifiedEvent, webhookSecrets } from '../_shared/stripe.ts';

export const HANDLED_TYPES = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'charge.refunded',
  'refund.failed',
  'charge.dispute.created',
  'charge.dispute.closed',
  'account.updated',
  'transfer.created',
  'transfer.reversed',
  'payout.paid',
  'payout.failed',
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

// One client per process: building it per request showed up in the webhook benchmark.
let stripe: Stripe | undefined;

/**
 * charge.refunded: the database matches each of the charge's refunds by id, so the event's charge
 * gets its current refunds from Stripe (events arrive late and out of order; the list is now).
 */
async function withCurrentRefunds(stripe: Stripe, charge: Stripe.Charge): Promise<void> {
  const data: Stripe.Refund[] = [];
  for await (const refund of stripe.refunds.list({ charge: charge.id, limit: 100 })) data.push(refund);
  (charge as unknown as { refunds: unknown }).refunds = { object: 'list', data, has_more: false };
}

export default {
  fetch: async (req: Request): Promise<Response> => {
    if (req.method !== 'POST') return json(405, { error: 'POST only' });
    const signature = req.headers.get('stripe-signature');
    if (!signature) return json(400, { error: 'missing Stripe-Signature' });
    stripe ??= stripeClient();
    const event = await verifiedEvent(stripe, await req.text(), signature, webhookSecrets());
    if (!event || !eventShape.safeParse(event).success) return json(400, { error: 'invalid signature or payload' });
    if (!HANDLED_TYPES.has(event.type)) return json(200, { received: true, outcome: 'ignored' });

    let fee: number | null = null;
    try {
      if (event.type === 'payment_intent.succeeded') fee = await processingFee(stripe, event.data.object as Stripe.PaymentIntent);
      if (event.type === 'charge.refunded') await withCurrentRefunds(stripe, event.data.object as Stripe.Charge);
    } catch {
      return json(503, { error: 'could not read from Stripe; Stripe will retry' });
    }
    try {
      const [row] = await queryAs<{ outcome: string }>('stripe_webhook', 'select private.apply_stripe_event($1::jsonb, $2::bigint) as outcome', [
        event,
        fee,
      ]);
      return json(200, { received: true, outcome: row!.outcome });
    } catch (error) {
      // 22023: the database refused the event itself; retrying cannot help. Anything else (the
      // database unreachable, a deadlock) is worth Stripe's retry. The message names no person.
      const refused = (error as { code?: string }).code === '22023';
      if (!refused) console.error('stripe-webhook: could not apply', event.id, (error as Error).message);
      return refused ? json(400, { error: (error as Error).message }) : json(503, { error: 'try again later' });
    }
  },
};
