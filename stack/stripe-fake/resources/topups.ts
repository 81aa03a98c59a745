// Top-ups: money added to the platform's balance from its bank account, the way a platform funds
// transfers to connected accounts ahead of the charges that pay for them. In Stripe's test mode a
// top-up from the default test bank account succeeds; here it succeeds at once, with a `topup`
// balance transaction that is available immediately, and sends topup.created and topup.succeeded.
// Tests and benchmarks use it to fund large transfer runs without Checkout Sessions.
import { invalidRequest } from '../errors.ts';
import type { FakeContext } from '../fake-context.ts';
import { newId, PREFIX } from '../ids.ts';
import { rangeFilter } from '../lists.ts';
import { applyMetadata, type Metadata } from '../params.ts';
import type { ApiRequest, ApiRoute } from '../router.ts';
import type { StripeObject } from '../store.ts';
import { recordBalanceTransaction } from './balance.ts';
import { listHandler, mustGet, retrieveHandler, type ObjectKind } from './common.ts';

export const TOPUP: ObjectKind = { object: 'topup', param: 'topup', url: '/v1/topups' };

export interface Topup extends StripeObject {
  object: 'topup';
  amount: number;
  currency: string;
  description: string | null;
  metadata: Metadata;
  status: 'canceled' | 'failed' | 'pending' | 'reversed' | 'succeeded';
}

/** Stripe's ceiling for a single top-up amount: eight digits, as for charges. */
const MAX_AMOUNT = 99_999_999;

function create(fake: FakeContext, req: ApiRequest): unknown {
  const { params, info } = req;
  if (info.account) throw invalidRequest('Top-ups are made by the platform, to its own balance.', {}, 403);
  params.allowOnly([
    'amount',
    'currency',
    'description',
    'expand',
    'metadata',
    'payment_method',
    'payment_method_options',
    'source',
    'statement_descriptor',
    'transfer_group',
  ]);
  params.refuse(['payment_method', 'payment_method_options', 'source'], 'top-ups come from the default test bank account');
  const amount = params.requiredInt('amount', { min: 1, max: MAX_AMOUNT });
  const currency = params.requiredCurrency('currency');
  const statementDescriptor = params.string('statement_descriptor', { max: 15 });
  if (statementDescriptor !== undefined && !/[a-zA-Z]/.test(statementDescriptor)) {
    throw invalidRequest('The statement descriptor must contain at least one letter.', { param: 'statement_descriptor' });
  }
  const id = newId(PREFIX.topup);
  const txn = recordBalanceTransaction(fake, null, {
    amount,
    currency,
    type: 'topup',
    reportingCategory: 'topup',
    source: id,
    description: params.string('description') ?? null,
  });
  const created = fake.now();
  const topup = fake.store.insert<Topup>(
    {
      id,
      object: 'topup',
      amount,
      balance_transaction: txn.id,
      created,
      currency,
      description: params.string('description') ?? null,
      expected_availability_date: created,
      failure_code: null,
      failure_message: null,
      livemode: false,
      metadata: (params.metadata() || {}) as Metadata,
      source: null,
      statement_descriptor: statementDescriptor ?? null,
      status: 'succeeded',
      transfer_group: params.string('transfer_group') ?? null,
    },
    null,
  );
  fake.emit('topup.created', topup, info);
  fake.emit('topup.succeeded', topup, info);
  return fake.expand(topup, params.expand(), null);
}

export const topupRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/topups', handler: create },
  { method: 'GET', path: '/v1/topups/:id', handler: retrieveHandler(TOPUP) },
  {
    method: 'POST',
    path: '/v1/topups/:id',
    handler: (fake, req) => {
      // Stripe has no topup.updated event: metadata and description change silently.
      req.params.allowOnly(['description', 'expand', 'metadata']);
      const topup = mustGet<Topup>(fake, TOPUP, req.path.id ?? '', req.info.account);
      if (req.params.has('metadata')) topup.metadata = applyMetadata(topup.metadata, req.params.metadata());
      if (req.params.has('description')) topup.description = req.params.string('description') || null;
      fake.store.changed();
      return fake.expand(topup, req.params.expand(), req.info.account);
    },
  },
  {
    method: 'POST',
    path: '/v1/topups/:id/cancel',
    handler: (fake, req) => {
      req.params.allowOnly(['expand']);
      const topup = mustGet<Topup>(fake, TOPUP, req.path.id ?? '', req.info.account);
      // Every top-up here has succeeded already; only a pending one can be canceled.
      throw invalidRequest(`Top-up ${topup.id} has status ${topup.status}; only a pending top-up can be canceled.`, { param: 'topup' });
    },
  },
  {
    method: 'GET',
    path: '/v1/topups',
    handler: listHandler<Topup>(TOPUP, {
      amount: (p) => {
        const inRange = rangeFilter(p, 'amount');
        return (t) => inRange(t.amount);
      },
      status: (p) => {
        const status = p.oneOf('status', ['canceled', 'failed', 'pending', 'succeeded']);
        return (t) => t.status === status;
      },
    }),
  },
];
