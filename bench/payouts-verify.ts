// After the run, what the database and the fake say: the batch took from each expert what the ledger
// alone says it should; every executed payout has exactly one transfer (transfer_group = the payout's
// id) and one bank payout at Stripe, matching what the database recorded, and no payout left pending
// has any; the ledger balances, no expert's available balance is negative, and what is still in
// flight is exactly what is still pending.
import type Stripe from 'stripe';
import { withClient } from '../stack/postgres.ts';
import { inParallel } from './payouts-setup.ts';

export interface ExpectedLine {
  expert_id: string;
  currency: string;
  take: string;
  carry: string;
}

export interface BatchCheck {
  lines: number;
  expectedLines: number;
  payouts: number;
  expectedPayouts: number;
  /** Payouts whose available or netted amount differs from the ledger's figure. */
  wrongAmounts: number;
  totalCents: Record<string, number>;
  netted: number;
  carryOnly: number;
}

/** The batch against `expected` (AS_OF_SQL, read before the batch existed). */
export async function checkBatch(url: string, batchId: string, expected: ExpectedLine[]): Promise<BatchCheck> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{
      expert_id: string;
      currency: string;
      available_cents: string;
      carry_netted_cents: string;
      amount_cents: string;
    }>(`select expert_id, currency, available_cents, carry_netted_cents, amount_cents from private.payouts where batch_id = $1`, [batchId]);
    const lines = await c.query<{ n: number }>(
      `select count(*)::int as n from private.ledger_transactions where idempotency_key like 'payout:' || $1 || ':%'`,
      [batchId],
    );
    const want = new Map(expected.filter((e) => Number(e.take) > 0).map((e) => [`${e.expert_id}:${e.currency}`, e]));
    let wrongAmounts = 0;
    const totalCents: Record<string, number> = {};
    for (const p of rows) {
      const e = want.get(`${p.expert_id}:${p.currency}`);
      const take = Number(e?.take ?? 0);
      const netted = Math.min(Math.max(Number(e?.carry ?? 0), 0), take);
      if (!e || Number(p.available_cents) !== take || Number(p.carry_netted_cents) !== netted) wrongAmounts += 1;
      totalCents[p.currency] = (totalCents[p.currency] ?? 0) + Number(p.amount_cents);
    }
    const expectedPayouts = [...want.values()].filter((e) => Number(e.take) > Math.min(Math.max(Number(e.carry), 0), Number(e.take))).length;
    return {
      lines: lines.rows[0]!.n,
      expectedLines: want.size,
      payouts: rows.length,
      expectedPayouts,
      wrongAmounts,
      totalCents,
      netted: rows.filter((p) => Number(p.carry_netted_cents) > 0).length,
      carryOnly: want.size - expectedPayouts,
    };
  });
}

export interface StripeCheck {
  executed: number;
  pending: number;
  /** Payouts handed to the function more than once (payouts_to_execute counts attempts), and the most times one was. */
  handedOutAgain: number;
  maxAttempts: number;
  statuses: Record<string, number>;
  transfersAtStripe: number;
  /** Executed payouts without exactly one transfer matching the recorded one (id, amount, destination). */
  transferMismatches: number;
  /** Transfers at Stripe for payouts still pending, or for no payout of the batch. */
  strayTransfers: number;
  /** Executed payouts without exactly one bank payout on the expert's account matching the recorded one. */
  bankPayoutMismatches: number;
}

export async function checkAtStripe(url: string, stripe: Stripe, batchId: string): Promise<StripeCheck> {
  const rows = await withClient(url, async (c) => {
    const r = await c.query<{
      id: string;
      status: string;
      amount_cents: string;
      stripe_account_id: string;
      transfer_id: string | null;
      bank_payout_id: string | null;
      attempts: number;
    }>(`select id, status, amount_cents, stripe_account_id, transfer_id, bank_payout_id, attempts from private.payouts where batch_id = $1`, [
      batchId,
    ]);
    return r.rows;
  });
  const transfersByGroup = new Map<string, Stripe.Transfer[]>();
  let transfersAtStripe = 0;
  for await (const t of stripe.transfers.list({ limit: 100 })) {
    transfersAtStripe += 1;
    const group = t.transfer_group ?? '';
    transfersByGroup.set(group, [...(transfersByGroup.get(group) ?? []), t]);
  }
  const statuses: Record<string, number> = {};
  const executed = rows.filter((p) => p.status !== 'pending');
  let transferMismatches = 0;
  for (const p of rows) statuses[p.status] = (statuses[p.status] ?? 0) + 1;
  for (const p of executed) {
    const found = transfersByGroup.get(p.id) ?? [];
    const ok =
      found.length === 1 &&
      found[0]!.id === p.transfer_id &&
      found[0]!.amount === Number(p.amount_cents) &&
      found[0]!.destination === p.stripe_account_id;
    if (!ok) transferMismatches += 1;
  }
  const executedIds = new Set(executed.map((p) => p.id));
  const strayTransfers = [...transfersByGroup].filter(([group]) => !executedIds.has(group)).reduce((n, [, ts]) => n + ts.length, 0);
  let bankPayoutMismatches = 0;
  await inParallel(executed, 8, async (p) => {
    const mine: Stripe.Payout[] = [];
    for await (const bank of stripe.payouts.list({ limit: 100 }, { stripeAccount: p.stripe_account_id })) {
      if (bank.metadata?.payout_id === p.id) mine.push(bank);
    }
    if (mine.length !== 1 || mine[0]!.id !== p.bank_payout_id || mine[0]!.amount !== Number(p.amount_cents)) bankPayoutMismatches += 1;
  });
  return {
    executed: executed.length,
    pending: rows.length - executed.length,
    handedOutAgain: rows.filter((p) => p.attempts > 1).length,
    maxAttempts: Math.max(0, ...rows.map((p) => p.attempts)),
    statuses,
    transfersAtStripe,
    transferMismatches,
    strayTransfers,
    bankPayoutMismatches,
  };
}

export interface LedgerCheck {
  entries: number;
  unbalancedTransactions: number;
  currencyMismatches: number;
  negativeAvailable: number;
  /** What the ledger holds in flight minus what pending payouts hold: zero when every transfer was recorded once. */
  inFlightGap: number;
}

export async function checkLedger(url: string): Promise<LedgerCheck> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<LedgerCheck>(
      `select (select count(*) from private.ledger_entries)::int as entries,
              (select count(*) from (select 1 from private.ledger_entries e group by e.transaction_id, e.currency
                                      having sum(e.amount_cents) <> 0) x)::int as "unbalancedTransactions",
              (select count(*) from private.ledger_entries e join private.ledger_accounts a on a.id = e.account_id
                where e.currency <> a.currency)::int as "currencyMismatches",
              (select count(*) from (select 1 from private.ledger_entries e join private.ledger_accounts a on a.id = e.account_id
                                      where a.purpose = 'expert_available' group by a.id having sum(e.amount_cents) > 0) x)::int as "negativeAvailable",
              ((select coalesce(-sum(e.amount_cents), 0) from private.ledger_entries e join private.ledger_accounts a on a.id = e.account_id
                 where a.purpose = 'expert_payout_in_flight')
               - (select coalesce(sum(p.amount_cents), 0) from private.payouts p where p.status = 'pending'))::float8 as "inFlightGap"`,
    );
    return rows[0]!;
  });
}
