// What happens when the payer acts on the hosted Checkout page (or a test does the same through the
// control API). The objects and events follow Stripe's for each outcome:
//
// - pay by card: PaymentIntent succeeded, Charge succeeded with a fee-bearing balance transaction,
//   session complete/paid; events payment_intent.created, charge.succeeded,
//   payment_intent.succeeded, checkout.session.completed.
// - decline: PaymentIntent back to requires_payment_method with last_payment_error, a failed
//   Charge; events charge.failed and payment_intent.payment_failed. The session stays open (the
//   payer may try again) until it expires.
// - pay by a delayed method (bank debit): session complete but unpaid, PaymentIntent processing;
//   later settleAsyncPayment succeeds (checkout.session.async_payment_succeeded) or fails
//   (checkout.session.async_payment_failed).
import { invalidRequest, noSuchObject } from '../errors.ts';
import { automatic, type FakeContext, type RequestInfo } from '../fake-context.ts';
import type { StripeObject } from '../store.ts';
import { CHECKOUT_SESSION, sessionInternal, sweepExpiredSessions, type CheckoutSession } from './checkout-sessions.ts';
import {
  captureCharge,
  createCharge,
  createPaymentIntent,
  createPaymentMethod,
  failCharge,
  type Charge,
  type PaymentIntent,
  type PaymentMethodKind,
} from './payments.ts';

export const DEFAULT_PAYER_EMAIL = 'payer@example.com';

export interface PayerInput {
  /** The email the payer typed; defaults to the session's customer_email. */
  email?: string;
}

/** A session found from a hosted page, whatever account it belongs to (the page carries no API key). */
export function findSession(fake: FakeContext, id: string): { session: CheckoutSession; account: string | null } {
  sweepExpiredSessions(fake);
  const entry = fake.store.entry(id);
  if (!entry || entry.obj.object !== CHECKOUT_SESSION.object) throw noSuchObject(CHECKOUT_SESSION.object, id, 'session');
  return { session: entry.obj as CheckoutSession, account: entry.account };
}

function requireOpen(session: CheckoutSession): void {
  if (session.status !== 'open') {
    throw invalidRequest(`This Checkout Session is ${session.status === 'complete' ? 'already complete' : 'expired'}.`, {
      code: 'checkout_session_not_open',
      param: 'session',
    });
  }
}

function payerEmail(session: CheckoutSession, input: PayerInput): string {
  const typed = input.email?.trim();
  return typed || session.customer_email || DEFAULT_PAYER_EMAIL;
}

/** The session's PaymentIntent, created at the first attempt and reused by the next ones. */
function intentFor(fake: FakeContext, info: RequestInfo, session: CheckoutSession, methodType: string): PaymentIntent {
  if (session.payment_intent) {
    const existing = fake.store.get<PaymentIntent>(session.payment_intent, info.account, 'payment_intent');
    if (existing) return existing;
  }
  const pi = createPaymentIntent(fake, info, {
    amount: session.amount_total,
    currency: session.currency,
    data: sessionInternal(fake, session.id).paymentIntentData,
    methodTypes: [methodType],
  });
  session.payment_intent = pi.id;
  return pi;
}

function attempt(fake: FakeContext, sessionId: string, input: PayerInput, kind: PaymentMethodKind) {
  const { session, account } = findSession(fake, sessionId);
  requireOpen(session);
  const info = automatic(account);
  const email = payerEmail(session, input);
  const pm = createPaymentMethod(fake, account, kind, email);
  const pi = intentFor(fake, info, session, String(pm.type));
  return { session, info, email, pm, pi };
}

function complete(fake: FakeContext, info: RequestInfo, session: CheckoutSession, email: string, paid: boolean): void {
  Object.assign(session, {
    customer_details: { address: null, email, name: null, phone: null, tax_exempt: 'none', tax_ids: [] },
    payment_status: paid ? 'paid' : 'unpaid',
    status: 'complete',
    url: null,
  });
  fake.store.changed();
  fake.emit('checkout.session.completed', session, info);
}

