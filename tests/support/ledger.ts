// The ledger as the database owner reads it, for money tests: one job's balances per account, what
// Stripe ids we stored, and the books-balance check on the admin's money positions.
import pg from 'pg';
import { stackEnv } from './env.ts';

export async function withOwner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: stackEnv().SUPABASE_DB_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * One job's ledger: the sum of its transactions' entries per account purpose (debits positive), the
 * experts' accounts keyed `purpose:expert_id`, and how many transactions of each kind it has.
 */
export interface JobLedger {
  byPurpose: Record<string, number>;
  byExpertAccount: Record<string, number>;
  kinds: Record<string, number>;
  /** Idempotency keys with their id parts removed (`refund:<uuid>` → `refund`), sorted: what happened, each once. */
  keys: string[];
}

export function jobLedger(payableId: string): Promise<JobLedger> {
  return withOwner(async (client) => {
    const entries = await client.query<{ purpose: string; expert_id: string | null; cents: string }>(
      `select a.purpose::text as purpose, a.expert_id, sum(e.amount_cents)::text as cents
         from private.ledger_entries e
         join private.ledger_transactions t on t.id = e.transaction_id
         join private.ledger_accounts a on a.id = e.account_id
        where t.payable_id = $1
        group by 1, 2`,
      [payableId],
    );
    const txs = await client.query<{ kind: string; idempotency_key: string }>(
      'select kind, idempotency_key from private.ledger_transactions where payable_id = $1',
      [payableId],
    );
    const byPurpose: Record<string, number> = {};
    const byExpertAccount: Record<string, number> = {};
    for (const r of entries.rows) {
      byPurpose[r.purpose] = (byPurpose[r.purpose] ?? 0) + Number(r.cents);
      if (r.expert_id) byExpertAccount[`${r.purpose}:${r.expert_id}`] = Number(r.cents);
    }
    const kinds: Record<string, number> = {};
    for (const t of txs.rows) kinds[t.kind] = (kinds[t.kind] ?? 0) + 1;
    const keys = txs.rows.map((t) => t.idempotency_key.replace(/:.*$/, '')).sort();
    return { byPurpose, byExpertAccount, kinds, keys };
  });
}

/** The Stripe refund id the refunds function (or a webhook) stored for one of our refunds. */
export async function storedStripeRefundId(refundId: string): Promise<string | null> {
  return withOwner(
    async (client) =>
      (await client.query<{ id: string | null }>('select stripe_refund_id as id from private.refunds where id = $1', [refundId])).rows[0]?.id ?? null,
  );
}

/**
 * Money leaving an expert's available balance to their bank. The product has no payouts yet; this
 * books one the way a payout would (available → Stripe clearing), so a later chargeback finds the
 * money already gone.
 */
export async function bookPayout(expertId: string, cents: number, currency = 'ILS'): Promise<void> {
  await withOwner(async (client) => {
    await client.query(
      `select private.post_ledger_transaction('payout', 'test_payout:' || gen_random_uuid(), $3,
         jsonb_build_array(
           jsonb_build_object('account', private.ledger_account('expert_available', $3, $1::uuid), 'amount_cents', $2::bigint),
           jsonb_build_object('account', private.ledger_account('stripe_clearing', $3), 'amount_cents', -$2::bigint)))`,
      [expertId, cents, currency],
    );
  });
}

export interface MoneyPositions {
  currency: string;
  revenue_cents: number;
  processor_fees_cents: number;
  net_revenue_cents: number;
  platform_escrow_cents: number;
  expert_escrow_cents: number;
  pending_cents: number;
  available_cents: number;
  stripe_clearing_cents: number;
  chargebacks_held_cents: number;
  payer_refunds_due_cents: number;
  expert_carry_cents: number;
  payouts_in_flight_cents: number;
  open_disputes: number;
  open_chargebacks: number;
}

/**
 * Debits less credits over the admin's positions: what the platform holds and has spent (Stripe
 * clearing, fees, held chargebacks, experts' carry) against what it owes and has earned. A balanced
 * ledger makes this 0.
 */
export function booksImbalance(p: MoneyPositions): number {
  const debits = p.stripe_clearing_cents + p.processor_fees_cents + p.chargebacks_held_cents + p.expert_carry_cents;
  const credits =
    p.revenue_cents +
    p.platform_escrow_cents +
    p.expert_escrow_cents +
    p.pending_cents +
    p.available_cents +
    p.payer_refunds_due_cents +
    p.payouts_in_flight_cents;
  return debits - credits;
}
