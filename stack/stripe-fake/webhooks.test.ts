// Webhook delivery: signatures the SDK accepts (and its test-header helpers agree with), retries with
// backoff, and the bent deliveries tests ask for: late, duplicated, concurrent, held and released in
// reverse, re-sent. Ports 29341–29343.
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signWebhookPayload, startStripeFake, type StripeFake } from './index.ts';
import { createSession, sdk, startReceiver, type Receiver } from './test-support.ts';

const SECRET = 'whsec_webhooks_test_secret';
const ONLY_COMPLETED_SECRET = 'whsec_only_completed';
let fake: StripeFake;
let stripe: Stripe;
let receiver: Receiver;
let completedOnly: Receiver;
const logged: string[] = [];

beforeAll(async () => {
  receiver = await startReceiver(29342, SECRET);
  completedOnly = await startReceiver(29343, ONLY_COMPLETED_SECRET);
  fake = await startStripeFake({
    port: 29341,
    webhookEndpoints: [
      { url: receiver.url, secret: SECRET },
      { url: completedOnly.url, secret: ONLY_COMPLETED_SECRET, events: ['checkout.session.completed'] },
    ],
    webhookRetry: { attempts: 3, backoffMs: 20 },
    log: (line) => logged.push(line),
  });
  stripe = sdk(fake.port);
});

afterAll(async () => {
  await fake.close();
  await receiver.close();
  await completedOnly.close();
});

beforeEach(async () => {
  // Whatever an earlier test left held or planned is let go first.
  fake.control.releaseWebhooks();
  await fake.webhooksIdle();
  for (const r of [receiver, completedOnly]) {
    r.deliveries.length = 0;
    r.rejected.length = 0;
    r.answer = () => 200;
    r.delayMs = 0;
    r.maxConcurrent = 0;
  }
  fake.control.clearWebhookAttempts();
});

/** Pays a new session: four events, payment_intent.created … checkout.session.completed. */
async function pay(): Promise<string> {
  const session = await createSession(stripe);
  fake.control.pay(session.id);
  return session.id;
}

const PAYMENT_EVENTS = ['payment_intent.created', 'charge.succeeded', 'payment_intent.succeeded', 'checkout.session.completed'];

describe('signatures', () => {
  it("match the SDK's generateTestHeaderString(Async), and the SDK verifies them with either crypto provider", async () => {
    const payload = JSON.stringify({ id: 'evt_test', object: 'event', type: 'checkout.session.completed' }, null, 2);
    const timestamp = Math.floor(Date.now() / 1000);
    const ours = signWebhookPayload(payload, SECRET, timestamp);
    expect(ours).toBe(stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp }));
    const subtle = Stripe.createSubtleCryptoProvider();
    expect(ours).toBe(await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret: SECRET, timestamp, cryptoProvider: subtle }));
    await expect(stripe.webhooks.constructEventAsync(payload, ours, SECRET, undefined, subtle)).resolves.toMatchObject({ id: 'evt_test' });
    // Old timestamps fail the SDK's tolerance check, as stale deliveries should.
    const stale = signWebhookPayload(payload, SECRET, timestamp - 3600);
    await expect(stripe.webhooks.constructEventAsync(payload, stale, SECRET)).rejects.toThrow(/tolerance/);
  });

  it('deliveries verify with the Web Crypto provider the Deno function uses', async () => {
    await pay();
    await fake.webhooksIdle();
    const { body, signature } = receiver.deliveries[0] ?? { body: '', signature: '' };
    const event = await stripe.webhooks.constructEventAsync(body, signature, SECRET, undefined, Stripe.createSubtleCryptoProvider());
    expect(event.type).toBe('payment_intent.created');
    expect(receiver.rejected).toEqual([]);
  });
});

