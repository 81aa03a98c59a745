// Payouts from an account's available balance to its bank account: the platform's own, or a
// connected account's with the Stripe-Account header (which needs `payouts_enabled`). A payout
// starts `pending` (payout.created) and then is paid (payout.paid) or fails (payout.failed, with the
// money returned to the balance). By default the fake settles new payouts as paid right after
// answering, as test-mode bank accounts do; with `autoPayouts: false`, or for a chosen outcome, tests
// settle them through the control API.
import { invalidRequest } from '../errors.ts';
import { automatic, type FakeContext } from '../fake-context.ts';
import { newId, PREFIX } from '../ids.ts';
import { applyMetadata, type Metadata } from '../params.ts';
import type { ApiRequest, ApiRoute } from '../router.ts';
import type { StripeObject } from '../store.ts';
import { accountFor, type Account } from './accounts.ts';
import { availableBalance, recordBalanceTransaction } from './balance.ts';
import { equals, listHandler, mustGet, retrieveHandler, type ObjectKind } from './common.ts';

export const PAYOUT: ObjectKind = { object: 'payout', param: 'payout', url: '/v1/payouts' };

export interface Payout extends StripeObject {
  object: 'payout';
  amount: number;
  currency: string;
  status: 'pending' | 'in_transit' | 'paid' | 'failed' | 'canceled';
  metadata: Metadata;
}

const FAILURE_MESSAGES: Record<string, string> = {
  account_closed: 'The bank account has been closed.',
  account_frozen: 'The bank account has been frozen.',
  insufficient_funds: 'Your Stripe account has insufficient funds to cover the payout.',
  invalid_account_number: 'The routing number seems correct, but the account number is invalid.',
  no_account: 'The bank account details on file are probably incorrect. No bank account could be located with those details.',
};

const DAY = 24 * 60 * 60;
/** A stable stand-in for the platform's own bank account. */
const PLATFORM_BANK_ACCOUNT = 'ba_fakeplatformbank0000';

function create(fake: FakeContext, req: ApiRequest): unknown {
  const { params, info } = req;
  params.allowOnly([
    'amount',
    'currency',
    'description',
    'destination',
    'expand',
    'metadata',
    'method',
    'payout_method',
    'source_type',
    'statement_descriptor',
  ]);
  params.refuse(['destination', 'payout_method'], 'payouts go to the default bank account');
  const amount = params.requiredInt('amount', { min: 1 });
  const currency = params.requiredCurrency('currency');
  if (params.oneOf('method', ['instant', 'standard']) === 'instant')
    throw invalidRequest('The local Stripe fake does not model instant payouts.', { param: 'method' });
  params.oneOf('source_type', ['bank_account', 'card', 'fpx']);
  let bankAccount = PLATFORM_BANK_ACCOUNT;
  if (info.account) {
    const account: Account = accountFor(fake, info.account, info.account);
    if (!account.payouts_enabled) {
      throw invalidRequest('Payouts are not enabled for this account; it has to finish onboarding first.', { code: 'payouts_not_allowed' });
    }
    bankAccount = account.external_accounts.data[0]?.id ?? bankAccount;
  }
  if (availableBalance(fake, info.account, currency) < amount) {
    throw invalidRequest(
      'You have insufficient funds in your Stripe account for this transfer. Your card balance is too low. You can use the /v1/balance endpoint to view your Stripe balance (for more details, see stripe.com/docs/api#balance).',
      { code: 'balance_insufficient', param: 'amount' },
    );
  }
  const id = newId(PREFIX.payout);
  const txn = recordBalanceTransaction(fake, info.account, { amount: -amount, currency, type: 'payout', reportingCategory: 'payout', source: id });
  const created = fake.now();
  const payout = fake.store.insert<Payout>(
    {
      id,
      object: 'payout',
      amount,
      application_fee: null,
      application_fee_amount: null,
      arrival_date: Math.floor(created / DAY) * DAY + 2 * DAY,
      automatic: false,
      balance_transaction: txn.id,
      created,
      currency,
      description: params.string('description') ?? null,
      destination: bankAccount,
      failure_balance_transaction: null,
      failure_code: null,
      failure_message: null,
      livemode: false,
      metadata: (params.metadata() || {}) as Metadata,
      method: 'standard',
      original_payout: null,
      payout_method: null,
      reconciliation_status: 'not_applicable',
      reversed_by: null,
      source_type: 'card',
      statement_descriptor: params.string('statement_descriptor') ?? null,
      status: 'pending',
      trace_id: null,
      type: 'bank_account',
    },
    info.account,
  );
  fake.emit('payout.created', payout, info);
  if (fake.autoPayouts) {
    fake.later(() => {
      if (payout.status !== 'pending') return;
      const failureCode = fake.payoutFailures.shift();
      settlePayout(fake, id, failureCode ? 'failed' : 'paid', failureCode);
    });
  }
  return fake.expand(payout, params.expand(), info.account);
}

export function settlePayout(fake: FakeContext, payoutId: string, outcome: 'paid' | 'failed', failureCode = 'account_closed'): Payout {
  const entry = fake.store.entry(payoutId);
  if (!entry || entry.obj.object !== 'payout')
    throw invalidRequest(`No such payout: '${payoutId}'`, { code: 'resource_missing', param: 'payout' }, 404);
  const payout = entry.obj as Payout;
  if (payout.status !== 'pending' && payout.status !== 'in_transit') {
    throw invalidRequest(`Payout ${payoutId} is already ${payout.status}.`, { param: 'payout' });
  }
  const info = automatic(entry.account);
  const previous = { status: payout.status };
  if (outcome === 'paid') {
    Object.assign(payout, { status: 'paid', trace_id: { status: 'supported', value: `FAKE${payout.id.slice(3, 15).toUpperCase()}` } });
    fake.store.changed();
    fake.emit('payout.updated', payout, info, previous);
    fake.emit('payout.paid', payout, info);
  } else {
    const txn = recordBalanceTransaction(fake, entry.account, {
      amount: payout.amount,
      currency: payout.currency,
      type: 'payout_failure',
      reportingCategory: 'payout_reversal',
      source: payout.id,
    });
    Object.assign(payout, {
      failure_balance_transaction: txn.id,
      failure_code: failureCode,
      failure_message: FAILURE_MESSAGES[failureCode] ?? 'The payout failed.',
      status: 'failed',
    });
    fake.store.changed();
    fake.emit('payout.updated', payout, info, previous);
    fake.emit('payout.failed', payout, info);
  }
  return payout;
}

export const payoutRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/payouts', handler: create },
  { method: 'GET', path: '/v1/payouts/:id', handler: retrieveHandler(PAYOUT) },
  {
    method: 'POST',
    path: '/v1/payouts/:id',
    handler: (fake, req) => {
      req.params.allowOnly(['expand', 'metadata']);
      const payout = mustGet<Payout>(fake, PAYOUT, req.path.id ?? '', req.info.account);
      const previous = { metadata: payout.metadata };
      payout.metadata = applyMetadata(payout.metadata, req.params.metadata());
      fake.store.changed();
      fake.emit('payout.updated', payout, req.info, previous);
      return fake.expand(payout, req.params.expand(), req.info.account);
    },
  },
  {
    method: 'GET',
    path: '/v1/payouts',
    handler: listHandler<Payout>(PAYOUT, {
      destination: equals('destination'),
      status: (p) => {
        const status = p.oneOf('status', ['pending', 'paid', 'failed', 'canceled']);
        return (o) => o.status === status;
      },
    }),
  },
];
