// Executes payout batches, a chunk per request so each call stays within hosted function limits:
// admins run a batch they reviewed (the screen calls again while `remaining` > 0); the secret key
// sweeps every batch. For each payout: the transfer to the expert's connected account, then the
// payout to their bank, each recorded in the database. Both go through the payout provider, which
// never pays twice (see _shared/payout-provider.ts).
import { withSupabase } from 'npm:@supabase/server@^1.8.1';
import { z } from 'npm:zod@^4.6.7';
import { stripeConnectProvider, type PayoutOrder, type PayoutProvider } from '../_shared/payout-provider.ts';
import { stripeClient } from '../_shared/stripe.ts';

const request = z.object({ batch_id: z.uuid().optional(), max: z.number().int().min(1).max(100).default(20) });

const json = (status: number, body: unknown) => Response.json(body, { status });

let provider: PayoutProvider | undefined;

interface Todo extends PayoutOrder {
  status: 'pending' | 'transferred';
  remaining: number;
}

export default {
  fetch: withSupabase({ auth: ['user', 'secret'] }, async (req, ctx) => {
    if (req.method !== 'POST') return json(405, { error: 'POST only' });
    const parsed = request.safeParse(await req.json().catch(() => ({})));
    if (!parsed.success) return json(400, { error: 'batch_id must be a uuid, max 1–100' });
    const sweep = ctx.authMode === 'secret';
    if (!sweep && !parsed.data.batch_id) return json(400, { error: 'batch_id (uuid) is required' });

    // As the caller: the database lets admins (and the secret key) have the next payouts.
    const caller = sweep ? ctx.supabaseAdmin : ctx.supabase;
    const { data, error } = await caller.rpc('payouts_to_execute', {
      ...(parsed.data.batch_id ? { batch_id: parsed.data.batch_id } : {}),
      max_rows: parsed.data.max,
    });
    if (error) return json(error.code === '42501' ? 403 : 400, { error: error.message, code: error.code });
    const todo = (data ?? []) as Todo[];

    provider ??= stripeConnectProvider(stripeClient());
    const record = async (payout_id: string, step: string, stripe_id?: string, reason?: string) => {
      const r = await ctx.supabaseAdmin.rpc('record_payout_step', { payout_id, step, stripe_id, reason });
      if (r.error) throw r.error;
    };
    const results = [];
    for (const payout of todo) {
      try {
        if (payout.status === 'pending') {
          try {
            const transfer = await provider.transfer(payout);
            await record(payout.payout_id, 'transferred', transfer.id);
          } catch (e) {
            if (!provider.isFinalRefusal(e)) throw e;
            await record(payout.payout_id, 'refused', undefined, (e as Error).message);
            results.push({ payout_id: payout.payout_id, outcome: 'refused' });
            continue;
          }
        }
        const bankPayout = await provider.payToBank(payout);
        await record(payout.payout_id, 'bank_payout', bankPayout.id);
        results.push({ payout_id: payout.payout_id, outcome: 'sent' });
      } catch {
        // Left as it is (pending, or transferred without its bank payout), and handed back so the
        // next run retries it at once (if even that fails, the claim lapses in two minutes).
        await record(payout.payout_id, 'released').catch(() => {});
        results.push({ payout_id: payout.payout_id, outcome: 'retry_later' });
      }
    }
    const remaining = Math.max(0, (todo[0]?.remaining ?? 0) - results.filter((r) => r.outcome !== 'retry_later').length);
    return json(200, { payouts: results, remaining });
  }),
};
