// The stack's Stripe: the local fake (stack/stripe-fake) on its port in the stack's plan, with a
// test-mode secret key and two webhook secrets derived from the stack's own secret key, so they are
// stable for a data folder and never committed. The fake signs its events for the stripe-webhook
// function behind the gateway, as Stripe signs them for the deployed function.
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import type { StackConfig } from './config.ts';
import type { StackKeys } from './keys.ts';
import { startStripeFake, type StripeFake } from './stripe-fake/index.ts';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  connectWebhookSecret: string;
  host: string;
  port: number;
  url: string;
}

const derive = (keys: StackKeys, purpose: string) => createHmac('sha256', keys.secretKey).update(purpose).digest('hex').slice(0, 32);

export function stripeSettings(config: StackConfig, keys: StackKeys): StripeSettings {
  const port = config.ports.stripe;
  return {
    secretKey: `sk_test_local${derive(keys, 'stripe-secret-key')}`,
    webhookSecret: `whsec_${derive(keys, 'stripe-webhook')}`,
    connectWebhookSecret: `whsec_${derive(keys, 'stripe-connect-webhook')}`,
    host: config.host,
    port,
    url: `http://${config.host}:${port}`,
  };
}

/** What the functions (and .env.local) get: where Stripe is and how to verify its events. */
export function stripeEnv(config: StackConfig, keys: StackKeys): Record<string, string> {
  const s = stripeSettings(config, keys);
  return {
    STRIPE_SECRET_KEY: s.secretKey,
    STRIPE_API_HOST: s.host,
    STRIPE_API_PORT: String(s.port),
    STRIPE_API_PROTOCOL: 'http',
    STRIPE_WEBHOOK_SECRET: s.webhookSecret,
    STRIPE_CONNECT_WEBHOOK_SECRET: s.connectWebhookSecret,
  };
}

export function startLocalStripe(config: StackConfig, keys: StackKeys, log: (line: string) => void): Promise<StripeFake> {
  const s = stripeSettings(config, keys);
  const webhookUrl = `${config.apiUrl}/functions/v1/stripe-webhook`;
  return startStripeFake({
    host: s.host,
    port: s.port,
    apiKey: s.secretKey,
    webhookEndpoints: [
      { url: webhookUrl, secret: s.webhookSecret },
      { url: webhookUrl, secret: s.connectWebhookSecret, connect: true },
    ],
    dataFile: join(config.dataDir, 'stripe-fake.json'),
    log,
  });
}
