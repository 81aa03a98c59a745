// Shared by the fake's tests: the real SDK pointed at a fake, a webhook receiver that verifies every
// delivery with the SDK's constructEventAsync (as the stripe-webhook function will), and a Checkout
// Session with one line item. Each test file uses its own ports in 29321–29399.
import http from 'node:http';
import Stripe from 'stripe';

export const TEST_KEY = 'sk_test_stripefake';

export function sdk(port: number, extra: Partial<ConstructorParameters<typeof Stripe>[1]> = {}): Stripe {
  return new Stripe(TEST_KEY, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0, telemetry: false, ...extra });
}

export interface Delivery {
  body: string;
  signature: string;
  event: Stripe.Event;
}

export interface Receiver {
  url: string;
  /** Deliveries that passed signature verification, in arrival order. */
  deliveries: Delivery[];
  /** Deliveries that failed verification. */
  rejected: { body: string; signature: string; error: string }[];
  /** Status to answer verified deliveries with (default 200). */
  answer: (event: Stripe.Event, nth: number) => number;
  /** Delay before answering, to widen windows for concurrency tests. */
  delayMs: number;
  /** The most requests that were being handled at the same moment. */
  maxConcurrent: number;
  types(): string[];
  close(): Promise<void>;
}

export async function startReceiver(port: number, secret: string): Promise<Receiver> {
  const verifier = new Stripe(TEST_KEY);
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}/webhook`,
    deliveries: [],
    rejected: [],
    answer: () => 200,
    delayMs: 0,
    maxConcurrent: 0,
    types: () => receiver.deliveries.map((d) => d.event.type),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  let active = 0;
  const server = http.createServer((req, res) => {
    active += 1;
    receiver.maxConcurrent = Math.max(receiver.maxConcurrent, active);
    res.on('finish', () => (active -= 1));
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const signature = String(req.headers['stripe-signature'] ?? '');
        try {
          const event = await verifier.webhooks.constructEventAsync(body, signature, secret);
          receiver.deliveries.push({ body, signature, event });
          const nth = receiver.deliveries.filter((d) => d.event.id === event.id).length;
          if (receiver.delayMs) await new Promise((r) => setTimeout(r, receiver.delayMs));
          res.writeHead(receiver.answer(event, nth)).end();
        } catch (e) {
          receiver.rejected.push({ body, signature, error: (e as Error).message });
          res.writeHead(400).end();
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return receiver;
}

export function createSession(stripe: Stripe, extra: Partial<Stripe.Checkout.SessionCreateParams> = {}, options?: Stripe.RequestOptions) {
  return stripe.checkout.sessions.create(
    {
      mode: 'payment',
      line_items: [{ price_data: { currency: 'usd', unit_amount: 10_000, product_data: { name: 'Consultation' } }, quantity: 1 }],
      success_url: 'http://127.0.0.1:5173/pay/done?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://127.0.0.1:5173/pay/cancelled',
      ...extra,
    },
    options,
  );
}

/** Presses a button on the hosted Checkout page the way a browser submits the form. */
export function submitCheckout(sessionUrl: string, action: 'pay' | 'decline' | 'pay-later', email = 'payer@example.com') {
  return fetch(`${sessionUrl}/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email }).toString(),
    redirect: 'manual',
  });
}
