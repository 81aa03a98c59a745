// What Stripe does in front of and around every endpoint, seen through the real SDK: keys,
// idempotent replays, lists and pagination, expansion, refunds, and injected failures mapping onto
// the SDK's error classes. Ports 29331–29332.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_VERSION, startStripeFake, type StripeFake } from './index.ts';
import { createSession, sdk, TEST_KEY } from './test-support.ts';

let fake: StripeFake;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startStripeFake({ port: 29331, log: () => {} });
  stripe = sdk(fake.port);
});

afterAll(() => fake.close());

async function paidSession(amount = 10_000) {
  const session = await createSession(stripe, {
    line_items: [{ price_data: { currency: 'usd', unit_amount: amount, product_data: { name: 'Job' } }, quantity: 1 }],
  });
  fake.control.pay(session.id);
  const pi = await stripe.paymentIntents.retrieve(String((await stripe.checkout.sessions.retrieve(session.id)).payment_intent));
  return { session, pi, chargeId: String(pi.latest_charge) };
}

describe('keys', () => {
  it("answers a missing, wrong, publishable or live key with Stripe's 401", async () => {
    const res = await fetch(`${fake.url}/v1/balance`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { type: 'invalid_request_error', message: expect.stringMatching(/^You did not provide an API key/) } });
    for (const key of ['sk_test_bad key', 'pk_test_123', 'sk_live_123']) {
      await expect(
        new Stripe(key, { host: '127.0.0.1', port: fake.port, protocol: 'http', maxNetworkRetries: 0 }).balance.retrieve(),
      ).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    }
  });

  it('accepts only the configured key when one is given', async () => {
    const strict = await startStripeFake({ port: 29332, apiKey: 'sk_test_only_this' });
    try {
      await expect(sdk(strict.port).balance.retrieve()).rejects.toMatchObject({
        statusCode: 401,
        message: expect.stringMatching(/^Invalid API Key provided: sk_test_\*+fake$/),
      });
      const ok = new Stripe('sk_test_only_this', { host: '127.0.0.1', port: strict.port, protocol: 'http', maxNetworkRetries: 0 });
      await expect(ok.balance.retrieve()).resolves.toMatchObject({ object: 'balance' });
    } finally {
      await strict.close();
    }
  });

  it('answers an unknown URL with Stripe 404 and keeps its default api_version in step with the SDK', async () => {
    await expect(stripe.rawRequest('GET', '/v1/customers_nope')).rejects.toMatchObject({
      statusCode: 404,
      message: expect.stringMatching(/^Unrecognized request URL/),
    });
    expect(DEFAULT_API_VERSION).toBe(Stripe.API_VERSION);
  });
});

describe('idempotency', () => {
  it('replays the first response for the same key and parameters', async () => {
    const key = `idem-${Date.now()}`;
    const first = await createSession(stripe, { metadata: { n: '1' } }, { idempotencyKey: key });
    const second = await createSession(stripe, { metadata: { n: '1' } }, { idempotencyKey: key });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await stripe.checkout.sessions.list({ limit: 100 })).data.filter((s) => s.id === first.id)).toHaveLength(1);
  });

  it('refuses the same key with other parameters or on another endpoint (idempotency_error)', async () => {
    const key = `idem-mismatch-${Date.now()}`;
    await createSession(stripe, { metadata: { n: '1' } }, { idempotencyKey: key });
    const other = createSession(stripe, { metadata: { n: '2' } }, { idempotencyKey: key });
    await expect(other).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    await expect(other).rejects.toMatchObject({ statusCode: 400, rawType: 'idempotency_error', message: expect.stringMatching(/same parameters/) });
    await expect(stripe.refunds.create({ charge: 'ch_x' }, { idempotencyKey: key })).rejects.toMatchObject({
      rawType: 'idempotency_error',
      message: expect.stringMatching(/same endpoint/),
    });
  });

  it('does not keep validation errors, so the key can be used again once the request is fixed', async () => {
    const key = `idem-invalid-${Date.now()}`;
    await expect(createSession(stripe, { line_items: [] }, { idempotencyKey: key })).rejects.toMatchObject({ code: 'parameter_missing' });
    await expect(createSession(stripe, {}, { idempotencyKey: key })).resolves.toMatchObject({ status: 'open' });
  });

  it('makes refunds idempotent', async () => {
    const { pi, chargeId } = await paidSession();
    const key = `refund-${pi.id}`;
    const a = await stripe.refunds.create({ payment_intent: pi.id, amount: 2_500 }, { idempotencyKey: key });
    const b = await stripe.refunds.create({ payment_intent: pi.id, amount: 2_500 }, { idempotencyKey: key });
    expect(b.id).toBe(a.id);
    expect(await stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 2_500, refunded: false });
  });
});

