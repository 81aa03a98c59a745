// Chargebacks, seen through the real SDK: the control API opens and decides a dispute, the API reads,
// updates and accepts it, the balance moves by the amount and the 15.00 fee, and the charge.dispute.*
// events arrive in order, signed. Ports 29371–29373.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPUTE_FEE, startStripeFake, type StripeFake } from './index.ts';
import { createSession, sdk, startReceiver, type Receiver } from './test-support.ts';

const SECRET = 'whsec_disputes_test_secret';
let fake: StripeFake;
let stripe: Stripe;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver(29372, SECRET);
  fake = await startStripeFake({ port: 29371, webhookEndpoints: [{ url: receiver.url, secret: SECRET }], log: () => {} });
  stripe = sdk(fake.port);
});

afterAll(async () => {
  await fake.close();
  await receiver.close();
});

async function paidCharge(amount = 10_000) {
  const session = await createSession(stripe, {
    line_items: [{ price_data: { currency: 'usd', unit_amount: amount, product_data: { name: 'Job' } }, quantity: 1 }],
  });
  fake.control.pay(session.id);
  const pi = await stripe.paymentIntents.retrieve(String((await stripe.checkout.sessions.retrieve(session.id)).payment_intent));
  return { pi, chargeId: String(pi.latest_charge) };
}

const available = async () => (await stripe.balance.retrieve()).available.find((b) => b.currency === 'usd')?.amount ?? 0;

/** Types of the events about one dispute, oldest first. */
async function disputeEvents(disputeId: string) {
  const events = await stripe.events.list({ type: 'charge.dispute.*', limit: 100 });
  return events.data.filter((e) => (e.data.object as { id: string }).id === disputeId).reverse();
}

describe('opening a dispute', () => {
  it('withdraws the amount and the dispute fee, marks the charge, and reads back through the SDK', async () => {
    const { pi, chargeId } = await paidCharge(10_000);
    const before = await available();
    const opened = fake.control.disputeCharge(chargeId, { reason: 'product_not_received' });
    expect(opened.id).toMatch(/^dp_/);

    const dispute = await stripe.disputes.retrieve(opened.id);
    expect(dispute).toMatchObject({
      object: 'dispute',
      amount: 10_000,
      currency: 'usd',
      charge: chargeId,
      payment_intent: pi.id,
      reason: 'product_not_received',
      status: 'needs_response',
      is_charge_refundable: false,
      livemode: false,
      metadata: {},
      evidence: { product_description: null, receipt: null },
      evidence_details: { has_evidence: false, submission_count: 0, past_due: false },
      payment_method_details: { type: 'card', card: { brand: 'visa', case_type: 'chargeback' } },
    });
    expect(dispute.evidence_details.due_by).toBeGreaterThan(dispute.created);
    expect(dispute.balance_transactions).toHaveLength(1);
    const [withdrawal] = dispute.balance_transactions;
    expect(withdrawal).toMatchObject({
      object: 'balance_transaction',
      amount: -10_000,
      fee: DISPUTE_FEE,
      net: -10_000 - DISPUTE_FEE,
      type: 'adjustment',
      reporting_category: 'dispute',
      source: dispute.id,
      description: `Chargeback withdrawal for ${chargeId}`,
      fee_details: [{ amount: 1500, currency: 'usd', description: 'Dispute fee', type: 'stripe_fee', application: null }],
    });
    expect(await stripe.balanceTransactions.retrieve(String(withdrawal?.id))).toEqual(expect.objectContaining({ ...withdrawal }));
    expect(await available()).toBe(before - 10_000 - DISPUTE_FEE);
    expect((await stripe.charges.retrieve(chargeId)).disputed).toBe(true);

    expect((await stripe.disputes.list({ charge: chargeId })).data.map((d) => d.id)).toEqual([dispute.id]);
    expect((await stripe.disputes.list({ payment_intent: pi.id })).data.map((d) => d.id)).toEqual([dispute.id]);
    expect((await stripe.disputes.list({ limit: 1 })).data[0]?.id).toBe(dispute.id);
    const expanded = await stripe.disputes.retrieve(dispute.id, { expand: ['charge', 'payment_intent'] });
    expect(expanded.charge).toMatchObject({ id: chargeId, disputed: true });
    expect((await disputeEvents(dispute.id)).map((e) => e.type)).toEqual(['charge.dispute.created', 'charge.dispute.funds_withdrawn']);

    // The money already went back to the cardholder: no refund, no second dispute.
    await expect(stripe.refunds.create({ charge: chargeId })).rejects.toMatchObject({ code: 'charge_disputed', param: 'charge' });
    expect(() => fake.control.disputeCharge(chargeId)).toThrow(/already been disputed/);
  });

  it('defaults to what is left unrefunded and refuses charges that cannot be disputed', async () => {
    const { chargeId } = await paidCharge(5_000);
    await stripe.refunds.create({ charge: chargeId, amount: 2_000 });
    expect(() => fake.control.disputeCharge(chargeId, { amount: 3_001 })).toThrow(/amount must be a whole number from 1/);
    expect(() => fake.control.disputeCharge(chargeId, { reason: 'because' })).toThrow(/reason must be one of/);
    expect(fake.control.disputeCharge(chargeId)).toMatchObject({ amount: 3_000, reason: 'fraudulent' });

    const refunded = await paidCharge(1_000);
    await stripe.refunds.create({ charge: refunded.chargeId });
    expect(() => fake.control.disputeCharge(refunded.chargeId)).toThrow(/fully refunded/);

    const session = await createSession(stripe);
    fake.control.decline(session.id);
    const declined = (await stripe.charges.list({ payment_intent: String((await stripe.checkout.sessions.retrieve(session.id)).payment_intent) }))
      .data[0];
    expect(() => fake.control.disputeCharge(String(declined?.id))).toThrow(/has status failed; only a succeeded charge/);
    expect(() => fake.control.disputeCharge('ch_nope')).toThrow("No such charge: 'ch_nope'");
  });
});

