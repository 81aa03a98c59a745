// Chargebacks end to end: the card holder disputes a paid charge with their bank (the local Stripe's
// control API plays the bank), Stripe's charge.dispute.* webhooks reach the stripe-webhook function,
// and the job's money freezes; a lost chargeback takes the job's shares back pro rata from wherever
// they sit (escrow, pending, available, and past available into the expert's carry), a won one
// returns the money and unfreezes the job. Stripe's dispute fee stays an expense either way.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DISPUTE_FEE, type Dispute } from '../../stack/stripe-fake/index.ts';
import { signInDemo, type SignedIn } from '../support/accounts.ts';
import { bookPayout, booksImbalance, jobLedger, type MoneyPositions } from '../support/ledger.ts';
import { clockShift, releaseHoldsDaysLater, restoreClockShift } from '../support/money-clock.ts';
import { acceptedJob, startCheckout, submitCheckout } from '../support/payments.ts';
import { fakeControl, paidJob, stripeNetForCharge, stripeSdk, webhooksIdle, type PaidJob } from '../support/stripe-fake.ts';

interface ChargebackRow {
  id: string;
  payable_id: string;
  amount_cents: number;
  currency: string;
  reason: string | null;
  stripe_status: string;
  outcome: string | null;
  reversed_cents: number;
  opened_at: string;
  closed_at: string | null;
}

const FROZEN = /disputed this payment with their bank/;

async function chargebacksOf(client: SupabaseClient, payableId: string): Promise<ChargebackRow[]> {
  const { data, error } = await client.from('chargebacks').select('*').eq('payable_id', payableId).order('opened_at');
  if (error) throw new Error(`reading chargebacks failed: ${error.message}`);
  return data as ChargebackRow[];
}

async function payableOf(client: SupabaseClient, payableId: string) {
  const { data, error } = await client.from('payables').select('status, refunded_cents').eq('id', payableId).single();
  if (error) throw new Error(`reading the payable failed: ${error.message}`);
  return data as { status: string; refunded_cents: number };
}

async function walletOf(client: SupabaseClient) {
  const { data, error } = await client.rpc('my_wallet');
  if (error) throw new Error(`my_wallet failed: ${error.message}`);
  const [ils, ...others] = data as { currency: string; escrow_cents: number; pending_cents: number; available_cents: number; carry_cents: number }[];
  if (others.length > 0 || ils?.currency !== 'ILS') throw new Error(`expected one ILS wallet, got ${JSON.stringify(data)}`);
  return { escrow_cents: ils.escrow_cents, pending_cents: ils.pending_cents, available_cents: ils.available_cents, carry_cents: ils.carry_cents };
}

const wallet = (escrow: number, pending: number, available: number, carry = 0) => ({
  escrow_cents: escrow,
  pending_cents: pending,
  available_cents: available,
  carry_cents: carry,
});

async function ilsPositions(admin: SignedIn): Promise<MoneyPositions> {
  const { data, error } = await admin.client.rpc('admin_money_positions');
  if (error) throw new Error(`admin_money_positions failed: ${error.message}`);
  return (data as MoneyPositions[]).find((p) => p.currency === 'ILS')!;
}

const disputeCharge = (chargeId: string, body: { reason?: string; amount?: number } = {}) =>
  fakeControl<Dispute>(`/charges/${chargeId}/dispute`, body);
const closeDispute = (disputeId: string, outcome: 'won' | 'lost') => fakeControl<Dispute>(`/disputes/${disputeId}/close`, { outcome });

async function markDone(job: PaidJob): Promise<void> {
  const { data, error } = await job.expert.client.rpc('mark_job_done', { lead_id: job.leadId });
  if (error || data !== 'done') throw new Error(`mark_job_done failed: ${error?.message ?? String(data)}`);
}

