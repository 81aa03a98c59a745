// Refunds of a charge (named directly or through its PaymentIntent), whole or partial, never more
// than what is left unrefunded. A refund succeeds at once with a negative balance transaction (no
// fee is returned, as in Stripe) and emits refund.created and charge.refunded; updating its
// metadata emits refund.updated; the control API can make it fail later (refund.updated and
// refund.failed, the money returned to the balance), as a card refund to a closed account does.
// A charge with an open or lost dispute cannot be refunded (charge_disputed).
import { invalidRequest } from '../errors.ts';
import type { FakeContext, RequestInfo } from '../fake-context.ts';
import { newId, PREFIX } from '../ids.ts';
import { formatAmount } from '../money.ts';
import { applyMetadata, type Metadata } from '../params.ts';
import type { ApiRequest, ApiRoute } from '../router.ts';
import type { StripeObject } from '../store.ts';
import { recordBalanceTransaction } from './balance.ts';
import { equals, listHandler, mustGet, retrieveHandler, type ObjectKind } from './common.ts';
import { disputeOf } from './disputes.ts';
import { CHARGE, PAYMENT_INTENT, type Charge, type PaymentIntent } from './payments.ts';

export const REFUND: ObjectKind = { object: 'refund', param: 'refund', url: '/v1/refunds' };

export interface Refund extends StripeObject {
  object: 'refund';
  amount: number;
  charge: string;
  currency: string;
  metadata: Metadata;
  payment_intent: string | null;
  status: 'succeeded' | 'failed' | 'pending' | 'canceled';
}

function chargeToRefund(fake: FakeContext, req: ApiRequest): Charge {
  const { params, info } = req;
  const chargeId = params.string('charge');
  const piId = params.string('payment_intent');
  if (!chargeId && !piId) {
    throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.', {
      code: 'parameter_missing',
      param: 'charge',
    });
  }
  if (chargeId) {
    const charge = mustGet<Charge>(fake, CHARGE, chargeId, info.account, 'charge');
    if (piId && charge.payment_intent !== piId) {
      throw invalidRequest(`Charge ${chargeId} does not belong to PaymentIntent ${piId}.`, { param: 'payment_intent' });
    }
    return charge;
  }
  const pi = mustGet<PaymentIntent>(fake, PAYMENT_INTENT, piId ?? '', info.account, 'payment_intent');
  const charge = pi.status === 'succeeded' && pi.latest_charge ? fake.store.get<Charge>(pi.latest_charge, info.account, 'charge') : undefined;
  if (!charge) {
    throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, { param: 'payment_intent' });
  }
  return charge;
}

function create(fake: FakeContext, req: ApiRequest): unknown {
  const { params, info } = req;
  params.allowOnly([
    'amount',
    'charge',
    'currency',
    'customer',
    'expand',
    'instructions_email',
    'metadata',
    'origin',
    'payment_intent',
    'reason',
    'refund_application_fee',
    'reverse_transfer',
  ]);
  params.refuse(['currency', 'customer', 'instructions_email', 'origin', 'refund_application_fee', 'reverse_transfer']);
  const charge = chargeToRefund(fake, req);
  if (charge.status !== 'succeeded') {
    throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, { code: 'charge_not_refundable', param: 'charge' });
  }
  // A chargeback already returned the money to the cardholder; a refund would pay them twice.
  const dispute = disputeOf(fake, charge, info.account);
  if (dispute && dispute.status !== 'won') {
    throw invalidRequest(`Charge ${charge.id} has been charged back; cannot issue a refund.`, { code: 'charge_disputed', param: 'charge' });
  }
  const left = charge.amount - charge.amount_refunded;
  if (left <= 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded', param: 'charge' });
  const amount = params.int('amount', { min: 1 }) ?? left;
  if (amount > left) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(left, charge.currency)})`,
      { code: 'amount_too_large', param: 'amount' },
    );
  }
  const reason = params.oneOf('reason', ['duplicate', 'fraudulent', 'requested_by_customer']) ?? null;
  const metadata = (params.metadata() || {}) as Metadata;
  const id = newId(PREFIX.refund);
  const txn = recordBalanceTransaction(fake, info.account, {
    amount: -amount,
    currency: charge.currency,
    type: 'refund',
    reportingCategory: 'refund',
    source: id,
    description: 'REFUND FOR CHARGE',
  });
  const refund = fake.store.insert<Refund>(
    {
      id,
      object: 'refund',
      amount,
      balance_transaction: txn.id,
      charge: charge.id,
      created: fake.now(),
      currency: charge.currency,
      destination_details: { card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' }, type: 'card' },
      metadata,
      payment_intent: charge.payment_intent,
      payment_method: charge.payment_method,
      reason,
      receipt_number: null,
      source_transfer_reversal: null,
      status: 'succeeded',
      transfer_reversal: null,
    },
    info.account,
  );
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  fake.store.changed();
  fake.emit('refund.created', refund, info);
  fake.emit('charge.refunded', charge, info, previous);
  return fake.expand(refund, params.expand(), info.account);
}

/** A refund the bank could not deliver: the money comes back to the balance and the charge is refundable again. */
export function failRefund(fake: FakeContext, refundId: string, failureReason = 'expired_or_canceled_card'): Refund {
  const entry = fake.store.entry(refundId);
  if (!entry || entry.obj.object !== 'refund')
    throw invalidRequest(`No such refund: '${refundId}'`, { code: 'resource_missing', param: 'refund' }, 404);
  const refund = entry.obj as Refund;
  if (refund.status !== 'succeeded' && refund.status !== 'pending') {
    throw invalidRequest(`Refund ${refundId} has status ${refund.status} and cannot fail.`, { param: 'refund' });
  }
  const info: RequestInfo = { account: entry.account, requestId: null, idempotencyKey: null };
  const txn = recordBalanceTransaction(fake, entry.account, {
    amount: refund.amount,
    currency: refund.currency,
    type: 'refund_failure',
    reportingCategory: 'refund_failure',
    source: refund.id,
    description: 'REFUND FAILURE',
  });
  const previousStatus = refund.status;
  Object.assign(refund, { status: 'failed', failure_reason: failureReason, failure_balance_transaction: txn.id });
  const charge = fake.store.get<Charge>(refund.charge, entry.account, 'charge');
  if (charge) {
    charge.amount_refunded -= refund.amount;
    charge.refunded = false;
  }
  fake.store.changed();
  fake.emit('refund.updated', refund, info, { status: previousStatus });
  fake.emit('refund.failed', refund, info);
  return refund;
}

export const refundRoutes: ApiRoute[] = [
  { method: 'POST', path: '/v1/refunds', handler: create },
  { method: 'GET', path: '/v1/refunds/:id', handler: retrieveHandler(REFUND) },
  {
    method: 'POST',
    path: '/v1/refunds/:id',
    handler: (fake, req) => {
      req.params.allowOnly(['expand', 'metadata']);
      const refund = mustGet<Refund>(fake, REFUND, req.path.id ?? '', req.info.account);
      const previous = { metadata: refund.metadata };
      refund.metadata = applyMetadata(refund.metadata, req.params.metadata());
      fake.store.changed();
      fake.emit('refund.updated', refund, req.info, previous);
      return fake.expand(refund, req.params.expand(), req.info.account);
    },
  },
  {
    method: 'GET',
    path: '/v1/refunds',
    handler: listHandler<Refund>(REFUND, { charge: equals('charge'), payment_intent: equals('payment_intent') }),
  },
];
