// Balance transactions: every movement of money in an account's Stripe balance, with the processing
// fee Stripe kept (`fee`, `fee_details`) and what is left (`net`). A charge's transaction is where
// ledger code reads the real fee. The fake makes funds available at once (`available_on` = created)
// instead of after Stripe's payout delay, so transfers and payouts can follow a payment directly.
import type { FakeContext } from '../fake-context.ts';
import { newId, PREFIX } from '../ids.ts';
import type { ApiRoute } from '../router.ts';
import type { StoreEntry, StripeObject } from '../store.ts';
import { equals, listHandler, retrieveHandler, type ObjectKind } from './common.ts';

export interface BalanceTransaction extends StripeObject {
  object: 'balance_transaction';
  amount: number;
  currency: string;
  fee: number;
  net: number;
  status: string;
  type: string;
  source: string | null;
}

export const BALANCE_TRANSACTION: ObjectKind = { object: 'balance_transaction', param: 'id', url: '/v1/balance_transactions' };

export interface MoneyMovement {
  amount: number;
  currency: string;
  type:
    | 'adjustment'
    | 'charge'
    | 'payment'
    | 'payment_refund'
    | 'payout'
    | 'payout_failure'
    | 'refund'
    | 'refund_failure'
    | 'topup'
    | 'transfer'
    | 'transfer_refund';
  reportingCategory: string;
  source: string;
  description?: string | null;
  fee?: number;
  /** What `fee_details` calls the fee: Stripe says 'Dispute fee' for a chargeback's. */
  feeDescription?: string;
}

export function recordBalanceTransaction(fake: FakeContext, account: string | null, m: MoneyMovement): BalanceTransaction {
  const fee = m.fee ?? 0;
  const created = fake.now();
  return fake.store.insert<BalanceTransaction>(
    {
      id: newId(PREFIX.balanceTransaction),
      object: 'balance_transaction',
      amount: m.amount,
      available_on: created,
      balance_type: 'payments',
      created,
      currency: m.currency,
      description: m.description ?? null,
      exchange_rate: null,
      fee,
      fee_details: fee
        ? [{ amount: fee, application: null, currency: m.currency, description: m.feeDescription ?? 'Stripe processing fees', type: 'stripe_fee' }]
        : [],
      net: m.amount - fee,
      reporting_category: m.reportingCategory,
      source: m.source,
      status: 'available',
      type: m.type,
    },
    account,
  );
}

interface RunningTotals {
  /** How many of the account's balance transactions are summed in `net`. */
  counted: number;
  net: Map<string, number>;
}

/**
 * Per-account sums of `net` by currency, kept beside the store's append-only list of the account's
 * balance transactions and brought up to date on each read, so a balance costs the transactions made
 * since the last read rather than all of them. Balance transactions never change once recorded.
 */
const totals = new WeakMap<readonly StoreEntry[], RunningTotals>();

function balances(fake: FakeContext, account: string | null): Map<string, number> {
  const entries = fake.store.entriesOf('balance_transaction', account);
  let t = totals.get(entries);
  if (!t) {
    t = { counted: 0, net: new Map() };
    totals.set(entries, t);
  }
  for (; t.counted < entries.length; t.counted += 1) {
    const txn = (entries[t.counted] as StoreEntry).obj as BalanceTransaction;
    if (txn.status === 'available') t.net.set(txn.currency, (t.net.get(txn.currency) ?? 0) + txn.net);
    else if (!t.net.has(txn.currency)) t.net.set(txn.currency, 0);
  }
  return t.net;
}

/** The available balance of an account in one currency: the sum of its transactions' net amounts. */
export function availableBalance(fake: FakeContext, account: string | null, currency: string): number {
  return balances(fake, account).get(currency) ?? 0;
}

export const balanceRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/v1/balance',
    handler: (fake, req) => {
      req.params.allowOnly(['expand']);
      const account = req.info.account;
      const currencies = new Set(balances(fake, account).keys());
      if (currencies.size === 0) currencies.add('usd');
      const available = [...currencies].sort().map((currency) => {
        const amount = availableBalance(fake, account, currency);
        return { amount, currency, source_types: { card: amount } };
      });
      return {
        object: 'balance',
        available,
        ...(account ? {} : { connect_reserved: available.map((a) => ({ amount: 0, currency: a.currency })) }),
        livemode: false,
        pending: available.map((a) => ({ amount: 0, currency: a.currency, source_types: { card: 0 } })),
      };
    },
  },
  { method: 'GET', path: '/v1/balance_transactions/:id', handler: retrieveHandler(BALANCE_TRANSACTION) },
  {
    method: 'GET',
    path: '/v1/balance_transactions',
    handler: listHandler<BalanceTransaction>(BALANCE_TRANSACTION, {
      currency: (p) => {
        const c = p.currency('currency');
        return (t) => t.currency === c;
      },
      source: equals('source'),
      type: equals('type'),
    }),
  },
];
