// Transfers from the platform's balance to a connected account, the "separate charges and
// transfers" model an escrow needs: the destination must have the transfers capability active, and
// the platform needs the funds, either in its available balance or in the charge named by
// `source_transaction`. The destination receives a payment (`py_…`) with its own balance
// transaction, in its own account, from which it can be paid out.
//
// A transfer can be reversed, wholly or in parts, while the destination still holds the money: each
// reversal (`trr_…`) refunds the destination payment (`pyr_…`, a `payment_refund` in the connected
// account's balance) and returns the amount to the platform (`transfer_refund`), and the transfer
// sends transfer.reversed and transfer.updated. Money already paid out cannot be reversed here
// (balance_insufficient), as Stripe refuses a reversal the destination's balance cannot cover.
import { invalidRequest, noSuchObject } from '../errors.ts';
import type { FakeContext } from '../fake-context.ts';
import { newId, PREFIX } from '../ids.ts';
import { LIST_PARAMS, paginate } from '../lists.ts';
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
  amount_reversed: number;
  currency: string;
  destination: string;
  destination_payment: string;
  source_transaction: string | null;
  metadata: Metadata;
  description: string | null;
  reversed: boolean;
  reversals: { object: 'list'; data: TransferReversal[]; has_more: boolean; total_count: number; url: string };
  transfer_group: string | null;
}

export interface TransferReversal extends StripeObject {
  object: 'transfer_reversal';
  amount: number;
  balance_transaction: string;
  currency: string;
  destination_payment_refund: string;
  metadata: Metadata;
  source_refund: string | null;
  transfer: string;
}

export const TRANSFER_REVERSAL: ObjectKind = { object: 'transfer_reversal', param: 'id', url: '/v1/transfers/:id/reversals' };

/** The most recent reversals a transfer embeds, as Stripe does; the rest are paged with listReversals. */
const EMBEDDED_REVERSALS = 10;

export const INSUFFICIENT_FUNDS_MESSAGE =
  'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance';

/** Transfers made from a charge (`source_transaction`), kept on the charge so the check does not scan every transfer. */
function sourceTransfers(fake: FakeContext, chargeId: string): string[] {
  const internal = fake.store.internal(chargeId);
  // Data files written before this was tracked: find them once.
  internal.sourceTransfers ??= fake.store
    .list<Transfer>('transfer', null, undefined, { field: 'source_transaction', value: chargeId })
    .map((t) => t.id);
  return internal.sourceTransfers as string[];
}

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
  const already = sourceTransfers(fake, chargeId)
    .map((id) => fake.store.get<Transfer>(id, null, 'transfer'))
    .reduce((sum, t) => sum + (t ? t.amount - t.amount_reversed : 0), 0);
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
  if (sourceTransaction) sourceTransfers(fake, sourceTransaction).push(id);
  fake.emit('transfer.created', transfer, info);
  return fake.expand(transfer, params.expand(), null);
}

function reversalsOf(fake: FakeContext, transfer: Transfer): TransferReversal[] {
  return fake.store.list<TransferReversal>('transfer_reversal', null, undefined, { field: 'transfer', value: transfer.id });
}

/** The transfer's embedded `reversals` list, rebuilt from the stored reversals (newest first, at most 10). */
function embedReversals(fake: FakeContext, transfer: Transfer): void {
  const all = reversalsOf(fake, transfer);
  transfer.reversals = {
    object: 'list',
    data: all.slice(0, EMBEDDED_REVERSALS).map((r) => structuredClone(r)),
    has_more: all.length > EMBEDDED_REVERSALS,
    total_count: all.length,
    url: `/v1/transfers/${transfer.id}/reversals`,
  };
}

