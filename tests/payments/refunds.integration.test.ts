// Refunds end to end: the database decides and books a refund (the owner cancels a paid job, an admin
// refunds part of one), the `refunds` function sends it to the local Stripe exactly once, and
// Stripe's webhooks (charge.refunded, refund.failed) confirm it, record refunds made in Stripe
// directly, or bring back money the bank bounced. Our books must say what Stripe's balance says.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterEach, describe, expect, it } from 'vitest';
import { signInDemo, signUpUser, type SignedIn } from '../support/accounts.ts';
import { adminClient } from '../support/clients.ts';
import { booksImbalance, jobLedger, storedStripeRefundId, type MoneyPositions } from '../support/ledger.ts';
import { acceptedJob, startCheckout, submitCheckout } from '../support/payments.ts';
import { fakeControl, paidJob, stripeNetForCharge, stripeSdk, webhooksIdle, type PaidJob } from '../support/stripe-fake.ts';

interface RefundRow {
  id: string;
  payable_id: string;
  amount_cents: number;
  currency: string;
  reason: string;
  note: string | null;
  status: string;
  succeeded_at: string | null;
  failed_at: string | null;
  dispute_id: string | null;
}

interface PushResult {
  refunds: { refund_id: string; outcome: string }[];
}

async function refundsOf(client: SupabaseClient, payableId: string): Promise<RefundRow[]> {
  const { data, error } = await client.from('refunds').select('*').eq('payable_id', payableId).order('created_at').order('id');
  if (error) throw new Error(`reading refunds failed: ${error.message}`);
  return data as RefundRow[];
}

async function payableOf(client: SupabaseClient, payableId: string) {
  const { data, error } = await client.from('payables').select('status, refunded_cents').eq('id', payableId).single();
  if (error) throw new Error(`reading the payable failed: ${error.message}`);
  return data as { status: string; refunded_cents: number };
}

async function walletOf(client: SupabaseClient) {
  const { data, error } = await client.rpc('my_wallet');
  if (error) throw new Error(`my_wallet failed: ${error.message}`);
  return data as { currency: string; escrow_cents: number; pending_cents: number; available_cents: number; carry_cents: number }[];
}

/** POST /functions/v1/refunds as `client`: a party pushing one job's refunds, or the secret key sweeping all. */
async function pushRefunds(client: SupabaseClient, payableId?: string): Promise<{ status: number; body: PushResult }> {
  const { data, error } = await client.functions.invoke('refunds', { body: payableId ? { payable_id: payableId } : {} });
  if (error) {
    const context = (error as { context?: Response }).context;
    return { status: context?.status ?? 0, body: ((await context?.json().catch(() => null)) ?? {}) as PushResult };
  }
  return { status: 200, body: data as PushResult };
}

let demoAdmin: Promise<SignedIn> | undefined;

async function ilsPositions(): Promise<MoneyPositions> {
  const admin = await (demoAdmin ??= signInDemo('admin'));
  const { data, error } = await admin.client.rpc('admin_money_positions');
  if (error) throw new Error(`admin_money_positions failed: ${error.message}`);
  return (data as MoneyPositions[]).find((p) => p.currency === 'ILS')!;
}

const stripeRefundsOf = async (job: PaidJob) => (await stripeSdk().refunds.list({ payment_intent: job.paymentIntentId, limit: 100 })).data;

/** Our ledger's Stripe clearing for the job says what Stripe's balance says for its charge. */
async function expectBooksMatchStripe(job: PaidJob): Promise<void> {
  const ledger = await jobLedger(job.payableId);
  expect(ledger.byPurpose.stripe_clearing ?? 0, 'Stripe clearing for the job vs Stripe balance transactions').toBe(
    await stripeNetForCharge(job.chargeId),
  );
  expect(booksImbalance(await ilsPositions()), 'debits less credits over admin_money_positions').toBe(0);
}

// Webhook holds and injected failures are global to the fake: never leave one behind for the next test.
afterEach(async () => {
  await fakeControl('/fail-next', undefined, 'DELETE');
  if ((await fakeControl<{ held: string[] }>('/webhooks/held')).held.length > 0) await fakeControl('/webhooks/release', { order: 'fifo' });
  await webhooksIdle();
});