async function completedJob(priceCents: number): Promise<PaidJob> {
  const job = await paidJob(priceCents);
  await markDone(job);
  const { data, error } = await job.owner.client.rpc('confirm_job_done', { lead_id: job.leadId });
  if (error || data !== 'completed') throw new Error(`confirm_job_done failed: ${error?.message ?? String(data)}`);
  return job;
}

/** Our ledger's Stripe clearing for the job says what Stripe's balance says for its charge, and the books balance. */
async function expectBooksMatchStripe(job: PaidJob, admin: SignedIn): Promise<void> {
  const ledger = await jobLedger(job.payableId);
  expect(ledger.byPurpose.stripe_clearing ?? 0, 'Stripe clearing for the job vs Stripe balance transactions').toBe(
    await stripeNetForCharge(job.chargeId),
  );
  expect(booksImbalance(await ilsPositions(admin)), 'debits less credits over admin_money_positions').toBe(0);
}

let admin: SignedIn;
let shift: string;

beforeAll(async () => {
  admin = await signInDemo('admin');
  shift = await clockShift();
});

// Webhook holds are global to the fake, and the money clock to the database: leave neither moved.
afterEach(async () => {
  if ((await fakeControl<{ held: string[] }>('/webhooks/held')).held.length > 0) await fakeControl('/webhooks/release', { order: 'fifo' });
  await webhooksIdle();
});
afterAll(async () => {
  await restoreClockShift(shift);
});