describe('closing a dispute', () => {
  it('won: reinstates the amount (the fee is kept), then closes; the charge is refundable again', async () => {
    const { chargeId } = await paidCharge(8_000);
    const before = await available();
    const { id } = fake.control.disputeCharge(chargeId);
    const won = fake.control.closeDispute(id, 'won');
    expect(won.status).toBe('won');

    const dispute = await stripe.disputes.retrieve(id);
    expect(dispute.balance_transactions.map((t) => [t.amount, t.fee, t.net, t.type, t.reporting_category])).toEqual([
      [-8_000, DISPUTE_FEE, -8_000 - DISPUTE_FEE, 'adjustment', 'dispute'],
      [8_000, 0, 8_000, 'adjustment', 'dispute_reversal'],
    ]);
    expect(await available()).toBe(before - DISPUTE_FEE);
    const events = await disputeEvents(id);
    expect(events.map((e) => e.type)).toEqual([
      'charge.dispute.created',
      'charge.dispute.funds_withdrawn',
      'charge.dispute.funds_reinstated',
      'charge.dispute.closed',
    ]);
    expect(events[3]?.data).toMatchObject({ object: { status: 'won' }, previous_attributes: { status: 'needs_response' } });

    expect(() => fake.control.closeDispute(id, 'lost')).toThrow(/already closed \(won\)/);
    await expect(stripe.disputes.close(id)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(stripe.refunds.create({ charge: chargeId, amount: 1_000 })).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('lost (decided by the bank): the money stays withdrawn', async () => {
    const { chargeId } = await paidCharge(4_000);
    const before = await available();
    const { id } = fake.control.disputeCharge(chargeId, { amount: 1_000 });
    expect(fake.control.closeDispute(id, 'lost')).toMatchObject({ status: 'lost', amount: 1_000 });
    expect((await stripe.disputes.retrieve(id)).balance_transactions).toHaveLength(1);
    expect(await available()).toBe(before - 1_000 - DISPUTE_FEE);
    expect((await disputeEvents(id)).map((e) => e.type)).toEqual([
      'charge.dispute.created',
      'charge.dispute.funds_withdrawn',
      'charge.dispute.closed',
    ]);
    expect(() => fake.control.closeDispute(id, 'won')).toThrow(/already closed \(lost\)/);
  });

  it('stripe.disputes.close accepts the dispute as lost, once', async () => {
    const { chargeId } = await paidCharge();
    const { id } = fake.control.disputeCharge(chargeId);
    const closed = await stripe.disputes.close(id);
    expect(closed).toMatchObject({ id, status: 'lost' });
    const events = await disputeEvents(id);
    expect(events.map((e) => e.type)).toEqual(['charge.dispute.created', 'charge.dispute.funds_withdrawn', 'charge.dispute.closed']);
    expect(events[2]?.data).toMatchObject({ object: { status: 'lost' }, previous_attributes: { status: 'needs_response' } });
    expect(events[2]?.request?.id).toMatch(/^req_/);
    await expect(stripe.disputes.close(id)).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      message: `Dispute ${id} is already closed (lost).`,
    });
    await expect(stripe.disputes.close('dp_nope')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});

describe('updating a dispute', () => {
  it('stages and submits evidence, updates metadata, and emits charge.dispute.updated with what changed', async () => {
    const { chargeId } = await paidCharge();
    const { id } = fake.control.disputeCharge(chargeId);
    const staged = await stripe.disputes.update(id, {
      metadata: { case: '42' },
      evidence: { product_description: 'Two hours of plumbing', customer_name: 'Ada' },
      submit: false,
    });
    expect(staged).toMatchObject({
      status: 'needs_response',
      metadata: { case: '42' },
      evidence: { product_description: 'Two hours of plumbing', customer_name: 'Ada', receipt: null },
      evidence_details: { has_evidence: true, submission_count: 0 },
    });
    const submitted = await stripe.disputes.update(id, { submit: true });
    expect(submitted).toMatchObject({ status: 'under_review', evidence_details: { submission_count: 1, submission_method: 'manual' } });

    const updates = (await disputeEvents(id)).filter((e) => e.type === 'charge.dispute.updated');
    expect(updates.map((e) => e.data.previous_attributes)).toEqual([
      { metadata: {}, evidence: { product_description: null, customer_name: null }, evidence_details: { has_evidence: false } },
      { status: 'needs_response', evidence_details: { submission_count: 0, submission_method: 'not_submitted' } },
    ]);

    await expect(stripe.disputes.update(id, { evidence: { uncategorized_text: 'more' } })).rejects.toThrow(/already had evidence submitted/);
    await expect(stripe.disputes.update(id, { evidence: { receipt: 'file_123' } })).rejects.toThrow(/no Files API/);
    await expect(stripe.disputes.update(id, { metadata: { case: '' } })).resolves.toMatchObject({ metadata: {} });
    // The bank can still decide a dispute under review.
    expect(fake.control.closeDispute(id, 'won').status).toBe('won');
  });
});

describe('webhooks and the control API over HTTP', () => {
  it('opens and decides disputes under /_fake/, and the events reach the endpoint signed and in order', async () => {
    const { chargeId } = await paidCharge(6_000);
    const post = (path: string, body: unknown) => fetch(`${fake.url}/_fake${path}`, { method: 'POST', body: JSON.stringify(body) });

    const bad = await post(`/charges/${chargeId}/dispute`, { amount: '500' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { message: expect.stringMatching(/^amount must be a whole number/), param: 'amount' } });
    const opened = await post(`/charges/${chargeId}/dispute`, { reason: 'duplicate', amount: 2_500 });
    expect(opened.status).toBe(200);
    const dispute = (await opened.json()) as Stripe.Dispute;
    expect(dispute).toMatchObject({ object: 'dispute', amount: 2_500, reason: 'duplicate', status: 'needs_response', charge: chargeId });

    expect((await post(`/disputes/${dispute.id}/close`, { outcome: 'maybe' })).status).toBe(400);
    const won = await post(`/disputes/${dispute.id}/close`, { outcome: 'won' });
    expect(await won.json()).toMatchObject({ id: dispute.id, status: 'won', balance_transactions: [{ amount: -2_500 }, { amount: 2_500 }] });
    const again = await post(`/disputes/${dispute.id}/close`, { outcome: 'lost' });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: { message: `Dispute ${dispute.id} is already closed (won).`, param: 'dispute' } });
    expect((await post('/disputes/dp_nope/close', { outcome: 'won' })).status).toBe(404);

    await fake.webhooksIdle();
    const delivered = receiver.deliveries.filter((d) => (d.event.data.object as { id: string }).id === dispute.id);
    expect(delivered.map((d) => d.event.type)).toEqual([
      'charge.dispute.created',
      'charge.dispute.funds_withdrawn',
      'charge.dispute.funds_reinstated',
      'charge.dispute.closed',
    ]);
    const statuses = delivered.map((d) => {
      const object = d.event.data.object as Stripe.Dispute;
      return [object.object, object.status, object.balance_transactions.length];
    });
    expect(statuses).toEqual([
      ['dispute', 'needs_response', 1],
      ['dispute', 'needs_response', 1],
      ['dispute', 'won', 2],
      ['dispute', 'won', 2],
    ]);
    expect(receiver.rejected).toEqual([]);
  });
});

describe('dataFile', () => {
  it('keeps disputes across a restart, still open to a decision', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stripe-fake-disputes-'));
    const dataFile = join(dir, 'stripe.json');
    try {
      const first = await startStripeFake({ port: 29373, dataFile });
      const local = sdk(29373);
      const session = await createSession(local);
      first.control.pay(session.id);
      const pi = await local.paymentIntents.retrieve(String((await local.checkout.sessions.retrieve(session.id)).payment_intent));
      const { id } = first.control.disputeCharge(String(pi.latest_charge));
      await first.close();

      const second = await startStripeFake({ port: 29373, dataFile });
      try {
        expect(await local.disputes.retrieve(id)).toMatchObject({ status: 'needs_response', balance_transactions: [{ fee: DISPUTE_FEE }] });
        expect((await local.charges.retrieve(String(pi.latest_charge))).disputed).toBe(true);
        await expect(local.disputes.close(id)).resolves.toMatchObject({ status: 'lost' });
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