describe('cancelling a paid job', () => {
  it('refunds it in full at once in the books, sends one refund to Stripe, and Stripe confirms it', async () => {
    const job = await paidJob(100000);
    expect(await walletOf(job.expert.client)).toEqual([
      { currency: 'ILS', escrow_cents: 90000, pending_cents: 0, available_cents: 0, carry_cents: 0 },
    ]);

    expect(await job.owner.client.rpc('cancel_lead', { lead_id: job.leadId })).toMatchObject({ data: 'cancelled', error: null });

    // Decided and booked before Stripe hears of it.
    const [refund, ...others] = await refundsOf(job.owner.client, job.payableId);
    expect(others).toEqual([]);
    expect(refund).toMatchObject({ amount_cents: 100000, currency: 'ILS', reason: 'lead_cancelled', status: 'pending' });
    expect(await payableOf(job.owner.client, job.payableId)).toEqual({ status: 'refunded', refunded_cents: 100000 });
    expect((await job.owner.client.from('leads').select('status').eq('id', job.leadId).single()).data).toEqual({ status: 'cancelled' });
    expect(await walletOf(job.expert.client)).toEqual([{ currency: 'ILS', escrow_cents: 0, pending_cents: 0, available_cents: 0, carry_cents: 0 }]);
    expect(await stripeRefundsOf(job)).toEqual([]);

    const pushed = await pushRefunds(job.owner.client, job.payableId);
    expect(pushed).toEqual({ status: 200, body: { refunds: [{ refund_id: refund!.id, outcome: 'submitted' }] } });

    const inStripe = await stripeRefundsOf(job);
    expect(inStripe).toHaveLength(1);
    expect(inStripe[0]).toMatchObject({
      amount: 100000,
      currency: 'ils',
      status: 'succeeded',
      metadata: { refund_id: refund!.id, payment_id: job.paymentId, payable_id: job.payableId },
    });
    expect(await storedStripeRefundId(refund!.id)).toBe(inStripe[0]!.id);
    // Sent with the idempotency key derived from our refund, so a retried request cannot refund twice.
    const created = (await stripeSdk().events.list({ type: 'refund.created', limit: 100 })).data.find(
      (e) => (e.data.object as { id: string }).id === inStripe[0]!.id,
    );
    expect(created?.request).toMatchObject({ idempotency_key: `refund:${refund!.id}` });

    await webhooksIdle();
    const [confirmed] = await refundsOf(job.owner.client, job.payableId);
    expect(confirmed).toMatchObject({ id: refund!.id, status: 'succeeded' });
    expect(confirmed!.succeeded_at).not.toBeNull();

    // Pushing again, as either party, and the secret key's sweep: nothing more goes to Stripe.
    expect(await pushRefunds(job.owner.client, job.payableId)).toEqual({ status: 200, body: { refunds: [] } });
    expect(await pushRefunds(job.expert.client, job.payableId)).toEqual({ status: 200, body: { refunds: [] } });
    const sweep = await pushRefunds(adminClient());
    expect(sweep.status).toBe(200);
    expect(sweep.body.refunds.map((r) => r.refund_id)).not.toContain(refund!.id);
    await webhooksIdle();
    expect(await stripeRefundsOf(job)).toHaveLength(1);
    expect(await refundsOf(job.owner.client, job.payableId)).toHaveLength(1);
    await expectBooksMatchStripe(job);
  });

  it("only the job's parties (and the secret key) push its refunds", async () => {
    const job = await paidJob(60000);
    expect((await job.owner.client.rpc('cancel_lead', { lead_id: job.leadId })).error).toBeNull();
    const stranger = await signUpUser('refund-stranger');
    const refused = await pushRefunds(stranger.client, job.payableId);
    expect(refused.status).toBe(403);
    expect((await pushRefunds(job.owner.client)).status).toBe(400); // a user must name the job
    expect(await stripeRefundsOf(job)).toEqual([]);
    expect((await refundsOf(job.owner.client, job.payableId))[0]).toMatchObject({ status: 'pending' });

    // The sweep finds it without being told which job.
    const sweep = await pushRefunds(adminClient());
    expect(sweep.status).toBe(200);
    const [refund] = await refundsOf(job.owner.client, job.payableId);
    expect(sweep.body.refunds).toContainEqual({ refund_id: refund!.id, outcome: 'submitted' });
    expect(await stripeRefundsOf(job)).toHaveLength(1);
    await webhooksIdle();
    expect((await refundsOf(job.owner.client, job.payableId))[0]).toMatchObject({ status: 'succeeded' });
  });
});