describe('a chargeback', () => {
  it('freezes a job in escrow; lost, it takes the whole job back from escrow', async () => {
    const job = await paidJob(100000);
    await markDone(job);
    const paymentFee = (await jobLedger(job.payableId)).byPurpose.processor_fees!;
    expect(paymentFee).toBeGreaterThan(0);

    const dispute = await disputeCharge(job.chargeId, { reason: 'product_not_received' });
    expect(dispute).toMatchObject({ amount: 100000, status: 'needs_response' });
    await webhooksIdle();

    const [open, ...others] = await chargebacksOf(job.owner.client, job.payableId);
    expect(others).toEqual([]);
    expect(open).toMatchObject({
      id: dispute.id,
      amount_cents: 100000,
      currency: 'ILS',
      reason: 'product_not_received',
      stripe_status: 'needs_response',
      outcome: null,
      reversed_cents: 0,
      closed_at: null,
    });
    expect(await chargebacksOf(job.expert.client, job.payableId)).toEqual([open]);
    // Stripe took the amount and its fee; the job's shares are untouched until the bank decides.
    let ledger = await jobLedger(job.payableId);
    expect(ledger.byPurpose.chargebacks_held).toBe(100000);
    expect(ledger.byPurpose.processor_fees).toBe(paymentFee + DISPUTE_FEE);
    expect(await walletOf(job.expert.client)).toEqual(wallet(90000, 0, 0));
    expect((await ilsPositions(admin)).open_chargebacks).toBeGreaterThanOrEqual(1);
    await expectBooksMatchStripe(job, admin);

    // Frozen: the payer cannot confirm, an admin cannot refund.
    const confirm = await job.owner.client.rpc('confirm_job_done', { lead_id: job.leadId });
    expect(confirm.error).toMatchObject({ code: '22023', message: expect.stringMatching(FROZEN) });
    const refund = await admin.client.rpc('refund_payable', { payable_id: job.payableId, amount_cents: 1000, note: 'Goodwill' });
    expect(refund.error).toMatchObject({ code: '22023', message: expect.stringMatching(FROZEN) });
    expect(await payableOf(job.owner.client, job.payableId)).toEqual({ status: 'paid', refunded_cents: 0 });

    expect((await closeDispute(dispute.id, 'lost')).status).toBe('lost');
    await webhooksIdle();

    const [lost] = await chargebacksOf(job.owner.client, job.payableId);
    expect(lost).toMatchObject({ id: dispute.id, stripe_status: 'lost', outcome: 'lost', reversed_cents: 100000 });
    expect(lost!.closed_at).not.toBeNull();
    expect(await payableOf(job.owner.client, job.payableId)).toEqual({ status: 'refunded', refunded_cents: 100000 });
    expect((await job.owner.client.from('leads').select('status').eq('id', job.leadId).single()).data).toEqual({ status: 'cancelled' });
    expect(await walletOf(job.expert.client)).toEqual(wallet(0, 0, 0));
    ledger = await jobLedger(job.payableId);
    expect(ledger.byPurpose.chargebacks_held ?? 0).toBe(0);
    expect(ledger.byPurpose.platform_escrow ?? 0).toBe(0);
    expect(ledger.byPurpose.expert_escrow ?? 0).toBe(0);
    // A chargeback is not one of our refunds: nothing for the refunds function to send.
    expect((await job.owner.client.from('refunds').select('id').eq('payable_id', job.payableId)).data).toEqual([]);
    await expectBooksMatchStripe(job, admin);
  });

  it('won: the money comes back, the fee stays an expense, and the job can be confirmed again', async () => {
    const job = await paidJob(80000);
    await markDone(job);
    const paymentFee = (await jobLedger(job.payableId)).byPurpose.processor_fees!;
    const dispute = await disputeCharge(job.chargeId);
    await webhooksIdle();
    expect(await chargebacksOf(job.owner.client, job.payableId)).toEqual([expect.objectContaining({ id: dispute.id, outcome: null })]);
    const refused = await job.owner.client.rpc('confirm_job_done', { lead_id: job.leadId });
    expect(refused.error?.message).toMatch(FROZEN);

    await closeDispute(dispute.id, 'won');
    await webhooksIdle();
    expect(await chargebacksOf(job.owner.client, job.payableId)).toEqual([
      expect.objectContaining({ id: dispute.id, stripe_status: 'won', outcome: 'won', reversed_cents: 0 }),
    ]);
    const ledger = await jobLedger(job.payableId);
    expect(ledger.byPurpose.chargebacks_held ?? 0).toBe(0);
    expect(ledger.byPurpose.processor_fees).toBe(paymentFee + DISPUTE_FEE);
    expect(await walletOf(job.expert.client)).toEqual(wallet(72000, 0, 0));
    await expectBooksMatchStripe(job, admin);

    expect(await job.owner.client.rpc('confirm_job_done', { lead_id: job.leadId })).toMatchObject({ data: 'completed', error: null });
    expect(await walletOf(job.expert.client)).toEqual(wallet(0, 72000, 0));
    expect(await payableOf(job.owner.client, job.payableId)).toEqual({ status: 'completed', refunded_cents: 0 });
  });

  it('keeps a completed job on hold while open; lost in part, it takes its share from pending, pro rata', async () => {
    const job = await completedJob(100000);
    expect(await walletOf(job.expert.client)).toEqual(wallet(0, 90000, 0));
    const dispute = await disputeCharge(job.chargeId, { amount: 40000 });
    await webhooksIdle();

    // The hold ends, but not for a job under chargeback; nor may an admin release it early.
    await releaseHoldsDaysLater(8);
    expect(await walletOf(job.expert.client)).toEqual(wallet(0, 90000, 0));
    const early = await admin.client.rpc('release_hold_early', { payable_id: job.payableId });
    expect(early.error?.message).toMatch(FROZEN);

    await closeDispute(dispute.id, 'lost');
    await webhooksIdle();
    // 40% of the job: 4,000 of the commission, 36,000 of the expert's 90,000.
    expect(await chargebacksOf(job.owner.client, job.payableId)).toEqual([
      expect.objectContaining({ amount_cents: 40000, outcome: 'lost', reversed_cents: 40000 }),
    ]);
    expect(await payableOf(job.owner.client, job.payableId)).toEqual({ status: 'completed', refunded_cents: 40000 });
    expect(await walletOf(job.expert.client)).toEqual(wallet(0, 54000, 0));
    expect((await jobLedger(job.payableId)).byPurpose.platform_revenue).toBe(-6000);
    await expectBooksMatchStripe(job, admin);

    // Decided: the rest of the job is released as usual.
    await releaseHoldsDaysLater(8);
    expect(await walletOf(job.expert.client)).toEqual(wallet(0, 0, 54000));
  });

  it('lost after the hold was released: it comes out of available', async () => {
    const job = await completedJob(100000);
    await releaseHoldsDaysLater(8);
    expect(await walletOf(job.expert.client)).toEqual(wallet(0, 0, 90000));
    const dispute = await disputeCharge(job.chargeId);
    await webhooksIdle();
    expect(await walletOf(job.expert.client)).toEqual(wallet(0, 0, 90000));

    await closeDispute(dispute.id, 'lost');
    await webhooksIdle();
    expect(await chargebacksOf(job.owner.client, job.payableId)).toEqual([expect.objectContaining({ outcome: 'lost', reversed_cents: 100000 })]);
    expect(await walletOf(job.expert.client)).toEqual(wallet(0, 0, 0));
    expect(await payableOf(job.owner.client, job.payableId)).toEqual({ status: 'refunded', refunded_cents: 100000 });
    const ledger = await jobLedger(job.payableId);
    expect(ledger.byPurpose.platform_revenue ?? 0).toBe(0);
    expect(ledger.byPurpose.expert_available ?? 0).toBe(0);
    await expectBooksMatchStripe(job, admin);
  });

  it('lost after the money was paid out: what available cannot cover becomes the expert carry', async () => {
    const job = await completedJob(100000);
    await releaseHoldsDaysLater(8);
    await bookPayout(job.expert.expertId, 60000);
    expect(await walletOf(job.expert.client)).toEqual(wallet(0, 0, 30000));
    const dispute = await disputeCharge(job.chargeId);
    await webhooksIdle();
    await closeDispute(dispute.id, 'lost');
    await webhooksIdle();

    // The expert's 90,000: 30,000 from available, 60,000 owed back from later payouts.
    expect(await walletOf(job.expert.client)).toEqual(wallet(0, 0, 0, 60000));
    expect(await chargebacksOf(job.owner.client, job.payableId)).toEqual([expect.objectContaining({ outcome: 'lost', reversed_cents: 100000 })]);
    expect(booksImbalance(await ilsPositions(admin))).toBe(0);
  });
});

