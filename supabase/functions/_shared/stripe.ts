// The Stripe client every function uses. With STRIPE_API_HOST set (the local stack's fake) the real
// SDK talks to it over plain HTTP; without it, to Stripe itself. Deno has no Node http client, so
// the SDK uses fetch; webhook signatures are checked with Web Crypto.
import Stripe from 'npm:stripe@^23.1.0';

export function stripeClient(env: { get(name: string): string | undefined } = Deno.env): Stripe {
  const key = env.get('STRIPE_SECRET_KEY');
  if (!key) throw new Error('STRIPE_SECRET_KEY is not set');
  const host = env.get('STRIPE_API_HOST');
  return new Stripe(key, {
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: 1,
    telemetry: false,
    ...(host
      ? { host, port: Number(env.get('STRIPE_API_PORT') ?? 443), protocol: (env.get('STRIPE_API_PROTOCOL') ?? 'https') as 'http' | 'https' }
      : {}),
  });
}

export const cryptoProvider = Stripe.createSubtleCryptoProvider();

/** The platform endpoint's secret and, when set, the Connect endpoint's: an event signed by either is genuine. */
export function webhookSecrets(env: { get(name: string): string | undefined } = Deno.env): string[] {
  return [env.get('STRIPE_WEBHOOK_SECRET'), env.get('STRIPE_CONNECT_WEBHOOK_SECRET')].filter((s): s is string => !!s);
}

export async function verifiedEvent(stripe: Stripe, rawBody: string, signature: string, secrets: string[]): Promise<Stripe.Event | null> {
  for (const secret of secrets) {
    try {
      return await stripe.webhooks.constructEventAsync(rawBody, signature, secret, undefined, cryptoProvider);
    } catch {
      // Wrong secret, tampered body or stale timestamp: try the next secret, then refuse.
    }
  }
  return null;
}