describe('refunds', () => {
  it('refunds partially then fully, with a negative balance transaction, and never more than what is left', async () => {
    const { pi, chargeId } = await paidSession(5_000);
    const partial = await stripe.refunds.create({ charge: chargeId, amount: 1_000, reason: 'requested_by_customer', metadata: { why: 'late' } });
    expect(partial).toMatchObject({
      object: 'refund',
      status: 'succeeded',
      amount: 1_000,
      charge: chargeId,
      payment_intent: pi.id,
      metadata: { why: 'late' },
    });
    expect(await stripe.balanceTransactions.retrieve(String(partial.balance_transaction))).toMatchObject({
      amount: -1_000,
      fee: 0,
      net: -1_000,
      type: 'refund',
    });
    await expect(stripe.refunds.create({ charge: chargeId, amount: 4_001 })).rejects.toMatchObject({ code: 'amount_too_large', param: 'amount' });
    const rest = await stripe.refunds.create({ payment_intent: pi.id });
    expect(rest.amount).toBe(4_000);
    expect(await stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 5_000, refunded: true });
    await expect(stripe.refunds.create({ charge: chargeId })).rejects.toMatchObject({ code: 'charge_already_refunded' });

    const list = await stripe.refunds.list({ payment_intent: pi.id });
    expect(list.data.map((r) => r.id)).toEqual([rest.id, partial.id]);
    const updated = await stripe.refunds.update(partial.id, { metadata: { why: '', ticket: '7' } });
    expect(updated.metadata).toEqual({ ticket: '7' });

    const failed = fake.control.failRefund(rest.id);
    expect(failed).toMatchObject({ status: 'failed', failure_reason: 'expired_or_canceled_card' });
    expect(await stripe.charges.retrieve(chargeId)).toMatchObject({ amount_refunded: 1_000, refunded: false });
    const events = await stripe.events.list({ types: ['refund.created', 'refund.updated', 'refund.failed', 'charge.refunded'], limit: 100 });
    expect(events.data.filter((e) => (e.data.object as { id: string }).id === rest.id).map((e) => e.type)).toEqual([
      'refund.failed',
      'refund.updated',
      'refund.created',
    ]);
  });

  it('refuses a PaymentIntent without a successful charge', async () => {
    const session = await createSession(stripe);
    fake.control.decline(session.id);
    const { payment_intent: pi } = await stripe.checkout.sessions.retrieve(session.id);
    await expect(stripe.refunds.create({ payment_intent: String(pi) })).rejects.toThrow(/does not have a successful charge/);
  });
});

describe('lists', () => {
  it('paginate newest first with limit, starting_after, ending_before, has_more and url', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createSession(stripe, { metadata: { page: String(i) } })).id);
    const newestFirst = [...ids].reverse();
    const all = (await stripe.checkout.sessions.list({ limit: 100 })).data.map((s) => s.id).filter((id) => ids.includes(id));
    expect(all).toEqual(newestFirst);

    const page1 = await stripe.checkout.sessions.list({ limit: 2 });
    expect(page1).toMatchObject({ object: 'list', has_more: true, url: '/v1/checkout/sessions' });
    expect(page1.data.map((s) => s.id)).toEqual(newestFirst.slice(0, 2));
    const page2 = await stripe.checkout.sessions.list({ limit: 2, starting_after: page1.data[1]?.id });
    expect(page2.data.map((s) => s.id)).toEqual(newestFirst.slice(2, 4));
    const back = await stripe.checkout.sessions.list({ limit: 2, ending_before: page2.data[0]?.id });
    expect(back.data.map((s) => s.id)).toEqual(newestFirst.slice(0, 2));
    expect(back.has_more).toBe(false);

    const seen: string[] = [];
    for await (const s of stripe.checkout.sessions.list({ limit: 2 })) seen.push(s.id);
    expect(seen.filter((id) => ids.includes(id))).toEqual(newestFirst);

    await expect(stripe.checkout.sessions.list({ limit: 101 })).rejects.toMatchObject({ param: 'limit' });
    await expect(stripe.checkout.sessions.list({ starting_after: 'cs_test_nope' })).rejects.toMatchObject({ param: 'starting_after' });
  });

  it('filter by created ranges and event types', async () => {
    const now = Math.floor(Date.now() / 1000);
    const { pi } = await paidSession();
    expect((await stripe.paymentIntents.list({ created: { gte: now - 5 }, limit: 100 })).data.map((p) => p.id)).toContain(pi.id);
    expect((await stripe.paymentIntents.list({ created: { lt: now - 3600 } })).data).toEqual([]);
    const succeeded = await stripe.events.list({ type: 'payment_intent.succeeded', limit: 100 });
    expect(succeeded.data.length).toBeGreaterThan(0);
    expect(succeeded.data.every((e) => e.type === 'payment_intent.succeeded')).toBe(true);
    const wildcard = await stripe.events.list({ type: 'charge.*', limit: 100 });
    expect(wildcard.data.every((e) => e.type.startsWith('charge.'))).toBe(true);
  });
});

