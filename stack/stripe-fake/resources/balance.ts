// Balance transactions: every movement of money in an account's Stripe balance, with the processing
// fee Stripe kept (`fee`, `fee_details`) and what is left (`net`). A charge's transaction is where
// ledger code reads the real fee. The fake makes funds available at once (`available_on` = created)
// instead of after Stripe's payout delay, so transfers and payouts can follow a payment directly.
import type { FakeContext } from '../fake-context.ts';
import { newId, PREFIX } from '../ids.ts';
import type { ApiRoute } from '../router.ts';
import type { StripeObject } from '../store.ts';
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
  type: 'charge' | 'payment' | 'refund' | 'refund_failure' | 'transfer' | 'payout' | 'payout_failure';
  reportingCategory: string;
  source: string;
  description?: string | null;
  fee?: number;
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
      fee_details: fee ? [{ amount: fee, application: null, currency: m.currency, description: 'Stripe processing fees', type: 'stripe_fee' }] : [],
      net: m.amount - fee,
      reporting_category: m.reportingCategory,
      source: m.source,
      status: 'available',
      type: m.type,
    },
    account,
  );
}

/** The available balance of an account in one currency: the sum of its transactions' net amounts. */
export function availableBalance(fake: FakeContext, account: string | null, currency: string): number {
  return fake.store
    .list<BalanceTransaction>('balance_transaction', account, (t) => t.currency === currency && t.status === 'available')
    .reduce((sum, t) => sum + t.net, 0);
}

export const balanceRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/v1/balance',
    handler: (fake, req) => {
      req.params.allowOnly(['expand']);
      const account = req.info.account;
      const currencies = new Set(fake.store.list<BalanceTransaction>('balance_transaction', account).map((t) => t.currency));
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
