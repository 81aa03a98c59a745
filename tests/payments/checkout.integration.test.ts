// Paying a consumer job end to end: the payments function opens a Checkout session on the local
// Stripe, the payer clicks Pay on its hosted page, Stripe's signed webhooks reach the stripe-webhook
// function, and the database moves the money into escrow, with Stripe's fee in its own account.
import { describe, expect, it } from 'vitest';
import { signInDemo } from '../support/accounts.ts';
import { acceptedJob, eventually, startCheckout, submitCheckout } from '../support/payments.ts';

describe('paying for an accepted job', () => {
  it("checkout → webhook → the payable is paid and the performer's share is in escrow", async () => {
    const job = await acceptedJob(100000);
    const { checkout_url, payment_id } = await startCheckout(job.owner, job.payableId);
    expect(checkout_url).toMatch(/\/checkout\/cs_/);

    const paid = await submitCheckout(checkout_url);
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toMatch(/\/jobs\?payment=success&session_id=cs_/);

    const payable = await eventually(
      async () => (await job.owner.client.from('payables').select('status').eq('id', job.payableId).single()).data,
      (p) => p?.status === 'paid',
    );
    expect(payable).toEqual({ status: 'paid' });
    const payment = await job.owner.client.from('payments').select('status, amount_cents').eq('id', payment_id).single();
    expect(payment.data).toEqual({ status: 'paid', amount_cents: 100000 });
    expect((await job.owner.client.from('leads').select('status').eq('id', job.leadId).single()).data).toEqual({ status: 'paid' });

    const wallet = await job.expert.client.rpc('my_wallet');
    expect(wallet.data).toEqual([{ currency: 'ILS', escrow_cents: 90000, pending_cents: 0, available_cents: 0, carry_cents: 0 }]);

    // Stripe's processing fee (2.9% + 30 on 1,000.00 = 29.30) is booked once the intent's event arrives.
    const admin = await signInDemo('admin');
    const positions = await eventually(
      async () => (await admin.client.rpc('admin_money_positions')).data as { currency: string; processor_fees_cents: number }[],
      (rows) => (rows?.find((r) => r.currency === 'ILS')?.processor_fees_cents ?? 0) > 0,
    );
    expect(positions.find((r) => r.currency === 'ILS')!.processor_fees_cents).toBeGreaterThanOrEqual(2930);
  });

  it('a declined card leaves the payable due and the lead assigned', async () => {
    const job = await acceptedJob(60000);
    const { checkout_url, payment_id } = await startCheckout(job.owner, job.payableId);
    expect((await submitCheckout(checkout_url, 'decline')).status).toBe(303);
    const payment = await eventually(
      async () => (await job.owner.client.from('payments').select('status').eq('id', payment_id).single()).data,
      (p) => p?.status === 'failed',
    );
    expect(payment).toEqual({ status: 'failed' });
    expect((await job.owner.client.from('payables').select('status').eq('id', job.payableId).single()).data).toEqual({ status: 'due' });
    expect((await job.owner.client.from('leads').select('status').eq('id', job.leadId).single()).data).toEqual({ status: 'assigned' });
  });

  it('only the payer may start a checkout', async () => {
    const job = await acceptedJob(60000);
    const { error } = await job.expert.client.functions.invoke('payments', { body: { payable_id: job.payableId } });
    expect(error).not.toBeNull();
    expect((error as { context?: Response }).context?.status).toBe(403);
  });
});
