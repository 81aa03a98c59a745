// PaymentIntents, Charges and PaymentMethods as Checkout leaves them behind. Only Checkout creates
// them here (the API offers retrieve and list), so the builders take what a Checkout Session knows.
// A successful charge carries a balance transaction with the processing fee; a declined one carries
// Stripe's decline outcome and no money movement.
import type { FakeContext, RequestInfo } from '../fake-context.ts';
import { newId, PREFIX, randomBase62 } from '../ids.ts';
import { processingFee } from '../money.ts';
import type { Metadata } from '../params.ts';
import type { ApiRoute } from '../router.ts';
import type { StripeObject } from '../store.ts';
import { recordBalanceTransaction } from './balance.ts';
import { equals, listHandler, retrieveHandler, type ObjectKind } from './common.ts';

export const PAYMENT_INTENT: ObjectKind = { object: 'payment_intent', param: 'intent', url: '/v1/payment_intents' };
export const CHARGE: ObjectKind = { object: 'charge', param: 'charge', url: '/v1/charges' };

export type PaymentMethodKind = 'card' | 'declined_card' | 'bank_debit';

export interface PaymentIntent extends StripeObject {
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: 'requires_payment_method' | 'processing' | 'succeeded' | 'canceled';
  latest_charge: string | null;
  payment_method: string | null;
  last_payment_error: Record<string, unknown> | null;
  metadata: Metadata;
  canceled_at: number | null;
  cancellation_reason: string | null;
}

export interface Charge extends StripeObject {
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  balance_transaction: string | null;
  currency: string;
  paid: boolean;
  captured: boolean;
  refunded: boolean;
  status: 'succeeded' | 'pending' | 'failed';
  payment_intent: string | null;
  failure_code: string | null;
  failure_message: string | null;
  outcome: Record<string, unknown> | null;
  metadata: Metadata;
}

/** What a PaymentIntent inherits from the Checkout Session's `payment_intent_data`. */
export interface PaymentIntentData {
  description: string | null;
  metadata: Metadata;
  receipt_email: string | null;
  statement_descriptor: string | null;
  statement_descriptor_suffix: string | null;
  transfer_group: string | null;
}

const TEST_CARD = { brand: 'visa', last4: '4242', funding: 'credit' };
// Stripe's "generic decline" test card, 4000 0000 0000 0002.
const DECLINED_CARD = { brand: 'visa', last4: '0002', funding: 'credit' };
const TEST_BANK = { bank_name: 'STRIPE TEST BANK', last4: '6789', routing_number: '110000000' };

function cardDetails(card: typeof TEST_CARD, fake: FakeContext) {
  const expYear = new Date(fake.now() * 1000).getUTCFullYear() + 3;
  return {
    brand: card.brand,
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
    country: 'US',
    display_brand: card.brand,
    exp_month: 12,
    exp_year: expYear,
    fingerprint: randomBase62(16),
    funding: card.funding,
    last4: card.last4,
    networks: { available: [card.brand], preferred: null },
    wallet: null,
  };
}

export function createPaymentMethod(fake: FakeContext, account: string | null, kind: PaymentMethodKind, email: string | null): StripeObject {
  const type = kind === 'bank_debit' ? 'us_bank_account' : 'card';
  const details =
    kind === 'bank_debit'
      ? { us_bank_account: { account_holder_type: 'individual', account_type: 'checking', ...TEST_BANK, fingerprint: randomBase62(16) } }
      : { card: cardDetails(kind === 'card' ? TEST_CARD : DECLINED_CARD, fake) };
  return fake.store.insert(
    {
      id: newId(PREFIX.paymentMethod),
      object: 'payment_method',
      allow_redisplay: 'unspecified',
      billing_details: { address: null, email, name: null, phone: null, tax_id: null },
      created: fake.now(),
      customer: null,
      livemode: false,
      metadata: {},
      type,
      ...details,
    },
    account,
  );
}

export function createPaymentIntent(
  fake: FakeContext,
  info: RequestInfo,
  o: { amount: number; currency: string; data: PaymentIntentData; methodTypes: string[] },
): PaymentIntent {
  const id = newId(PREFIX.paymentIntent);
  const pi = fake.store.insert<PaymentIntent>(
    {
      id,
      object: 'payment_intent',
      amount: o.amount,
      amount_capturable: 0,
      amount_details: { tip: {} },
      amount_received: 0,
      application: null,
      application_fee_amount: null,
      automatic_payment_methods: null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic_async',
      client_secret: `${id}_secret_${randomBase62(25)}`,
      confirmation_method: 'automatic',
      created: fake.now(),
      currency: o.currency,
      customer: null,
      description: o.data.description,
      excluded_payment_method_types: null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: { ...o.data.metadata },
      next_action: null,
      on_behalf_of: null,
      payment_method: null,
      payment_method_configuration_details: null,
      payment_method_options: {},
      payment_method_types: o.methodTypes,
      processing: null,
      receipt_email: o.data.receipt_email,
      review: null,
      setup_future_usage: null,
      shipping: null,
      source: null,
      statement_descriptor: o.data.statement_descriptor,
      statement_descriptor_suffix: o.data.statement_descriptor_suffix,
      status: 'requires_payment_method',
      transfer_data: null,
      transfer_group: o.data.transfer_group,
    },
    info.account,
  );
  fake.emit('payment_intent.created', pi, info);
  return pi;
}