export function payCheckoutSession(fake: FakeContext, sessionId: string, input: PayerInput = {}): CheckoutSession {
  const { session, info, email, pm, pi } = attempt(fake, sessionId, input, 'card');
  const charge = createCharge(fake, info, pi, pm, { status: 'succeeded' });
  Object.assign(pi, {
    amount_received: pi.amount,
    last_payment_error: null,
    latest_charge: charge.id,
    payment_method: pm.id,
    payment_method_types: ['card'],
    status: 'succeeded',
  });
  fake.emit('payment_intent.succeeded', pi, info);
  complete(fake, info, session, email, true);
  return session;
}

export function declineCheckoutSession(fake: FakeContext, sessionId: string, input: PayerInput & { declineCode?: string } = {}): CheckoutSession {
  const { session, info, pm, pi } = attempt(fake, sessionId, input, 'declined_card');
  const declineCode = input.declineCode ?? 'generic_decline';
  const charge = createCharge(fake, info, pi, pm, {
    status: 'failed',
    failureCode: 'card_declined',
    failureMessage: 'Your card was declined.',
    declineCode,
  });
  Object.assign(pi, {
    last_payment_error: {
      charge: charge.id,
      code: 'card_declined',
      decline_code: declineCode,
      doc_url: 'https://stripe.com/docs/error-codes/card-declined',
      message: 'Your card was declined.',
      payment_method: structuredClone(pm),
      type: 'card_error',
    },
    latest_charge: charge.id,
    payment_method: null,
    status: 'requires_payment_method',
  });
  fake.store.changed();
  fake.emit('payment_intent.payment_failed', pi, info);
  return session;
}

export function payCheckoutSessionLater(fake: FakeContext, sessionId: string, input: PayerInput = {}): CheckoutSession {
  const { session, info, email, pm, pi } = attempt(fake, sessionId, input, 'bank_debit');
  const charge = createCharge(fake, info, pi, pm, { status: 'pending' });
  Object.assign(pi, {
    last_payment_error: null,
    latest_charge: charge.id,
    payment_method: pm.id,
    payment_method_types: [pm.type],
    status: 'processing',
  });
  fake.emit('payment_intent.processing', pi, info);
  complete(fake, info, session, email, false);
  return session;
}

/** The bank debit of a session paid "later" clears or bounces. */
export function settleAsyncPayment(fake: FakeContext, sessionId: string, outcome: 'succeeded' | 'failed'): CheckoutSession {
  const { session, account } = findSession(fake, sessionId);
  const info = automatic(account);
  const pi = session.payment_intent ? fake.store.get<PaymentIntent>(session.payment_intent, account, 'payment_intent') : undefined;
  if (session.status !== 'complete' || session.payment_status !== 'unpaid' || !pi || pi.status !== 'processing') {
    throw invalidRequest(`Checkout Session ${session.id} has no delayed payment waiting to settle.`, { param: 'session' });
  }
  const charge = fake.store.get<Charge>(pi.latest_charge ?? '', account, 'charge') as Charge;
  if (outcome === 'succeeded') {
    captureCharge(fake, info, charge);
    Object.assign(pi, { amount_received: pi.amount, status: 'succeeded' });
    fake.emit('payment_intent.succeeded', pi, info);
    session.payment_status = 'paid';
    fake.store.changed();
    fake.emit('checkout.session.async_payment_succeeded', session, info);
  } else {
    failCharge(fake, info, charge, {
      failureCode: 'insufficient_funds',
      failureMessage: 'The account has insufficient funds to cover this payment.',
    });
    Object.assign(pi, {
      last_payment_error: {
        charge: charge.id,
        code: 'payment_method_provider_decline',
        message: 'The account has insufficient funds to cover this payment.',
        payment_method: structuredClone(fake.store.get(String(charge.payment_method), account) as StripeObject),
        type: 'invalid_request_error',
      },
      payment_method: null,
      status: 'requires_payment_method',
    });
    fake.store.changed();
    fake.emit('payment_intent.payment_failed', pi, info);
    fake.emit('checkout.session.async_payment_failed', session, info);
  }
  return session;
}
