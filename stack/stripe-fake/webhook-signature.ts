// The Stripe-Signature header, exactly as Stripe (and the SDK's generateTestHeaderString) computes
// it: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint secret>`.
// The secret is used as the literal UTF-8 string, `whsec_` prefix included, as the SDK does.
import { createHmac } from 'node:crypto';

export function webhookSignature(payload: string, secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
}

/** A header the SDK's `webhooks.constructEvent(Async)` accepts for this payload and secret. */
export function signWebhookPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${webhookSignature(payload, secret, timestamp)}`;
}
