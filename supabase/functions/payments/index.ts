// Starts paying a payable: the signed-in payer (the lead's owner, or the client's guest session
// that claimed the pay link) asks for a Checkout session. One RPC (prepare_payment) checks the caller
// and records the attempt; the session carries its id as metadata and as the idempotency key, so a
// retried request never opens a second charge for the same attempt.
import { withSupabase } from 'npm:@supabase/server@^1.8.1';
import { z } from 'npm:zod@^4.6.7';
import { stripeClient } from '../_shared/stripe.ts';

const request = z.object({
  payable_id: z.uuid(),
  // Where Checkout sends the payer back: a path in the web app, never another site.
  return_path: z
    .string()
    .regex(/^\/[A-Za-z0-9/_-]*$/)
    .default('/jobs'),
});

const json = (status: number, body: unknown) => Response.json(body, { status });

export default {
  fetch: withSupabase({ auth: 'user' }, async (req, ctx) => {
    if (req.method !== 'POST') return json(405, { error: 'POST only' });
    const parsed = request.safeParse(await req.json().catch(() => null));
    if (!parsed.success) return json(400, { error: 'payable_id (uuid) is required' });
    const { data, error } = await ctx.supabase.rpc('prepare_payment', { payable_id: parsed.data.payable_id }).single();
    if (error) return json(error.code === '42501' ? 403 : 400, { error: error.message, code: error.code });
    const attempt = data as { payment_id: string; amount_cents: number; currency: string; description: string };

    const site = (Deno.env.get('GUILDHALL_SITE_URL') ?? 'http://127.0.0.1:5173').replace(/\/$/, '');
    const back = `${site}${parsed.data.return_path}`;
    try {
      const session = await stripeClient().checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: attempt.currency.toLowerCase(),
                unit_amount: attempt.amount_cents,
                product_data: { name: attempt.description },
              },
            },
          ],
          success_url: `${back}?payment=success&session_id={CHECKOUT_SESSION_ID}`,
          cancel_url: `${back}?payment=cancelled`,
          client_reference_id: parsed.data.payable_id,
          metadata: { payment_id: attempt.payment_id },
          payment_intent_data: { metadata: { payment_id: attempt.payment_id } },
        },
        { idempotencyKey: `checkout:${attempt.payment_id}` },
      );
      return json(200, { payment_id: attempt.payment_id, checkout_url: session.url, session_id: session.id });
    } catch {
      return json(502, { error: 'the payment provider is unavailable; try again' });
    }
  }),
};