describe('a payment for a job cancelled meanwhile', () => {
  it('is returned in full: a payment_returned refund, sent once, and the books follow Stripe', async () => {
    const job = await acceptedJob(50000);
    const { payment_id, checkout_url } = await startCheckout(job.owner, job.payableId);
    // The owner cancels in one tab while paying in another.
    expect(await job.owner.client.rpc('cancel_lead', { lead_id: job.leadId })).toMatchObject({ data: 'cancelled', error: null });
    expect((await submitCheckout(checkout_url)).status).toBe(303);
    await webhooksIdle();
    expect((await job.owner.client.from('payments').select('status').eq('id', payment_id).single()).data).toEqual({ status: 'returned' });
    const [refund, ...others] = await refundsOf(job.owner.client, job.payableId);
    expect(others).toEqual([]);
    expect(refund).toMatchObject({ reason: 'payment_returned', amount_cents: 50000, status: 'pending' });

    expect(await pushRefunds(job.owner.client, job.payableId)).toEqual({
      status: 200,
      body: { refunds: [{ refund_id: refund!.id, outcome: 'submitted' }] },
    });
    await webhooksIdle();
    const stripe = stripeSdk();
    const sessionId = /\/checkout\/(cs_[^/?]+)/.exec(checkout_url)![1]!;
    const paymentIntentId = (await stripe.checkout.sessions.retrieve(sessionId)).payment_intent as string;
    const chargeId = (await stripe.paymentIntents.retrieve(paymentIntentId)).latest_charge as string;
    expect((await stripe.refunds.list({ payment_intent: paymentIntentId })).data.map((r) => [r.amount, r.metadata?.refund_id])).toEqual([
      [50000, refund!.id],
    ]);
    expect((await refundsOf(job.owner.client, job.payableId))[0]).toMatchObject({ status: 'succeeded' });
    expect(await payableOf(job.owner.client, job.payableId)).toEqual({ status: 'cancelled', refunded_cents: 0 });
    expect(await walletOf(job.expert.client)).toEqual([]);
    await expectBooksMatchStripe({ ...job, paymentId: payment_id, sessionId, paymentIntentId, chargeId });
  });
});

