// Transfers from the platform's balance to a connected account, the "separate charges and
// transfers" model an escrow needs: the destination must have the transfers capability active, and
// the platform needs the funds, either in its available balance or in the charge named by
// `source_transaction`. The destination receives a payment (`py_…`) with its own balance
// transaction, in its own account, from which it can be paid out.
import { invalidRequest } from '../errors.ts';
import type { FakeContext } from '../fake-context.ts';
import { newId, PREFIX } from '../ids.ts';
import { applyMetadata, type Metadata } from '../params.ts';
import type { ApiRequest, ApiRoute } from '../router.ts';
import type { StripeObject } from '../store.ts';
import { ACCOUNT, type Account } from './accounts.ts';
import { availableBalance, recordBalanceTransaction } from './balance.ts';
import { equals, listHandler, mustGet, retrieveHandler, type ObjectKind } from './common.ts';
import { CHARGE, type Charge } from './payments.ts';

export const TRANSFER: ObjectKind = { object: 'transfer', param: 'transfer', url: '/v1/transfers' };

export interface Transfer extends StripeObject {
  object: 'transfer';
  amount: number;
  currency: string;
  destination: string;
  source_transaction: string | null;
  metadata: Metadata;
  description: string | null;
}

export const INSUFFICIENT_FUNDS_MESSAGE =
  'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance';

function checkSourceTransaction(fake: FakeContext, chargeId: string, amount: number, currency: string): void {
  const charge = mustGet<Charge>(fake, CHARGE, chargeId, null, 'source_transaction');
  if (charge.status !== 'succeeded') throw invalidRequest(`The source_transaction ${chargeId} has not succeeded.`, { param: 'source_transaction' });
  if (charge.currency !== currency) {
    throw invalidRequest(
      `The currency of source_transaction's balance transaction (${charge.currency}) must be the same as the transfer currency (${currency})`,
      {
        param: 'currency',
      },
    );
  }
  const already = fake.store
    .list<Transfer>('transfer', null, (t) => t.source_transaction === chargeId)
    .reduce((sum, t) => sum + t.amount - Number(t.amount_reversed ?? 0), 0);
  if (amount + already > charge.amount - charge.amount_refunded) {
    throw invalidRequest(
      `Transfers using this transaction as a source must not exceed the source amount of ${charge.amount - charge.amount_refunded}.`,
      {
        code: 'transfer_source_balance_parameters_mismatch',
        param: 'amount',
      },
    );
  }
}

function create(fake: FakeContext, req: ApiRequest): unknown {
  const { params, info } = req;
  if (info.account) throw invalidRequest('Transfers to connected accounts are made by the platform.', {}, 403);
  params.allowOnly(['amount', 'currency', 'description', 'destination', 'expand', 'metadata', 'source_transaction', 'source_type', 'transfer_group']);
  const amount = params.requiredInt('amount', { min: 1 });
  const currency = params.requiredCurrency('currency');
  const destinationId = params.requiredString('destination');
  params.oneOf('source_type', ['card']);
  const destination = mustGet<Account>(fake, ACCOUNT, destinationId, null, 'destination');
  if (destination.capabilities.transfers !== 'active' && destination.capabilities.crypto_transfers !== 'active') {
    throw invalidRequest(
      'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      { code: 'insufficient_capabilities_for_transfer', param: 'destination' },
    );
  }
  const sourceTransaction = params.string('source_transaction') ?? null;
  if (sourceTransaction) checkSourceTransaction(fake, sourceTransaction, amount, currency);
  else if (availableBalance(fake, null, currency) < amount) {
    throw invalidRequest(INSUFFICIENT_FUNDS_MESSAGE, { code: 'balance_insufficient' });
  }

  const id = newId(PREFIX.transfer);
  const paymentId = newId(PREFIX.destinationPayment);
  const txn = recordBalanceTransaction(fake, null, { amount: -amount, currency, type: 'transfer', reportingCategory: 'transfer', source: id });
  const received = recordBalanceTransaction(fake, destination.id, {
    amount,
    currency,
    type: 'payment',
    reportingCategory: 'charge',
    source: paymentId,
  });
  const created = fake.now();
  // The destination sees the money as a payment in its own account.
  fake.store.insert(
    {
      id: paymentId,
      object: 'charge',
      amount,
      amount_captured: amount,
      amount_refunded: 0,
      balance_transaction: received.id,
      captured: true,
      created,
      currency,
      description: null,
      livemode: false,
      metadata: {},
      paid: true,
      payment_intent: null,
      payment_method: null,
      refunded: false,
      source_transfer: id,
      status: 'succeeded',
    },
    destination.id,
  );
  const transfer = fake.store.insert<Transfer>(
    {
      id,
      object: 'transfer',
      amount,
      amount_reversed: 0,
      balance_transaction: txn.id,
      created,
      currency,
      description: params.string('description') ?? null,
      destination: destination.id,
      destination_payment: paymentId,
      livemode: false,
      metadata: (params.metadata() || {}) as Metadata,
      reversals: { object: 'list', data: [], has_more: false, total_count: 0, url: `/v1/transfers/${id}/reversals` },
      reversed: false,
      source_transaction: sourceTransaction,
      source_type: 'card',
      transfer_group: params.string('transfer_group') ?? null,
    },
    null,
  );
  fake.emit('transfer.created', transfer, info);
  return fake.expand(transfer, params.expand(), null);
}

export const transferRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/transfers', handler: create },
  { method: 'GET', path: '/v1/transfers/:id', handler: retrieveHandler(TRANSFER) },
  {
    method: 'POST',
    path: '/v1/transfers/:id',
    handler: (fake, req) => {
      req.params.allowOnly(['description', 'expand', 'metadata']);
      const transfer = mustGet<Transfer>(fake, TRANSFER, req.path.id ?? '', req.info.account);
      const previous: Record<string, unknown> = {};
      if (req.params.has('metadata')) {
        previous.metadata = transfer.metadata;
        transfer.metadata = applyMetadata(transfer.metadata, req.params.metadata());
      }
      if (req.params.has('description')) {
        previous.description = transfer.description;
        transfer.description = req.params.string('description') || null;
      }
      fake.store.changed();
      fake.emit('transfer.updated', transfer, req.info, previous);
      return fake.expand(transfer, req.params.expand(), req.info.account);
    },
  },
  {
    method: 'GET',
    path: '/v1/transfers',
    handler: listHandler<Transfer>(TRANSFER, { destination: equals('destination'), transfer_group: equals('transfer_group') }),
  },
];