const APPROVED = {
  advice_code: null,
  network_advice_code: null,
  network_decline_code: null,
  network_status: 'approved_by_network',
  reason: null,
  risk_level: 'normal',
  risk_score: 20,
  seller_message: 'Payment complete.',
  type: 'authorized',
};

function declinedOutcome(declineCode: string) {
  return {
    ...APPROVED,
    network_status: 'declined_by_network',
    reason: declineCode,
    seller_message: 'The bank did not return any further details with this decline.',
    type: 'issuer_declined',
  };
}

export type ChargeResult =
  { status: 'succeeded' } | { status: 'pending' } | { status: 'failed'; failureCode: string; failureMessage: string; declineCode?: string };

export function createCharge(fake: FakeContext, info: RequestInfo, pi: PaymentIntent, pm: StripeObject, result: ChargeResult): Charge {
  const id = newId(PREFIX.charge);
  const methodType = String(pm.type);
  const charge = fake.store.insert<Charge>(
    {
      id,
      object: 'charge',
      amount: pi.amount,
      amount_captured: 0,
      amount_refunded: 0,
      application: null,
      application_fee: null,
      application_fee_amount: null,
      balance_transaction: null,
      billing_details: pm.billing_details,
      calculated_statement_descriptor: 'STRIPE FAKE',
      captured: false,
      created: fake.now(),
      currency: pi.currency,
      customer: null,
      description: pi.description,
      disputed: false,
      failure_balance_transaction: null,
      failure_code: null,
      failure_message: null,
      fraud_details: {},
      livemode: false,
      metadata: { ...pi.metadata },
      on_behalf_of: null,
      outcome: null,
      paid: false,
      payment_intent: pi.id,
      payment_method: pm.id,
      payment_method_details: { type: methodType, [methodType]: pm[methodType] },
      receipt_email: pi.receipt_email,
      receipt_number: null,
      receipt_url: `${fake.publicUrl()}/receipts/${id}`,
      refunded: false,
      review: null,
      shipping: null,
      source: null,
      source_transfer: null,
      statement_descriptor: pi.statement_descriptor,
      statement_descriptor_suffix: pi.statement_descriptor_suffix,
      status: 'pending',
      transfer_data: null,
      transfer_group: pi.transfer_group,
    },
    info.account,
  );
  if (result.status === 'succeeded') captureCharge(fake, info, charge);
  else if (result.status === 'pending') fake.emit('charge.pending', charge, info);
  else failCharge(fake, info, charge, result);
  return charge;
}

/** Money arrives: the charge succeeds and its balance transaction records the fee. */
export function captureCharge(fake: FakeContext, info: RequestInfo, charge: Charge): void {
  const fee = processingFee(charge.amount, fake.fees);
  const txn = recordBalanceTransaction(fake, info.account, {
    amount: charge.amount,
    currency: charge.currency,
    type: 'charge',
    reportingCategory: 'charge',
    source: charge.id,
    description: (charge.description as string | null) ?? null,
    fee,
  });
  Object.assign(charge, {
    amount_captured: charge.amount,
    balance_transaction: txn.id,
    captured: true,
    outcome: APPROVED,
    paid: true,
    status: 'succeeded',
  });
  fake.store.changed();
  fake.emit('charge.succeeded', charge, info);
}

export function failCharge(
  fake: FakeContext,
  info: RequestInfo,
  charge: Charge,
  r: { failureCode: string; failureMessage: string; declineCode?: string },
): void {
  Object.assign(charge, {
    failure_code: r.failureCode,
    failure_message: r.failureMessage,
    outcome: declinedOutcome(r.declineCode ?? r.failureCode),
    status: 'failed',
  });
  fake.store.changed();
  fake.emit('charge.failed', charge, info);
}

export const paymentRoutes: ApiRoute[] = [
  { method: 'GET', path: '/v1/payment_intents/:id', handler: retrieveHandler(PAYMENT_INTENT) },
  {
    method: 'GET',
    path: '/v1/payment_intents',
    handler: listHandler<PaymentIntent>(PAYMENT_INTENT, { customer: equals('customer') }),
  },
  { method: 'GET', path: '/v1/charges/:id', handler: retrieveHandler(CHARGE) },
  {
    method: 'GET',
    path: '/v1/charges',
    handler: listHandler<Charge>(CHARGE, {
      customer: equals('customer'),
      payment_intent: equals('payment_intent'),
      transfer_group: equals('transfer_group'),
    }),
  },
];