describe('sending a refund exactly once', () => {
  it('a send that never reached Stripe stays pending, and the next push sends it once', async () => {
    const job = await paidJob(80000);
    expect((await job.owner.client.rpc('cancel_lead', { lead_id: job.leadId })).error).toBeNull();
    // Every attempt of the function's client (it retries once) loses its connection before Stripe acts.
    await fakeControl('/fail-next', { type: 'network', path: '/v1/refunds', method: 'POST', times: 5 });
    const first = await pushRefunds(job.owner.client, job.payableId);
    const [refund] = await refundsOf(job.owner.client, job.payableId);
    expect(first).toEqual({ status: 200, body: { refunds: [{ refund_id: refund!.id, outcome: 'retry_later' }] } });
    expect(refund).toMatchObject({ status: 'pending' });
    expect(await stripeRefundsOf(job)).toEqual([]);

    await fakeControl('/fail-next', undefined, 'DELETE');
    expect(await pushRefunds(job.owner.client, job.payableId)).toEqual({
      status: 200,
      body: { refunds: [{ refund_id: refund!.id, outcome: 'submitted' }] },
    });
    expect(await stripeRefundsOf(job)).toHaveLength(1);
    await webhooksIdle();
    expect((await refundsOf(job.owner.client, job.payableId))[0]).toMatchObject({ status: 'succeeded' });
  });

  it("a connection dropped after Stripe refunded: the retry gets Stripe's first answer, not a second refund", async () => {
    const job = await paidJob(100000);
    const admin = await signInDemo('admin');
    // Part of the job, so a second refund would be possible in Stripe and the test would see it.
    const { data: refundId, error } = await admin.client.rpc('refund_payable', { payable_id: job.payableId, amount_cents: 30000, note: 'Late' });
    expect(error).toBeNull();
    await fakeControl('/fail-next', { type: 'network', path: '/v1/refunds', method: 'POST', afterProcessing: true });
    // The function's client retries the dropped request once, with the same key: Stripe replays its answer.
    expect(await pushRefunds(admin.client, job.payableId)).toEqual({
      status: 200,
      body: { refunds: [{ refund_id: refundId, outcome: 'submitted' }] },
    });
    expect(await fakeControl('/fail-next')).toEqual({ pending: [] }); // the connection was dropped
    const inStripe = await stripeRefundsOf(job);
    expect(inStripe.map((r) => [r.amount, r.metadata?.refund_id])).toEqual([[30000, refundId]]);
    // A second push and the sweep add nothing.
    await pushRefunds(admin.client, job.payableId);
    await pushRefunds(adminClient());
    await webhooksIdle();
    expect(await stripeRefundsOf(job)).toHaveLength(1);
    expect(await refundsOf(admin.client, job.payableId)).toEqual([expect.objectContaining({ id: refundId, status: 'succeeded' })]);
    expect(await storedStripeRefundId(refundId as string)).toBe(inStripe[0]!.id);
    await expectBooksMatchStripe(job);
  });

  it('Stripe forgot the idempotency key: the refund already in Stripe with our id is reused, not repeated', async () => {
    const job = await paidJob(100000);
    const admin = await signInDemo('admin');
    const { data: refundId, error } = await admin.client.rpc('refund_payable', {
      payable_id: job.payableId,
      amount_cents: 40000,
      note: 'Partly done',
    });
    expect(error).toBeNull();
    // An earlier send made the refund in Stripe, but its answer was lost and its key has expired
    // (Stripe keeps keys 24 h). Hold the webhooks, so only the refunds function can find it.
    await fakeControl('/webhooks/hold', {});
    const earlier = await stripeSdk().refunds.create({
      payment_intent: job.paymentIntentId,
      amount: 40000,
      reason: 'requested_by_customer',
      metadata: { refund_id: refundId as string, payment_id: job.paymentId, payable_id: job.payableId },
    });
    expect((await refundsOf(admin.client, job.payableId))[0]).toMatchObject({ status: 'pending' });

    const pushed = await pushRefunds(admin.client, job.payableId);
    expect(pushed).toEqual({ status: 200, body: { refunds: [{ refund_id: refundId, outcome: 'submitted' }] } });
    expect((await stripeRefundsOf(job)).map((r) => r.id)).toEqual([earlier.id]);
    expect(await storedStripeRefundId(refundId as string)).toBe(earlier.id);

    await fakeControl('/webhooks/release', { order: 'fifo' });
    await webhooksIdle();
    expect(await refundsOf(admin.client, job.payableId)).toEqual([expect.objectContaining({ id: refundId, reason: 'admin', status: 'succeeded' })]);
    expect(await payableOf(admin.client, job.payableId)).toEqual({ status: 'paid', refunded_cents: 40000 });
    await expectBooksMatchStripe(job);
  });
});