/** How one job's story ends, for comparing deliveries in order with deliveries out of order. */
async function endState(job: PaidJob) {
  const ledger = await jobLedger(job.payableId);
  return {
    payable: await payableOf(job.owner.client, job.payableId),
    chargebacks: (await chargebacksOf(job.owner.client, job.payableId)).map((c) => [c.amount_cents, c.stripe_status, c.outcome, c.reversed_cents]),
    refunds: ((await job.owner.client.from('refunds').select('reason, amount_cents, status').eq('payable_id', job.payableId)).data ?? []).map((r) => [
      r.reason,
      r.amount_cents,
      r.status,
    ]),
    wallet: await walletOf(job.expert.client),
    ledger: { byPurpose: ledger.byPurpose, keys: ledger.keys },
  };
}

interface Story {
  job: PaidJob;
  events: string[];
}

/**
 * Pays a job and, before any of the payment's webhooks are delivered, refunds 30,000 in Stripe
 * directly, then the card holder charges back the rest and the bank decides. In order: held, then
 * released oldest first. Out of order: released newest first, every event three times at once.
 */
async function chargebackStory(outcome: 'won' | 'lost', delivery: { outOfOrder: false } | { outOfOrder: true; events: number }): Promise<Story> {
  const accepted = await acceptedJob(100000);
  const { payment_id, checkout_url } = await startCheckout(accepted.owner, accepted.payableId);
  await fakeControl('/webhooks/hold', {});
  if (delivery.outOfOrder) await fakeControl('/webhooks/next', { count: delivery.events, copies: 3, concurrent: true });
  expect((await submitCheckout(checkout_url)).status).toBe(303);
  const stripe = stripeSdk();
  const sessionId = /\/checkout\/(cs_[^/?]+)/.exec(checkout_url)![1]!;
  const paymentIntentId = (await stripe.checkout.sessions.retrieve(sessionId)).payment_intent as string;
  const chargeId = (await stripe.paymentIntents.retrieve(paymentIntentId)).latest_charge as string;
  await stripe.refunds.create({ payment_intent: paymentIntentId, amount: 30000 });
  const dispute = await disputeCharge(chargeId);
  expect(dispute.amount).toBe(70000);
  await closeDispute(dispute.id, outcome);
  const held = (await fakeControl<{ held: string[] }>('/webhooks/held')).held;
  if (delivery.outOfOrder) expect(held).toHaveLength(delivery.events);
  const released = (await fakeControl<{ released: string[] }>('/webhooks/release', { order: delivery.outOfOrder ? 'reverse' : 'fifo' })).released;
  await webhooksIdle();
  return { job: { ...accepted, paymentId: payment_id, sessionId, paymentIntentId, chargeId }, events: released };
}