describe('expand', () => {
  it('expands id fields several levels deep and refuses what cannot be expanded', async () => {
    const { pi, chargeId } = await paidSession();
    const expanded = await stripe.paymentIntents.retrieve(pi.id, { expand: ['latest_charge.balance_transaction', 'payment_method'] });
    expect(expanded.latest_charge).toMatchObject({ id: chargeId, balance_transaction: { object: 'balance_transaction', fee: 320 } });
    expect(expanded.payment_method).toMatchObject({ object: 'payment_method', type: 'card', card: { last4: '4242' } });
    const list = await stripe.charges.list({ payment_intent: pi.id, expand: ['data.balance_transaction'] });
    expect(list.data[0]?.balance_transaction).toMatchObject({ object: 'balance_transaction' });
    await expect(stripe.paymentIntents.retrieve(pi.id, { expand: ['currency'] })).rejects.toThrow('This property cannot be expanded (currency).');
  });
});

describe('injected failures', () => {
  it('a declined card is a 402 card_error (StripeCardError)', async () => {
    fake.control.failNext({ type: 'card_declined', path: '/v1/checkout/sessions', declineCode: 'insufficient_funds' });
    const attempt = createSession(stripe);
    await expect(attempt).rejects.toBeInstanceOf(Stripe.errors.StripeCardError);
    await expect(attempt).rejects.toMatchObject({
      statusCode: 402,
      rawType: 'card_error',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
    });
    await expect(createSession(stripe)).resolves.toMatchObject({ status: 'open' });
  });

  it('a 500 is a StripeAPIError and a 429 a StripeRateLimitError; rules match method and path patterns', async () => {
    fake.control.failNext({ type: 'server_error', method: 'GET', path: '/v1/checkout/sessions/*' });
    const session = await createSession(stripe);
    await expect(stripe.checkout.sessions.retrieve(session.id)).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
    await expect(stripe.checkout.sessions.retrieve(session.id)).resolves.toMatchObject({ id: session.id });
    fake.control.failNext({ type: 'rate_limit', times: 2 });
    await expect(stripe.balance.retrieve()).rejects.toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    await expect(stripe.balance.retrieve()).rejects.toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    await expect(stripe.balance.retrieve()).resolves.toMatchObject({ object: 'balance' });
  });

  it('a dropped connection is a StripeConnectionError (the SDK retries a closed connection once by itself)', async () => {
    fake.control.failNext({ type: 'network', path: '/v1/balance', times: 2 });
    await expect(stripe.balance.retrieve()).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(fake.control.pendingFailures()).toEqual([]);
  });

  it('a connection dropped after processing leaves the change made; the retry with the same key gets the stored answer', async () => {
    const before = (await stripe.checkout.sessions.list({ limit: 100 })).data.length;
    fake.control.failNext({ type: 'network', path: '/v1/checkout/sessions', method: 'POST', afterProcessing: true });
    // The SDK's own retry of the closed connection reuses its Idempotency-Key and is answered from the store.
    const session = await createSession(stripe);
    expect(session.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await stripe.checkout.sessions.list({ limit: 100 })).data.length).toBe(before + 1);
  });

  it('failures can be queued and cleared over HTTP', async () => {
    const queued = await fetch(`${fake.url}/_fake/fail-next`, {
      method: 'POST',
      body: JSON.stringify({ type: 'server_error', path: '/v1/refunds' }),
    });
    expect(await queued.json()).toMatchObject({ pending: [{ type: 'server_error', path: '/v1/refunds', times: 1 }] });
    const bad = await fetch(`${fake.url}/_fake/fail-next`, { method: 'POST', body: JSON.stringify({ type: 'meteor' }) });
    expect(bad.status).toBe(400);
    await fetch(`${fake.url}/_fake/fail-next`, { method: 'DELETE' });
    expect(fake.control.pendingFailures()).toEqual([]);
  });
});

describe('other clients', () => {
  it("works with the SDK's fetch client (what Deno uses) and with curl-style Basic auth", async () => {
    const viaFetch = sdk(fake.port, { httpClient: Stripe.createFetchHttpClient() });
    const session = await createSession(viaFetch, { metadata: { client: 'fetch' } });
    expect((await viaFetch.checkout.sessions.retrieve(session.id)).metadata).toEqual({ client: 'fetch' });
    const basic = await fetch(`${fake.url}/v1/checkout/sessions/${session.id}`, {
      headers: { authorization: `Basic ${Buffer.from(`${TEST_KEY}:`).toString('base64')}` },
    });
    expect(basic.status).toBe(200);
    expect(basic.headers.get('request-id')).toMatch(/^req_/);
  });
});