describe('refunds made in Stripe directly', () => {
  it('an admin refunds part, someone refunds more in Stripe: recorded as a provider refund, reversed pro rata, once', async () => {
    const job = await paidJob(100000);
    const admin = await signInDemo('admin');
    const { data: refundId, error } = await admin.client.rpc('refund_payable', {
      payable_id: job.payableId,
      amount_cents: 25000,
      note: 'One of four rooms not painted',
    });
    expect(error).toBeNull();
    // The commission (10%) and the expert's net go back pro rata: 2,500 and 22,500.
    expect(await walletOf(job.expert.client)).toEqual([
      { currency: 'ILS', escrow_cents: 67500, pending_cents: 0, available_cents: 0, carry_cents: 0 },
    ]);
    expect(await payableOf(job.owner.client, job.payableId)).toEqual({ status: 'paid', refunded_cents: 25000 });
    expect(await pushRefunds(admin.client, job.payableId)).toEqual({
      status: 200,
      body: { refunds: [{ refund_id: refundId, outcome: 'submitted' }] },
    });
    await webhooksIdle();

    const direct = await stripeSdk().refunds.create({ payment_intent: job.paymentIntentId, amount: 10000 });
    await webhooksIdle();

    const rows = await refundsOf(job.owner.client, job.payableId);
    expect(rows.map((r) => [r.reason, r.amount_cents, r.status])).toEqual([
      ['admin', 25000, 'succeeded'],
      ['provider', 10000, 'succeeded'],
    ]);
    expect(rows[0]!.note).toBe('One of four rooms not painted');
    const charge = await stripeSdk().charges.retrieve(job.chargeId);
    expect(charge.amount_refunded).toBe(rows.reduce((n, r) => n + r.amount_cents, 0));
    expect(await payableOf(job.owner.client, job.payableId)).toEqual({ status: 'paid', refunded_cents: 35000 });
    expect(await walletOf(job.expert.client)).toEqual([
      { currency: 'ILS', escrow_cents: 58500, pending_cents: 0, available_cents: 0, carry_cents: 0 },
    ]);
    const ledger = await jobLedger(job.payableId);
    expect(ledger.byPurpose.platform_escrow).toBe(-6500);
    expect(ledger.byPurpose.expert_escrow).toBe(-58500);
    expect(ledger.kinds.refund).toBe(2);
    await expectBooksMatchStripe(job);

    // Stripe delivering charge.refunded again records nothing more.
    const refundedEvents = (await stripeSdk().events.list({ type: 'charge.refunded', limit: 100 })).data.filter(
      (e) => (e.data.object as { id: string }).id === job.chargeId,
    );
    expect(refundedEvents).toHaveLength(2);
    for (const e of refundedEvents) await fakeControl(`/events/${e.id}/resend`, {});
    await webhooksIdle();
    expect(await refundsOf(job.owner.client, job.payableId)).toHaveLength(2);
    expect(await jobLedger(job.payableId)).toEqual(ledger);
    expect(direct.metadata).toEqual({});
  });
});

describe('a refund the bank bounces', () => {
  it('is marked failed and the money is owed back to the payer', async () => {
    const job = await paidJob(70000);
    expect((await job.owner.client.rpc('cancel_lead', { lead_id: job.leadId })).error).toBeNull();
    expect((await pushRefunds(job.owner.client, job.payableId)).status).toBe(200);
    await webhooksIdle();
    const [refund] = await refundsOf(job.owner.client, job.payableId);
    expect(refund).toMatchObject({ status: 'succeeded' });
    const before = await ilsPositions();

    const [inStripe] = await stripeRefundsOf(job);
    await fakeControl(`/refunds/${inStripe!.id}/fail`, { failureReason: 'expired_or_canceled_card' });
    await webhooksIdle();

    const [failed] = await refundsOf(job.owner.client, job.payableId);
    expect(failed).toMatchObject({ id: refund!.id, status: 'failed' });
    expect(failed!.failed_at).not.toBeNull();
    const after = await ilsPositions();
    expect(after.payer_refunds_due_cents - before.payer_refunds_due_cents).toBe(70000);
    // The job stays refunded: the payer is owed the money, the expert does not get it back.
    expect(await payableOf(job.owner.client, job.payableId)).toEqual({ status: 'refunded', refunded_cents: 70000 });
    expect(await walletOf(job.expert.client)).toEqual([{ currency: 'ILS', escrow_cents: 0, pending_cents: 0, available_cents: 0, carry_cents: 0 }]);
    await expectBooksMatchStripe(job);

    // refund.failed again changes nothing.
    const failedEvent = (await stripeSdk().events.list({ type: 'refund.failed', limit: 100 })).data.find(
      (e) => (e.data.object as { id: string }).id === inStripe!.id,
    );
    await fakeControl(`/events/${failedEvent!.id}/resend`, {});
    await webhooksIdle();
    expect((await ilsPositions()).payer_refunds_due_cents).toBe(after.payer_refunds_due_cents);
  });
});

