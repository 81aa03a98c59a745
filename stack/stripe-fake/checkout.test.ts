// The payments flow end to end through the real SDK: a Checkout Session, the hosted page's Pay,
// Decline and delayed-payment buttons, the signed webhooks that follow, and the fee in the charge's
// balance transaction. Ports 29321–29323.
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStripeFake, type StripeFake } from './index.ts';
import { createSession, sdk, startReceiver, submitCheckout, type Receiver } from './test-support.ts';

const SECRET = 'whsec_checkout_test_secret';
let fake: StripeFake;
let stripe: Stripe;
let receiver: Receiver;
let clockMs = Date.now();

beforeAll(async () => {
  receiver = await startReceiver(29322, SECRET);
  fake = await startStripeFake({ port: 29321, webhookEndpoints: [{ url: receiver.url, secret: SECRET }], now: () => clockMs });
  stripe = sdk(fake.port);
});

afterAll(async () => {
  await fake.close();
  await receiver.close();
});

beforeEach(async () => {
  await fake.webhooksIdle();
  receiver.deliveries.length = 0;
  receiver.rejected.length = 0;
});

describe('Checkout Sessions', () => {
  it('creates a Stripe-shaped session whose url is the hosted page', async () => {
    const session = await createSession(stripe, {
      metadata: { payable_id: 'pay_1' },
      client_reference_id: 'lead_42',
      customer_email: 'client@example.com',
      payment_intent_data: { metadata: { payable_id: 'pay_1' }, description: 'Leak repair' },
    });
    expect(session).toMatchObject({
      object: 'checkout.session',
      livemode: false,
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
      amount_total: 10_000,
      currency: 'usd',
      client_reference_id: 'lead_42',
      customer_email: 'client@example.com',
      metadata: { payable_id: 'pay_1' },
      url: `${fake.url}/checkout/${session.id}`,
    });
    expect(session.id).toMatch(/^cs_test_[A-Za-z0-9]{58}$/);
    expect(session.created).toBe(Math.floor(clockMs / 1000));
    expect(session.expires_at).toBe(session.created + 24 * 3600);

    const again = await stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    expect(again.line_items?.data).toMatchObject([{ object: 'item', description: 'Consultation', quantity: 1, amount_total: 10_000 }]);
    const items = await stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data).toHaveLength(1);
    expect(items.url).toBe(`/v1/checkout/sessions/${session.id}/line_items`);
  });

  it('refuses what Stripe refuses, with its error shape', async () => {
    const noItems = createSession(stripe, { line_items: [] });
    await expect(noItems).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(noItems).rejects.toMatchObject({ code: 'parameter_missing', param: 'line_items', statusCode: 400 });
    await expect(
      createSession(stripe, { line_items: [{ price_data: { currency: 'usd', product_data: { name: 'x' } }, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: 'parameter_missing', param: 'line_items[0][price_data][unit_amount]' });
    await expect(createSession(stripe, { bogus: 1 } as never)).rejects.toMatchObject({ code: 'parameter_unknown', param: 'bogus' });
    await expect(createSession(stripe, { success_url: 'not a url' })).rejects.toMatchObject({ param: 'success_url' });
    await expect(createSession(stripe, { mode: 'subscription' })).rejects.toThrow(/only mode=payment/);
    await expect(stripe.checkout.sessions.retrieve('cs_test_missing')).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      message: "No such checkout.session: 'cs_test_missing'",
    });
  });

  it('serves an accessible hosted page with the amount and Pay and Decline buttons', async () => {
    const session = await createSession(stripe, { customer_email: 'client@example.com' });
    const res = await fetch(session.url ?? '');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Pay $100.00</h1>');
    expect(html).toMatch(/<button type="submit" class="primary">Pay \$100\.00<\/button>/);
    expect(html).toMatch(/formaction="[^"]+\/decline"/);
    expect(html).toContain('<label for="email">Email</label>');
    expect(html).toContain('value="client@example.com"');
  });

  it('Pay completes the session, creates the payment, charge and fee, redirects and sends verified webhooks', async () => {
    const session = await createSession(stripe, { payment_intent_data: { metadata: { payable_id: 'pay_2' } }, metadata: { payable_id: 'pay_2' } });
    const res = await submitCheckout(session.url ?? '', 'pay', 'client@example.com');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`http://127.0.0.1:5173/pay/done?session=${session.id}`);

    const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent.latest_charge.balance_transaction'] });
    expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid', url: null, customer_details: { email: 'client@example.com' } });
    const pi = paid.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({
      object: 'payment_intent',
      status: 'succeeded',
      amount: 10_000,
      amount_received: 10_000,
      metadata: { payable_id: 'pay_2' },
    });
    expect(pi.id).toMatch(/^pi_/);
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({ object: 'charge', status: 'succeeded', paid: true, captured: true, payment_intent: pi.id, amount_refunded: 0 });
    const txn = charge.balance_transaction as Stripe.BalanceTransaction;
    // 2.9% + 30 cents of $100.00.
    expect(txn).toMatchObject({ object: 'balance_transaction', amount: 10_000, fee: 320, net: 9_680, type: 'charge', source: charge.id });
    expect(txn.fee_details).toEqual([{ amount: 320, application: null, currency: 'usd', description: 'Stripe processing fees', type: 'stripe_fee' }]);
    expect(await stripe.balanceTransactions.retrieve(txn.id)).toMatchObject({ fee: 320 });

    await fake.webhooksIdle();
    expect(receiver.rejected).toEqual([]);
    expect(receiver.types()).toEqual(['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded', 'checkout.session.completed']);
    const completed = receiver.deliveries.find((d) => d.event.type === 'checkout.session.completed')?.event as Stripe.CheckoutSessionCompletedEvent;
    expect(completed.data.object).toMatchObject({ id: session.id, payment_status: 'paid', payment_intent: pi.id, metadata: { payable_id: 'pay_2' } });
    expect(completed).toMatchObject({
      object: 'event',
      livemode: false,
      api_version: Stripe.API_VERSION,
      request: { id: null, idempotency_key: null },
    });
    // Delivered events are counted down, as Stripe's pending_webhooks.
    expect(await stripe.events.retrieve(completed.id)).toMatchObject({ pending_webhooks: 0 });

    const again = await submitCheckout(session.url ?? '', 'pay');
    expect(again.status).toBe(409);
  });

  it('webhook signatures fail verification with a tampered body or another secret', async () => {
    const session = await createSession(stripe);
    await submitCheckout(session.url ?? '', 'pay');
    await fake.webhooksIdle();
    const { body, signature } = receiver.deliveries[0] ?? { body: '', signature: '' };
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    await expect(stripe.webhooks.constructEventAsync(body, signature, SECRET)).resolves.toMatchObject({ object: 'event' });
    await expect(
      stripe.webhooks.constructEventAsync(body.replace('"livemode": false', '"livemode": true'), signature, SECRET),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeSignatureVerificationError);
    await expect(stripe.webhooks.constructEventAsync(body, signature, 'whsec_other')).rejects.toBeInstanceOf(
      Stripe.errors.StripeSignatureVerificationError,
    );
    // The synchronous variant agrees under Node.
    expect(stripe.webhooks.constructEvent(body, signature, SECRET).id).toBe(JSON.parse(body).id);
  });

  it('Decline fails the payment, keeps the session open and redirects to cancel_url', async () => {
    const session = await createSession(stripe);
    const res = await submitCheckout(session.url ?? '', 'decline');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('http://127.0.0.1:5173/pay/cancelled');

    const after = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent.latest_charge'] });
    expect(after).toMatchObject({ status: 'open', payment_status: 'unpaid' });
    const pi = after.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' },
    });
    expect(pi.latest_charge).toMatchObject({ status: 'failed', paid: false, failure_code: 'card_declined', balance_transaction: null });
    await fake.webhooksIdle();
    expect(receiver.types()).toEqual(['payment_intent.created', 'charge.failed', 'payment_intent.payment_failed']);

    // The payer may try again on the same session, with the same PaymentIntent.
    await submitCheckout(session.url ?? '', 'pay');
    const paid = await stripe.checkout.sessions.retrieve(session.id);
    expect(paid).toMatchObject({ status: 'complete', payment_status: 'paid', payment_intent: pi.id });
  });

  it('an injected decline makes the Pay button decline', async () => {
    const session = await createSession(stripe);
    fake.control.failNext({ type: 'card_declined', path: '/checkout/*/pay', declineCode: 'insufficient_funds' });
    const res = await submitCheckout(session.url ?? '', 'pay');
    expect(res.headers.get('location')).toBe('http://127.0.0.1:5173/pay/cancelled');
    const after = await stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(after).toMatchObject({ status: 'open', payment_intent: { last_payment_error: { decline_code: 'insufficient_funds' } } });
  });

  it('a delayed payment method completes the session unpaid, then succeeds or fails asynchronously', async () => {
    const ok = await createSession(stripe);
    await submitCheckout(ok.url ?? '', 'pay-later');
    expect(await stripe.checkout.sessions.retrieve(ok.id)).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
    fake.control.settleAsync(ok.id, 'succeeded');
    expect(await stripe.checkout.sessions.retrieve(ok.id)).toMatchObject({ payment_status: 'paid' });

    const bad = await createSession(stripe);
    await submitCheckout(bad.url ?? '', 'pay-later');
    const res = await fetch(`${fake.url}/_fake/checkout/sessions/${bad.id}/settle`, { method: 'POST', body: JSON.stringify({ outcome: 'failed' }) });
    expect(res.status).toBe(200);
    const failed = await stripe.checkout.sessions.retrieve(bad.id, { expand: ['payment_intent'] });
    expect(failed).toMatchObject({ status: 'complete', payment_status: 'unpaid', payment_intent: { status: 'requires_payment_method' } });

    await fake.webhooksIdle();
    const types = receiver.types();
    expect(types.filter((t) => t.startsWith('checkout.session.'))).toEqual([
      'checkout.session.completed',
      'checkout.session.async_payment_succeeded',
      'checkout.session.completed',
      'checkout.session.async_payment_failed',
    ]);
    expect(types).toContain('payment_intent.processing');
    expect(types).toContain('payment_intent.payment_failed');
  });

  it('expires sessions on request and at expires_at, cancelling a declined attempt', async () => {
    const a = await createSession(stripe);
    const expired = await stripe.checkout.sessions.expire(a.id);
    expect(expired).toMatchObject({ status: 'expired', url: null });
    await expect(stripe.checkout.sessions.expire(a.id)).rejects.toThrow(/status of expired/);
    expect(await (await fetch(a.url ?? '')).text()).toContain('This checkout has expired');

    const b = await createSession(stripe, { expires_at: Math.floor(clockMs / 1000) + 1800 });
    await submitCheckout(b.url ?? '', 'decline');
    clockMs += 1801 * 1000;
    const later = await stripe.checkout.sessions.retrieve(b.id, { expand: ['payment_intent'] });
    expect(later).toMatchObject({ status: 'expired', payment_intent: { status: 'canceled', cancellation_reason: 'abandoned' } });
    await fake.webhooksIdle();
    expect(receiver.types()).toContain('checkout.session.expired');
    expect(receiver.types()).toContain('payment_intent.canceled');
  });

  it('points session urls at checkoutBaseUrl when the pages are reached through a proxy', async () => {
    const proxied = await startStripeFake({ port: 29323, checkoutBaseUrl: 'http://127.0.0.1:54321/stripe/' });
    try {
      const session = await createSession(sdk(proxied.port));
      expect(session.url).toBe(`http://127.0.0.1:54321/stripe/checkout/${session.id}`);
      const html = await (await fetch(`${proxied.url}/checkout/${session.id}`)).text();
      // Relative form actions keep working under the proxy's prefix.
      expect(html).toContain(`action="${session.id}/pay"`);
    } finally {
      await proxied.close();
    }
  });

  it('lists sessions by payment_intent and status', async () => {
    const session = await createSession(stripe);
    await submitCheckout(session.url ?? '', 'pay');
    const { payment_intent: pi } = await stripe.checkout.sessions.retrieve(session.id);
    const byPi = await stripe.checkout.sessions.list({ payment_intent: String(pi) });
    expect(byPi.data.map((s) => s.id)).toEqual([session.id]);
    const open = await stripe.checkout.sessions.list({ status: 'open', limit: 100 });
    expect(open.data.every((s) => s.status === 'open')).toBe(true);
    const charges = await stripe.charges.list({ payment_intent: String(pi) });
    expect(charges.data).toHaveLength(1);
    expect(charges.data[0]?.receipt_url).toBe(`${fake.url}/receipts/${charges.data[0]?.id}`);
    const receipt = await fetch(charges.data[0]?.receipt_url ?? '');
    expect(await receipt.text()).toContain('$100.00');
  });
});
