// The stripe-webhook function through the gateway: forged, unsigned, stale or tampered deliveries
// get 400 and change nothing; the same genuine event delivered 20 times (10 at once) has one effect;
// event types we do not act on get 2xx.
import { describe, expect, it } from 'vitest';
import { signWebhookPayload } from '../../stack/stripe-fake/index.ts';
import { signInDemo } from '../support/accounts.ts';
import { acceptedJob, webhookTarget } from '../support/payments.ts';

function paidEvent(id: string, paymentId: string, amount: number): string {
  return JSON.stringify({
    id,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: `cs_test_${id}`,
        object: 'checkout.session',
        payment_status: 'paid',
        amount_total: amount,
        currency: 'ils',
        payment_intent: `pi_test_${id}`,
        metadata: { payment_id: paymentId },
      },
    },
  });
}

async function deliver(body: string, signature: string | null): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['stripe-signature'] = signature;
  return fetch(webhookTarget().url, { method: 'POST', headers, body });
}

async function preparedPayment() {
  const job = await acceptedJob(80000);
  const { data, error } = await job.owner.client.rpc('prepare_payment', { payable_id: job.payableId }).single();
  if (error) throw new Error(error.message);
  return { job, paymentId: (data as { payment_id: string }).payment_id };
}

const status = async (job: Awaited<ReturnType<typeof acceptedJob>>) =>
  (await job.owner.client.from('payables').select('status').eq('id', job.payableId).single()).data?.status;

describe('stripe-webhook', () => {
  it('refuses unsigned, forged, stale and tampered deliveries with 400 and changes nothing', async () => {
    const { job, paymentId } = await preparedPayment();
    const { secret } = webhookTarget();
    const body = paidEvent(`evt_forged_${Date.now()}`, paymentId, 80000);
    const stale = Math.floor(Date.now() / 1000) - 60 * 60;
    const attempts: [string, Promise<Response>][] = [
      ['unsigned', deliver(body, null)],
      ['signed with another secret', deliver(body, signWebhookPayload(body, 'whsec_not_the_real_one'))],
      ['an hour old', deliver(body, signWebhookPayload(body, secret, stale))],
      ['tampered after signing', deliver(body.replace('80000', '1'), signWebhookPayload(body, secret))],
      ['garbage signature', deliver(body, 't=1,v1=deadbeef')],
    ];
    for (const [what, response] of attempts) expect([what, (await response).status]).toEqual([what, 400]);
    expect(await status(job)).toBe('due');
  });

  it('applies the same event once, however often and however concurrently it arrives', async () => {
    const { job, paymentId } = await preparedPayment();
    const { secret } = webhookTarget();
    const body = paidEvent(`evt_repeat_${Date.now()}`, paymentId, 80000);
    const send = () => deliver(body, signWebhookPayload(body, secret));
    const concurrent = await Promise.all(Array.from({ length: 10 }, send));
    const sequential: Response[] = [];
    for (let i = 0; i < 10; i++) sequential.push(await send());
    const outcomes = await Promise.all(
      [...concurrent, ...sequential].map(async (r) => [r.status, ((await r.json()) as { outcome: string }).outcome]),
    );
    expect(outcomes.filter(([s]) => s === 200)).toHaveLength(20);
    expect(outcomes.filter(([, o]) => o === 'settled')).toHaveLength(1);
    expect(outcomes.filter(([, o]) => o === 'duplicate')).toHaveLength(19);
    expect(await status(job)).toBe('paid');
    const wallet = await job.expert.client.rpc('my_wallet');
    expect(wallet.data).toEqual([{ currency: 'ILS', escrow_cents: 72000, pending_cents: 0, available_cents: 0, carry_cents: 0 }]);
  });

  it('answers 2xx to event types it does not act on, and 405 to anything but POST', async () => {
    const { secret } = webhookTarget();
    const body = JSON.stringify({ id: `evt_other_${Date.now()}`, object: 'event', type: 'customer.created', data: { object: { id: 'cus_1' } } });
    const response = await deliver(body, signWebhookPayload(body, secret));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: 'ignored' });
    expect((await fetch(webhookTarget().url)).status).toBe(405);
  });

  it('is not an API anyone can call to mark things paid: the RPC takes only the secret key', async () => {
    const { job, paymentId } = await preparedPayment();
    const event = JSON.parse(paidEvent(`evt_direct_${Date.now()}`, paymentId, 80000));
    const { error } = await job.owner.client.rpc('apply_stripe_event', { event });
    expect(error?.code).toBe('42501');
    const admin = await signInDemo('admin');
    expect((await admin.client.rpc('apply_stripe_event', { event })).error?.code).toBe('42501');
    expect(await status(job)).toBe('due');
  });
});