describe('a refund made in Stripe directly that the bank bounces', () => {
  it('is marked failed too, and its money owed back to the payer, as the books must follow Stripe', async () => {
    const job = await paidJob(100000);
    const direct = await stripeSdk().refunds.create({ payment_intent: job.paymentIntentId, amount: 20000 });
    await webhooksIdle();
    expect((await refundsOf(job.owner.client, job.payableId)).map((r) => [r.reason, r.amount_cents, r.status])).toEqual([
      ['provider', 20000, 'succeeded'],
    ]);
    await expectBooksMatchStripe(job);
    const before = await ilsPositions();

    await fakeControl(`/refunds/${direct.id}/fail`, {});
    await webhooksIdle();

    // Stripe has the 20,000 back (a refund_failure balance transaction); so must our books. (Fails
    // today: apply_refund_failed matches only our refund_id or a stored stripe_refund_id, and a
    // provider row stores neither, so refund.failed answers refund_unmatched and books nothing.)
    expect((await refundsOf(job.owner.client, job.payableId)).map((r) => [r.reason, r.amount_cents, r.status])).toEqual([
      ['provider', 20000, 'failed'],
    ]);
    expect((await ilsPositions()).payer_refunds_due_cents - before.payer_refunds_due_cents).toBe(20000);
    await expectBooksMatchStripe(job);
  });
});

describe('a dispute resolved with a refund', () => {
  it('refunds the part an admin decides through Stripe, and releases the rest to the expert at once', async () => {
    const job = await paidJob(100000);
    const { data: disputeId, error } = await job.owner.client.rpc('open_dispute', {
      payable_id: job.payableId,
      reason: 'poor_quality',
      message: 'The new pipe leaks again.',
    });
    expect(error).toBeNull();
    expect((await job.expert.client.rpc('mark_job_done', { lead_id: job.leadId })).error).toBeNull();
    const confirm = await job.owner.client.rpc('confirm_job_done', { lead_id: job.leadId });
    expect(confirm.error?.message).toMatch(/a dispute is open on this job/);
    const byExpert = await job.expert.client.rpc('resolve_dispute', { dispute_id: disputeId, outcome: 'release' });
    expect(byExpert.error).not.toBeNull();

    const admin = await signInDemo('admin');
    expect(
      await admin.client.rpc('resolve_dispute', { dispute_id: disputeId, outcome: 'refund', refund_cents: 40000, note: 'Half the work redone' }),
    ).toMatchObject({ data: 'refunded', error: null });
    expect((await job.owner.client.from('disputes').select('status, outcome, refund_cents').eq('id', disputeId).single()).data).toEqual({
      status: 'resolved',
      outcome: 'refunded',
      refund_cents: 40000,
    });
    const [refund] = await refundsOf(job.owner.client, job.payableId);
    expect(refund).toMatchObject({ reason: 'dispute', amount_cents: 40000, status: 'pending', dispute_id: disputeId });
    // 60% of the expert's 90,000 is theirs now; the dispute was the hold's purpose.
    expect(await walletOf(job.expert.client)).toEqual([
      { currency: 'ILS', escrow_cents: 0, pending_cents: 0, available_cents: 54000, carry_cents: 0 },
    ]);

    expect(await pushRefunds(job.owner.client, job.payableId)).toEqual({
      status: 200,
      body: { refunds: [{ refund_id: refund!.id, outcome: 'submitted' }] },
    });
    await webhooksIdle();
    expect((await stripeRefundsOf(job)).map((r) => [r.amount, r.metadata?.refund_id])).toEqual([[40000, refund!.id]]);
    expect((await refundsOf(job.owner.client, job.payableId))[0]).toMatchObject({ status: 'succeeded' });
    await expectBooksMatchStripe(job);
  });
});

/** How one job's refund story ends, for comparing deliveries in order with deliveries out of order. */
async function endState(job: PaidJob) {
  const ledger = await jobLedger(job.payableId);
  return {
    payable: await payableOf(job.owner.client, job.payableId),
    refunds: (await refundsOf(job.owner.client, job.payableId)).map((r) => [r.reason, r.amount_cents, r.status]),
    wallet: (await walletOf(job.expert.client)).map((w) => [w.escrow_cents, w.pending_cents, w.available_cents, w.carry_cents]),
    ledger: { byPurpose: ledger.byPurpose, keys: ledger.keys },
  };
}