describe('delivery', () => {
  it('sends events in order, only the subscribed types to each endpoint, and counts down pending_webhooks', async () => {
    const sessionId = await pay();
    await fake.webhooksIdle();
    expect(receiver.types()).toEqual(PAYMENT_EVENTS);
    expect(completedOnly.types()).toEqual(['checkout.session.completed']);
    const completed = completedOnly.deliveries[0]?.event;
    expect(completed?.pending_webhooks).toBe(2);
    expect((completed?.data.object as { id: string }).id).toBe(sessionId);
    expect(await stripe.events.retrieve(completed?.id ?? '')).toMatchObject({ pending_webhooks: 0 });
    expect((await stripe.events.list({ delivery_success: false, limit: 100 })).data).toEqual([]);
  });

  it('retries a failing endpoint with backoff and records every attempt', async () => {
    receiver.answer = (event, nth) => (event.type === 'charge.succeeded' && nth < 3 ? 500 : 200);
    await pay();
    await fake.webhooksIdle();
    const charge = receiver.deliveries.find((d) => d.event.type === 'charge.succeeded')?.event;
    const attempts = fake.control.webhookAttempts({ eventId: charge?.id, endpoint: receiver.url });
    expect(attempts.map((a) => [a.attempt, a.status, a.ok])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 200, true],
    ]);
    expect(await stripe.events.retrieve(charge?.id ?? '')).toMatchObject({ pending_webhooks: 0 });
    // A failing event does not hold up the others.
    expect(receiver.types().slice(-1)).toEqual(['charge.succeeded']);
  });

  it('gives up after the configured attempts and leaves the event pending', async () => {
    receiver.answer = (event) => (event.type === 'payment_intent.succeeded' ? 503 : 200);
    await pay();
    await fake.webhooksIdle();
    const failed = await stripe.events.list({ delivery_success: false, limit: 100 });
    expect(failed.data.map((e) => e.type)).toEqual(['payment_intent.succeeded']);
    expect(failed.data[0]?.pending_webhooks).toBe(1);
    expect(fake.control.webhookAttempts({ eventId: failed.data[0]?.id })).toHaveLength(3);
    expect(logged.some((l) => l.includes('giving up after 3 attempts'))).toBe(true);
  });

  it('treats an unreachable endpoint as a failed attempt with no status', async () => {
    fake.control.setWebhookEndpoints([...fake.control.webhookEndpoints(), { url: 'http://127.0.0.1:29344/nobody', secret: SECRET }]);
    try {
      await pay();
      await fake.webhooksIdle();
      const attempts = fake.control.webhookAttempts({ endpoint: 'http://127.0.0.1:29344/nobody' });
      expect(attempts.length).toBe(4 * 3);
      expect(attempts.every((a) => a.status === null && a.error)).toBe(true);
    } finally {
      fake.control.setWebhookEndpoints(fake.control.webhookEndpoints().filter((e) => !e.url.includes('29344')));
    }
  });
});

describe('bent delivery', () => {
  it('delivers an event twice, one after the other or at the same moment', async () => {
    fake.control.planWebhooks({ count: 1, copies: 2 });
    await pay();
    await fake.webhooksIdle();
    expect(receiver.types()).toEqual(['payment_intent.created', 'payment_intent.created', ...PAYMENT_EVENTS.slice(1)]);
    expect(receiver.deliveries[0]?.event.id).toBe(receiver.deliveries[1]?.event.id);

    receiver.deliveries.length = 0;
    receiver.delayMs = 100;
    receiver.maxConcurrent = 0;
    fake.control.planWebhooks({ count: 1, copies: 5, concurrent: true });
    await pay();
    await fake.webhooksIdle();
    expect(receiver.deliveries.filter((d) => d.event.type === 'payment_intent.created')).toHaveLength(5);
    expect(receiver.maxConcurrent).toBe(5);
  });

  it('delivers an event late, after the ones that followed it', async () => {
    fake.control.planWebhooks({ count: 1, delayMs: 150 });
    await pay();
    await fake.webhooksIdle();
    expect(receiver.types()).toEqual([...PAYMENT_EVENTS.slice(1), 'payment_intent.created']);
  });

  it('holds events and releases them in reverse order', async () => {
    fake.control.holdWebhooks();
    await pay();
    await fake.webhooksIdle();
    expect(receiver.deliveries).toEqual([]);
    const held = fake.control.heldWebhooks();
    expect(held).toHaveLength(4);
    expect(fake.control.releaseWebhooks('reverse')).toEqual([...held].reverse());
    await fake.webhooksIdle();
    expect(receiver.types()).toEqual([...PAYMENT_EVENTS].reverse());
  });

  it('re-sends a stored event on request', async () => {
    await pay();
    await fake.webhooksIdle();
    const completed = completedOnly.deliveries[0]?.event;
    expect(fake.control.resendEvent(completed?.id ?? '', completedOnly.url)).toBe(1);
    await fake.webhooksIdle();
    expect(completedOnly.deliveries.map((d) => d.event.id)).toEqual([completed?.id, completed?.id]);
    expect(fake.control.webhookAttempts({ eventId: completed?.id, endpoint: completedOnly.url }).map((a) => a.reason)).toEqual(['event', 'resend']);
  });

  it('offers the same levers over HTTP', async () => {
    const post = (path: string, body: unknown = {}) => fetch(`${fake.url}/_fake${path}`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post('/webhooks/hold')).status).toBe(200);
    await pay();
    const held = (await (await fetch(`${fake.url}/_fake/webhooks/held`)).json()) as { held: string[] };
    expect(held.held).toHaveLength(4);
    const released = (await (await post('/webhooks/release', { order: 'reverse' })).json()) as { released: string[] };
    expect(released.released).toEqual([...held.held].reverse());
    expect(await (await post('/webhooks/flush')).json()).toEqual({ idle: true });
    expect(receiver.types()).toEqual([...PAYMENT_EVENTS].reverse());

    const eventId = held.held[0] ?? '';
    expect(await (await post(`/events/${eventId}/resend`)).json()).toEqual({ sent: 1 });
    expect((await post('/webhooks/next', { count: 1, copies: 2 })).status).toBe(200);
    await post('/webhooks/flush');
    const attempts = (await (await fetch(`${fake.url}/_fake/webhooks/attempts?event=${eventId}`)).json()) as {
      data: { status: number; reason: string }[];
    };
    expect(attempts.data.map((a) => [a.reason, a.status])).toEqual([
      ['release', 200],
      ['resend', 200],
    ]);
    expect((await post('/events/evt_missing/resend')).status).toBe(404);
  });
});