interface Attempt {
  eventId: string;
  eventType: string;
  ok: boolean;
  responseBody: string | null;
}

describe('chargeback and refund events out of order, repeated and concurrent', () => {
  for (const outcome of ['lost', 'won'] as const) {
    it(`end as they would in order (${outcome}), each effect once`, async () => {
      const inOrder = await chargebackStory(outcome, { outOfOrder: false });
      const expected = await endState(inOrder.job);
      expect(expected).toMatchObject(
        outcome === 'lost'
          ? {
              payable: { status: 'refunded', refunded_cents: 100000 },
              chargebacks: [[70000, 'lost', 'lost', 70000]],
              refunds: [['provider', 30000, 'succeeded']],
              wallet: wallet(0, 0, 0),
            }
          : {
              payable: { status: 'paid', refunded_cents: 30000 },
              chargebacks: [[70000, 'won', 'won', 0]],
              refunds: [['provider', 30000, 'succeeded']],
              wallet: wallet(63000, 0, 0),
            },
      );
      await expectBooksMatchStripe(inOrder.job, admin);

      const reversed = await chargebackStory(outcome, { outOfOrder: true, events: inOrder.events.length });
      expect(await endState(reversed.job)).toEqual(expected);
      await expectBooksMatchStripe(reversed.job, admin);

      // It really was out of order: the refund and the chargeback reached us before the payment did,
      // were parked, and each of the three copies of every event after the first was a duplicate.
      const attempts: Attempt[] = [];
      for (const id of reversed.events) attempts.push(...(await fakeControl<{ data: Attempt[] }>(`/webhooks/attempts?event=${id}`)).data);
      const outcomes = (type: string) =>
        attempts
          .filter((a) => a.eventType === type)
          .map((a) => (JSON.parse(a.responseBody ?? '{}') as { outcome?: string }).outcome)
          .sort();
      expect(attempts.every((a) => a.ok)).toBe(true);
      expect(outcomes('charge.refunded')).toEqual(['duplicate', 'duplicate', 'parked']);
      expect(outcomes('charge.dispute.created')).toEqual(['duplicate', 'duplicate', 'parked']);
      expect(outcomes('charge.dispute.closed')).toEqual(['duplicate', 'duplicate', 'parked']);
      expect(outcomes('payment_intent.succeeded').filter((o) => o !== 'duplicate')).toHaveLength(1);

      // Stripe sending the decision again, later, changes nothing.
      const before = await endState(reversed.job);
      const closed = reversed.events.filter((id) => attempts.some((a) => a.eventId === id && a.eventType === 'charge.dispute.closed'));
      for (const id of closed) await fakeControl(`/events/${id}/resend`, {});
      await webhooksIdle();
      expect(await endState(reversed.job)).toEqual(before);
    });
  }
});