describe('refund events out of order, repeated and concurrent', () => {
  // Stripe does not promise order: a refund made in Stripe right after the payment can be delivered
  // before the payment's own events. Run the same story twice: once delivered in order, once held,
  // then released newest first with every event three times at once.
  async function providerRefundStory(outOfOrder: boolean, expectedEvents?: number): Promise<{ job: PaidJob; events: string[] }> {
    const job = await acceptedJob(100000);
    const { payment_id, checkout_url } = await startCheckout(job.owner, job.payableId);
    await fakeControl('/webhooks/hold', {});
    if (outOfOrder) await fakeControl('/webhooks/next', { count: expectedEvents, copies: 3, concurrent: true });
    expect((await submitCheckout(checkout_url)).status).toBe(303);
    const stripe = stripeSdk();
    const sessionId = /\/checkout\/(cs_[^/?]+)/.exec(checkout_url)![1]!;
    const paymentIntentId = (await stripe.checkout.sessions.retrieve(sessionId)).payment_intent as string;
    const chargeId = (await stripe.paymentIntents.retrieve(paymentIntentId)).latest_charge as string;
    await stripe.refunds.create({ payment_intent: paymentIntentId, amount: 30000 });
    const held = (await fakeControl<{ held: string[] }>('/webhooks/held')).held;
    if (expectedEvents !== undefined) expect(held).toHaveLength(expectedEvents);
    const { released } = await fakeControl<{ released: string[] }>('/webhooks/release', { order: outOfOrder ? 'reverse' : 'fifo' });
    await webhooksIdle();
    return { job: { ...job, paymentId: payment_id, sessionId, paymentIntentId, chargeId }, events: released };
  }

  /** What the webhook answered to each delivery of the events of one type, sorted. */
  async function outcomesOf(eventIds: string[], type: string): Promise<string[]> {
    const outcomes: string[] = [];
    for (const id of eventIds) {
      const { data } = await fakeControl<{ data: { eventType: string; ok: boolean; responseBody: string | null }[] }>(
        `/webhooks/attempts?event=${id}`,
      );
      for (const a of data.filter((x) => x.eventType === type))
        outcomes.push(a.ok ? ((JSON.parse(a.responseBody ?? '{}') as { outcome: string }).outcome ?? '?') : 'failed');
    }
    return outcomes.sort();
  }

  it('a refund made in Stripe that arrives before the payment is parked, then applied once', async () => {
    const inOrder = await providerRefundStory(false);
    const expected = await endState(inOrder.job);
    expect(expected).toMatchObject({ payable: { status: 'paid', refunded_cents: 30000 }, refunds: [['provider', 30000, 'succeeded']] });

    const reversed = await providerRefundStory(true, inOrder.events.length);
    expect(await endState(reversed.job)).toEqual(expected);
    await expectBooksMatchStripe(reversed.job);
    // It really came first: parked once, and its two other copies (sent at the same moment) were duplicates.
    expect(await outcomesOf(reversed.events, 'charge.refunded')).toEqual(['duplicate', 'duplicate', 'parked']);
    expect(await outcomesOf(reversed.events, 'checkout.session.completed')).toEqual(['duplicate', 'duplicate', 'settled']);
  });

  it('a refund that failed, its charge.refunded delivered after its refund.failed, is not taken for a second refund', async () => {
    const job = await paidJob(100000);
    const admin = await signInDemo('admin');
    const { data: refundId } = await admin.client.rpc('refund_payable', { payable_id: job.payableId, amount_cents: 25000, note: 'Partial' });
    const before = await ilsPositions();
    await fakeControl('/webhooks/hold', {});
    expect(await pushRefunds(admin.client, job.payableId)).toEqual({
      status: 200,
      body: { refunds: [{ refund_id: refundId, outcome: 'submitted' }] },
    });
    const [inStripe] = await stripeRefundsOf(job);
    await fakeControl(`/refunds/${inStripe!.id}/fail`, {});
    // refund.failed (and refund.updated) first, then charge.refunded and refund.created.
    await fakeControl('/webhooks/release', { order: 'reverse' });
    await webhooksIdle();

    // As in order: our refund failed, the payer is owed it, and nothing else was refunded. (Fails
    // today: apply_charge_refunded leaves failed refunds out of what is ours, so the late
    // charge.refunded's amount_refunded of 25,000 is taken for a refund made in Stripe directly.)
    expect((await refundsOf(job.owner.client, job.payableId)).map((r) => [r.reason, r.amount_cents, r.status])).toEqual([['admin', 25000, 'failed']]);
    expect(await payableOf(job.owner.client, job.payableId)).toEqual({ status: 'paid', refunded_cents: 25000 });
    expect((await ilsPositions()).payer_refunds_due_cents - before.payer_refunds_due_cents).toBe(25000);
    await expectBooksMatchStripe(job);
  });
});
