// The webhook's signature check under Deno, with the real stripe SDK and Web Crypto: an event signed
// with the platform or the Connect secret is genuine; a tampered body, another secret or an old
// timestamp is not.
import assert from 'node:assert/strict';
import Stripe from 'npm:stripe@^23.1.0';
import { cryptoProvider, stripeClient, verifiedEvent, webhookSecrets } from '../_shared/stripe.ts';

const env = (vars: Record<string, string>) => ({ get: (name: string) => vars[name] });
const stripe = stripeClient(
  env({ STRIPE_SECRET_KEY: 'sk_test_deno', STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: '9', STRIPE_API_PROTOCOL: 'http' }),
);
const secrets = webhookSecrets(env({ STRIPE_WEBHOOK_SECRET: 'whsec_platform', STRIPE_CONNECT_WEBHOOK_SECRET: 'whsec_connect' }));
const body = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded', data: { object: { id: 'pi_1' } } });

const sign = (payload: string, secret: string, timestamp?: number) =>
  stripe.webhooks.generateTestHeaderStringAsync({ payload, secret, timestamp, cryptoProvider });

Deno.test('both endpoint secrets are read from the environment', () => {
  assert.deepEqual(secrets, ['whsec_platform', 'whsec_connect']);
  assert.deepEqual(webhookSecrets(env({ STRIPE_WEBHOOK_SECRET: 'whsec_platform' })), ['whsec_platform']);
});

Deno.test('an event signed with the platform or the Connect secret is accepted', async () => {
  for (const secret of secrets) {
    const event = await verifiedEvent(stripe, body, await sign(body, secret), secrets);
    assert.equal(event?.id, 'evt_1');
  }
});

Deno.test('a tampered body, another secret or a stale signature is refused', async () => {
  assert.equal(await verifiedEvent(stripe, body.replace('pi_1', 'pi_2'), await sign(body, 'whsec_platform'), secrets), null);
  assert.equal(await verifiedEvent(stripe, body, await sign(body, 'whsec_someone_else'), secrets), null);
  const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
  assert.equal(await verifiedEvent(stripe, body, await sign(body, 'whsec_platform', anHourAgo), secrets), null);
  assert.equal(await verifiedEvent(stripe, body, 't=1,v1=00', secrets), null);
});

Deno.test('without STRIPE_API_HOST the client talks to Stripe itself', () => {
  assert.ok(stripeClient(env({ STRIPE_SECRET_KEY: 'sk_test_x' })) instanceof Stripe);
  assert.throws(() => stripeClient(env({})), /STRIPE_SECRET_KEY/);
});
