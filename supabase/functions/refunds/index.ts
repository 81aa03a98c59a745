// Sends decided refunds to Stripe. The database decides and books a refund (cancel_lead,
// resolve_dispute, refund_payable); this function only delivers it. A party to the job (or an admin)
// pushes one job's refunds right after deciding; the secret key sweeps every refund still pending
// (a push that failed midway). Each is sent at most once (see _shared/refunds.ts), Stripe's id is
// recorded, and charge.refunded later confirms it.
import { withSupabase } from 'npm:@supabase/server@^1.8.1';
import type Stripe from 'npm:stripe@^23.1.0';
import { z } from 'npm:zod@^4.6.7';
import { isFinalRefusal, submitRefund, type RefundToSubmit } from '../_shared/refunds.ts';
import { stripeClient } from '../_shared/stripe.ts';

const request = z.object({ payable_id: z.uuid().optional() });

const json = (status: number, body: unknown) => Response.json(body, { status });

let stripe: Stripe | undefined;

export default {
  fetch: withSupabase({ auth: ['user', 'secret'] }, async (req, ctx) => {
    if (req.method !== 'POST') return json(405, { error: 'POST only' });
    const parsed = request.safeParse(await req.json().catch(() => ({})));
    if (!parsed.success) return json(400, { error: 'payable_id must be a uuid' });
    const sweep = ctx.authMode === 'secret';
    if (!sweep && !parsed.data.payable_id) return json(400, { error: 'payable_id (uuid) is required' });

    // As the caller: the database checks they are a party to the job (the secret key sees all).
    const caller = sweep ? ctx.supabaseAdmin : ctx.supabase;
    const { data, error } = await caller.rpc('refunds_to_submit', parsed.data.payable_id ? { payable_id: parsed.data.payable_id } : {});
    if (error) return json(error.code === '42501' ? 403 : 400, { error: error.message, code: error.code });

    stripe ??= stripeClient();
    const results = [];
    for (const refund of (data ?? []) as RefundToSubmit[]) {
      let outcome: 'submitted' | 'refused' | 'retry_later' = 'retry_later';
      try {
        let sent: { stripe_refund_id?: string; refused_reason?: string };
        try {
          sent = { stripe_refund_id: (await submitRefund(stripe, refund)).id };
        } catch (e) {
          // Refunded or disputed at Stripe meanwhile: retrying cannot help; the database fails the
          // refund (the money stays owed to the payer) so no sweep retries it forever.
          if (!isFinalRefusal(e)) throw e;
          sent = { refused_reason: (e as { code?: string }).code ?? 'refused' };
        }
        const recorded = await ctx.supabaseAdmin.rpc('record_refund_sent', { refund_id: refund.refund_id, ...sent });
        if (recorded.error) throw recorded.error;
        outcome = sent.refused_reason ? 'refused' : 'submitted';
      } catch {
        // Stripe or the database unreachable: the next push or sweep retries it.
      }
      results.push({ refund_id: refund.refund_id, outcome });
    }
    return json(200, { refunds: results });
  }),
};
