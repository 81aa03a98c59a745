// Money in and the way money out starts:
// - Paying a payable: the signed-in payer (the lead's owner, or the client's guest session that
//   claimed the pay link) asks for a Checkout session. One RPC (prepare_payment) checks the caller
//   and records the attempt; the session carries its id as metadata and as the idempotency key, so a
//   retried request never opens a second charge for the same attempt.
// - Connecting a payout account (`action: connect_onboarding`): an approved expert gets a Stripe
//   Express account (created once, the expert's id in its metadata and idempotency key) and a link
//   to Stripe's onboarding; account.updated events then keep its state.
import { withSupabase } from 'npm:@supabase/server@^1.8.1';
import type Stripe from 'npm:stripe@^23.1.0';
import { z } from 'npm:zod@^4.6.7';
import { stripeClient } from '../_shared/stripe.ts';

// A path in the web app to come back to, never another site.
const appPath = z.string().regex(/^\/[A-Za-z0-9/_-]*$/);
const request = z.union([
  z.object({ action: z.literal('connect_onboarding'), return_path: appPath.default('/wallet') }),
  z.object({ action: z.literal('checkout').default('checkout'), payable_id: z.uuid(), return_path: appPath.default('/jobs') }),
]);

const json = (status: number, body: unknown) => Response.json(body, { status });
const siteUrl = () => (Deno.env.get('GUILDHALL_SITE_URL') ?? 'http://127.0.0.1:5173').replace(/\/$/, '');

/**
 * An account an earlier attempt created whose answer was lost: Stripe forgets idempotency keys after
 * 24 hours, so look among the accounts created around the expert's first request for their id.
 */
async function accountCreatedEarlier(stripe: Stripe, me: { expert_id: string; started_at: string }): Promise<Stripe.Account | null> {
  const from = Math.floor(Date.parse(me.started_at) / 1000) - 300;
  for await (const account of stripe.accounts.list({ created: { gte: from, lte: from + 3900 }, limit: 100 })) {
    if (account.metadata?.expert_id === me.expert_id) return account;
  }
  return null;
}

export default {
  fetch: withSupabase({ auth: 'user' }, async (req, ctx) => {
    if (req.method !== 'POST') return json(405, { error: 'POST only' });
    const parsed = request.safeParse(await req.json().catch(() => null));
    if (!parsed.success) return json(400, { error: 'payable_id (uuid) is required, or action: connect_onboarding' });
    if (parsed.data.action === 'connect_onboarding') {
      const { data, error } = await ctx.supabase.rpc('payout_onboarding').single();
      if (error) return json(error.code === '42501' ? 403 : 400, { error: error.message, code: error.code });
      const me = data as { expert_id: string; stripe_account_id: string | null; started_at: string };
      const back = `${siteUrl()}${parsed.data.return_path}`;
      try {
        const stripe = stripeClient();
        let account = me.stripe_account_id;
        if (!account) {
          const created =
            (await accountCreatedEarlier(stripe, me)) ??
            (await stripe.accounts.create(
              {
                type: 'express',
                capabilities: { transfers: { requested: true } },
                // The product pays each payout out itself, so each can be followed to payout.paid.
                settings: { payouts: { schedule: { interval: 'manual' } } },
                metadata: { expert_id: me.expert_id },
              },
              { idempotencyKey: `connect-account:${me.expert_id}` },
            ));
          const linked = await ctx.supabaseAdmin.rpc('link_payout_account', { expert_id: me.expert_id, stripe_account_id: created.id });
          if (linked.error) throw linked.error;
          account = linked.data as string;
        }
        const link = await stripe.accountLinks.create({
          account,
          type: 'account_onboarding',
          refresh_url: `${back}?connect=refresh`,
          return_url: `${back}?connect=return`,
        });
        return json(200, { url: link.url, stripe_account_id: account });
      } catch {
        return json(502, { error: 'the payment provider is unavailable; try again' });
      }
    }
    const { data, error } = await ctx.supabase.rpc('prepare_payment', { payable_id: parsed.data.payable_id }).single();
    if (error) return json(error.code === '42501' ? 403 : 400, { error: error.message, code: error.code });
    const attempt = data as { payment_id: string; amount_cents: number; currency: string; description: string };

    const back = `${siteUrl()}${parsed.data.return_path}`;
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
