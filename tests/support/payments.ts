// Fixtures for payment tests: an accepted consumer job ready to pay, paying it through the local
// Stripe's hosted checkout, and waiting for the webhook's effect.
import type { SignedIn } from './accounts.ts';
import { signUpUser } from './accounts.ts';
import { stackEnv } from './env.ts';
import { acceptProposal, approvedExpert, clientPii, postConsumerLead, submitProposal, type Expert } from './leads.ts';

export interface AcceptedJob {
  owner: SignedIn;
  expert: Expert;
  leadId: string;
  payableId: string;
  priceCents: number;
}

export async function acceptedJob(priceCents = 100000): Promise<AcceptedJob> {
  const owner = await signUpUser('payer');
  const expert = await approvedExpert('payee');
  const leadId = await postConsumerLead(owner, clientPii());
  const payableId = await acceptProposal(owner, await submitProposal(expert, leadId, priceCents));
  return { owner, expert, leadId, payableId, priceCents };
}

/** The payments function: a Checkout session for the payable, as the signed-in payer. */
export async function startCheckout(payer: SignedIn, payableId: string): Promise<{ payment_id: string; checkout_url: string }> {
  const { data, error } = await payer.client.functions.invoke('payments', { body: { payable_id: payableId, return_path: '/jobs' } });
  if (error) throw new Error(`payments failed: ${error.message}`);
  return data as { payment_id: string; checkout_url: string };
}

/** Clicks Pay (or Decline) on the local Stripe's hosted checkout page. */
export async function submitCheckout(checkoutUrl: string, action: 'pay' | 'decline' = 'pay'): Promise<Response> {
  return fetch(`${checkoutUrl}/${action}`, { method: 'POST', redirect: 'manual' });
}

/** Polls until `check` holds (webhooks arrive asynchronously), or fails after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The webhook endpoint behind the gateway, and the secret the local Stripe signs with. */
export function webhookTarget(): { url: string; secret: string } {
  const env = stackEnv();
  return { url: `${env.SUPABASE_URL}/functions/v1/stripe-webhook`, secret: env.STRIPE_WEBHOOK_SECRET };
}