function createReversal(fake: FakeContext, req: ApiRequest): unknown {
  const { params, info } = req;
  params.allowOnly(['amount', 'description', 'expand', 'metadata', 'refund_application_fee']);
  params.refuse(['refund_application_fee'], 'no application fees are modeled');
  params.refuse(['description'], 'a transfer reversal has no description in this API version');
  const transfer = mustGet<Transfer>(fake, TRANSFER, req.path.id ?? '', info.account);
  const left = transfer.amount - transfer.amount_reversed;
  if (left <= 0) throw invalidRequest(`Transfer ${transfer.id} has already been fully reversed.`, { param: 'amount' });
  const amount = params.int('amount', { min: 1 }) ?? left;
  if (amount > left) {
    throw invalidRequest(
      `You cannot reverse more than the amount remaining on transfer ${transfer.id}: ${amount} requested, ${left} left to reverse.`,
      { param: 'amount' },
    );
  }
  const destination = transfer.destination;
  const held = availableBalance(fake, destination, transfer.currency);
  if (held < amount) {
    throw invalidRequest(
      `The destination account ${destination} has insufficient funds to cover this reversal: it holds ${held} ${transfer.currency} of the ${amount} to reverse (money already paid out cannot be reversed).`,
      { code: 'balance_insufficient', param: 'amount' },
    );
  }

  const id = newId(PREFIX.transferReversal);
  const refundId = newId(PREFIX.paymentRefund);
  const created = fake.now();
  const currency = transfer.currency;
  const returned = recordBalanceTransaction(fake, null, {
    amount,
    currency,
    type: 'transfer_refund',
    reportingCategory: 'transfer_reversal',
    source: id,
  });
  // The connected account sees its payment refunded.
  const withdrawn = recordBalanceTransaction(fake, destination, {
    amount: -amount,
    currency,
    type: 'payment_refund',
    reportingCategory: 'refund',
    source: refundId,
  });
  fake.store.insert(
    {
      id: refundId,
      object: 'refund',
      amount,
      balance_transaction: withdrawn.id,
      charge: transfer.destination_payment,
      created,
      currency,
      metadata: {},
      payment_intent: null,
      reason: null,
      receipt_number: null,
      source_transfer_reversal: id,
      status: 'succeeded',
      transfer_reversal: null,
    },
    destination,
  );
  const payment = fake.store.get<Charge>(transfer.destination_payment, destination, 'charge');
  if (payment) {
    payment.amount_refunded += amount;
    payment.refunded = payment.amount_refunded === payment.amount;
  }
  const reversal = fake.store.insert<TransferReversal>(
    {
      id,
      object: 'transfer_reversal',
      amount,
      balance_transaction: returned.id,
      created,
      currency,
      destination_payment_refund: refundId,
      metadata: (params.metadata() || {}) as Metadata,
      source_refund: null,
      transfer: transfer.id,
    },
    null,
  );
  const previous: Record<string, unknown> = { amount_reversed: transfer.amount_reversed, reversals: transfer.reversals };
  transfer.amount_reversed += amount;
  if (transfer.amount_reversed === transfer.amount) {
    previous.reversed = transfer.reversed;
    transfer.reversed = true;
  }
  embedReversals(fake, transfer);
  fake.store.changed();
  fake.emit('transfer.reversed', transfer, info);
  fake.emit('transfer.updated', transfer, info, previous);
  return fake.expand(reversal, params.expand(), null);
}

function reversalOf(fake: FakeContext, req: ApiRequest): { transfer: Transfer; reversal: TransferReversal } {
  const transfer = mustGet<Transfer>(fake, TRANSFER, req.path.id ?? '', req.info.account);
  const reversal = mustGet<TransferReversal>(fake, TRANSFER_REVERSAL, req.path.reversal ?? '', req.info.account);
  if (reversal.transfer !== transfer.id) throw noSuchObject('transfer_reversal', reversal.id, 'id');
  return { transfer, reversal };
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
    // Both fields are set at creation and never change: the lookup a payout run makes before a retry stays cheap.
    handler: listHandler<Transfer>(TRANSFER, { destination: equals('destination'), transfer_group: equals('transfer_group') }, [
      'transfer_group',
      'destination',
    ]),
  },
  { method: 'POST', path: '/v1/transfers/:id/reversals', handler: createReversal },
  {
    method: 'GET',
    path: '/v1/transfers/:id/reversals',
    handler: (fake, req) => {
      req.params.allowOnly([...LIST_PARAMS]);
      const transfer = mustGet<Transfer>(fake, TRANSFER, req.path.id ?? '', req.info.account);
      const url = `/v1/transfers/${transfer.id}/reversals`;
      return fake.expand(paginate(reversalsOf(fake, transfer), req.params, url, 'transfer_reversal'), req.params.expand(), req.info.account);
    },
  },
  {
    method: 'GET',
    path: '/v1/transfers/:id/reversals/:reversal',
    handler: (fake, req) => {
      req.params.allowOnly(['expand']);
      return fake.expand(reversalOf(fake, req).reversal, req.params.expand(), req.info.account);
    },
  },
  {
    method: 'POST',
    path: '/v1/transfers/:id/reversals/:reversal',
    handler: (fake, req) => {
      // No event: Stripe has none for a reversal's metadata.
      req.params.allowOnly(['expand', 'metadata']);
      const { transfer, reversal } = reversalOf(fake, req);
      reversal.metadata = applyMetadata(reversal.metadata, req.params.metadata());
      embedReversals(fake, transfer);
      fake.store.changed();
      return fake.expand(reversal, req.params.expand(), req.info.account);
    },
  },
];
