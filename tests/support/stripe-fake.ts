// The local Stripe from a test's side: the real `stripe` SDK pointed at the stack's fake (what a
// person with the dashboard or the API would do in Stripe directly), the fake's control API under
// /_fake/ (the bank, the card holder, webhook timing), and a paid job with its Stripe ids.
import Stripe from 'stripe';
import { stackEnv } from './env.ts';
import { acceptedJob, eventually, startCheckout, submitCheckout, type AcceptedJob } from './payments.ts';

/** The Node SDK against the stack's fake, as product code would build it (no retries of its own). */
export function stripeSdk(): Stripe {
  const env = stackEnv();
  return new Stripe(env.STRIPE_SECRET_KEY, {
    host: '127.0.0.1',
    port: env.STRIPE_API_PORT,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });
}

/** One call to the fake's control API; throws with the fake's message on a 4xx/5xx. */
export async function fakeControl<T = unknown>(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${stackEnv().STRIPE_API_PORT}/_fake${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new Error(`fake ${method} ${path} → ${res.status}: ${parsed.error?.message ?? JSON.stringify(parsed)}`);
  return parsed;
}

/** Waits until every webhook the fake has to send (retries included) was answered; held ones excepted. */
export async function webhooksIdle(): Promise<void> {
  await fakeControl('/webhooks/flush', { timeoutMs: 25_000 });
}

export interface PaidJob extends AcceptedJob {
  paymentId: string;
  sessionId: string;
  paymentIntentId: string;
  chargeId: string;
}

/** Pays an accepted job through Checkout on the fake; with `settle` (default) waits until the payable is paid and webhooks are idle. */
export async function paidJob(priceCents = 100000, o: { settle?: boolean } = {}): Promise<PaidJob> {
  const job = await acceptedJob(priceCents);
  const { payment_id, checkout_url } = await startCheckout(job.owner, job.payableId);
  const paid = await submitCheckout(checkout_url);
  if (paid.status !== 303) throw new Error(`paying the checkout answered ${paid.status}`);
  const sessionId = /\/checkout\/(cs_[^/?]+)/.exec(checkout_url)![1]!;
  const stripe = stripeSdk();
  const session = await stripe.checkout.sessions.retrieve(sessionId);
  const paymentIntentId = session.payment_intent as string;
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
  const chargeId = intent.latest_charge as string;
  if (o.settle ?? true) {
    const payable = await eventually(
      async () => (await job.owner.client.from('payables').select('status').eq('id', job.payableId).single()).data?.status,
      (s) => s === 'paid',
    );
    if (payable !== 'paid') throw new Error(`the payable is ${payable} after paying, not paid`);
    await webhooksIdle();
  }
  return { ...job, paymentId: payment_id, sessionId, paymentIntentId, chargeId };
}

/**
 * What Stripe's balance moved for a charge, in minor units: its own net, and the net of each
 * refund, failed refund and dispute adjustment on it. Our ledger's Stripe clearing account for the
 * job must say the same.
 */
export async function stripeNetForCharge(chargeId: string): Promise<number> {
  const stripe = stripeSdk();
  const charge = await stripe.charges.retrieve(chargeId);
  const refunds = await stripe.refunds.list({ charge: chargeId, limit: 100 });
  const disputes = await stripe.disputes.list({ charge: chargeId, limit: 100 });
  const sources = [charge.id, ...refunds.data.map((r) => r.id), ...disputes.data.map((d) => d.id)];
  let net = 0;
  for (const source of sources) {
    for await (const bt of stripe.balanceTransactions.list({ source, limit: 100 } as Stripe.BalanceTransactionListParams)) net += bt.net;
  }
  return net;
}
