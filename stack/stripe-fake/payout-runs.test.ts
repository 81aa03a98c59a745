// What a payout run to experts meets, through the real SDK: top-ups funding the platform, transfers
// per payout (transfer_group, Idempotency-Key) and their reversals, payouts on connected accounts,
// idempotency keys that Stripe forgets after 24 hours, and an account Stripe restricts mid-batch.
// Ports 29381–29384.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeFake, type StripeFake } from './index.ts';
import { createSession, sdk, startReceiver, type Receiver } from './test-support.ts';

const PLATFORM_SECRET = 'whsec_platform_runs';
const CONNECT_SECRET = 'whsec_connect_runs';
let fake: StripeFake;
let stripe: Stripe;
let platform: Receiver;
let connect: Receiver;

beforeAll(async () => {
  platform = await startReceiver(29382, PLATFORM_SECRET);
  connect = await startReceiver(29383, CONNECT_SECRET);
  fake = await startStripeFake({
    port: 29381,
    webhookEndpoints: [
      { url: platform.url, secret: PLATFORM_SECRET },
      { url: connect.url, secret: CONNECT_SECRET, connect: true },
    ],
    log: () => {},
  });
  stripe = sdk(fake.port);
});

afterAll(async () => {
  await fake.close();
  await platform.close();
  await connect.close();
});

async function expert(email: string): Promise<Stripe.Account> {
  const account = await stripe.accounts.create({ type: 'express', country: 'US', email, capabilities: { transfers: { requested: true } } });
  return fake.control.onboardAccount(account.id) as unknown as Stripe.Account;
}

const available = async (options?: Stripe.RequestOptions) =>
  (await stripe.balance.retrieve({}, options)).available.find((b) => b.currency === 'usd')?.amount ?? 0;

const control = (path: string, body: unknown = {}) => fetch(`${fake.url}/_fake${path}`, { method: 'POST', body: JSON.stringify(body) });

function delivered(receiver: Receiver, type: string, objectId: string): Stripe.Event[] {
  return receiver.deliveries.filter((d) => d.event.type === type && (d.event.data.object as { id: string }).id === objectId).map((d) => d.event);
}

describe('top-ups', () => {
  it('fund the platform balance at once, with a topup balance transaction and events', async () => {
    const before = await available();
    const topup = await stripe.topups.create({
      amount: 50_000_000,
      currency: 'usd',
      description: 'Payout float',
      statement_descriptor: 'FLOAT',
      metadata: { run: 'r1' },
    });
    expect(topup).toMatchObject({
      object: 'topup',
      amount: 50_000_000,
      currency: 'usd',
      description: 'Payout float',
      statement_descriptor: 'FLOAT',
      status: 'succeeded',
      metadata: { run: 'r1' },
      failure_code: null,
      livemode: false,
      source: null,
      transfer_group: null,
    });
    expect(topup.id).toMatch(/^tu_/);
    expect(await stripe.balanceTransactions.retrieve(String(topup.balance_transaction))).toMatchObject({
      amount: 50_000_000,
      fee: 0,
      net: 50_000_000,
      type: 'topup',
      reporting_category: 'topup',
      status: 'available',
      source: topup.id,
    });
    expect(await available()).toBe(before + 50_000_000);

    expect(await stripe.topups.retrieve(topup.id)).toMatchObject({ id: topup.id, status: 'succeeded' });
    expect((await stripe.topups.list({ status: 'succeeded' })).data.map((t) => t.id)).toContain(topup.id);
    expect((await stripe.topups.list({ amount: { gte: 50_000_001 } })).data).toEqual([]);
    expect(await stripe.topups.update(topup.id, { metadata: { run: '', note: 'x' } })).toMatchObject({ metadata: { note: 'x' } });
    await expect(stripe.topups.cancel(topup.id)).rejects.toMatchObject({ statusCode: 400, param: 'topup' });

    await fake.webhooksIdle();
    expect(delivered(platform, 'topup.created', topup.id)).toHaveLength(1);
    expect(delivered(platform, 'topup.succeeded', topup.id)).toHaveLength(1);
  });

  it('refuses what it does not model, and top-ups of a connected account', async () => {
    await expect(stripe.topups.create({ amount: 100, currency: 'usd', source: 'btok_us_verified' })).rejects.toMatchObject({ param: 'source' });
    await expect(stripe.topups.create({ amount: 100, currency: 'usd', statement_descriptor: 'A'.repeat(16) })).rejects.toMatchObject({
      param: 'statement_descriptor',
    });
    await expect(stripe.topups.create({ amount: 0, currency: 'usd' })).rejects.toMatchObject({ param: 'amount' });
    const account = await expert('topup@example.com');
    await expect(stripe.topups.create({ amount: 100, currency: 'usd' }, { stripeAccount: account.id })).rejects.toBeInstanceOf(
      Stripe.errors.StripePermissionError,
    );
  });

  it('keeps lists newest first when the clock moves back', async () => {
    let clock = Date.UTC(2026, 10, 25, 12);
    const clocked = await startStripeFake({ port: 29384, now: () => clock });
    try {
      const s = sdk(clocked.port);
      const later = await s.topups.create({ amount: 100, currency: 'usd' });
      clock -= 60_000;
      const earlier = await s.topups.create({ amount: 200, currency: 'usd' });
      expect((await s.topups.list()).data.map((t) => t.id)).toEqual([later.id, earlier.id]);
      expect((await s.balanceTransactions.list()).data.map((t) => t.source)).toEqual([later.id, earlier.id]);
    } finally {
      await clocked.close();
    }
  });

  it('lets Checkout charges fund transfers too: their funds are available at once', async () => {
    const account = await expert('charge-funded@example.com');
    const session = await createSession(stripe);
    fake.control.pay(session.id);
    const charge = (await stripe.charges.list({ limit: 1 })).data[0];
    expect(await stripe.balanceTransactions.retrieve(String(charge?.balance_transaction))).toMatchObject({ status: 'available' });
    expect((await stripe.balance.retrieve()).pending.find((b) => b.currency === 'usd')?.amount).toBe(0);
    await expect(stripe.transfers.create({ amount: 9_000, currency: 'usd', destination: account.id })).resolves.toMatchObject({ amount: 9_000 });
  });
});

describe('transfer reversals', () => {
  it('return part and then the rest of a transfer from the expert to the platform', async () => {
    const account = await expert('reversal@example.com');
    const asExpert = { stripeAccount: account.id };
    await stripe.topups.create({ amount: 100_000, currency: 'usd' });
    const transfer = await stripe.transfers.create({ amount: 10_000, currency: 'usd', destination: account.id, transfer_group: 'payout_r1' });
    const platformBefore = await available();

    const partial = await stripe.transfers.createReversal(transfer.id, { amount: 4_000, metadata: { reason: 'job disputed' } });
    expect(partial).toMatchObject({
      object: 'transfer_reversal',
      amount: 4_000,
      currency: 'usd',
      transfer: transfer.id,
      source_refund: null,
      metadata: { reason: 'job disputed' },
      destination_payment_refund: expect.stringMatching(/^pyr_/),
    });
    expect(partial.id).toMatch(/^trr_/);
    expect(await stripe.balanceTransactions.retrieve(String(partial.balance_transaction))).toMatchObject({
      amount: 4_000,
      net: 4_000,
      type: 'transfer_refund',
      reporting_category: 'transfer_reversal',
      source: partial.id,
    });
    expect(await available()).toBe(platformBefore + 4_000);
    expect(await available(asExpert)).toBe(6_000);

    // The expert's side: the destination payment is refunded by a payment_refund.
    const refund = await stripe.refunds.retrieve(String(partial.destination_payment_refund), {}, asExpert);
    expect(refund).toMatchObject({ amount: 4_000, charge: transfer.destination_payment, source_transfer_reversal: partial.id, status: 'succeeded' });
    const [withdrawal] = (await stripe.balanceTransactions.list({ type: 'payment_refund' }, asExpert)).data;
    expect(withdrawal).toMatchObject({ amount: -4_000, source: refund.id, reporting_category: 'refund' });
    expect(await stripe.charges.retrieve(String(transfer.destination_payment), {}, asExpert)).toMatchObject({
      amount_refunded: 4_000,
      refunded: false,
    });

    const afterPartial = await stripe.transfers.retrieve(transfer.id);
    expect(afterPartial).toMatchObject({ amount_reversed: 4_000, reversed: false, reversals: { total_count: 1, has_more: false } });
    expect(afterPartial.reversals.data.map((r) => r.id)).toEqual([partial.id]);

    await fake.webhooksIdle();
    const [reversedEvent] = delivered(platform, 'transfer.reversed', transfer.id);
    expect(reversedEvent?.data.object).toMatchObject({ id: transfer.id, amount_reversed: 4_000, reversed: false, transfer_group: 'payout_r1' });
    const [updatedEvent] = delivered(platform, 'transfer.updated', transfer.id);
    expect(updatedEvent?.data.previous_attributes).toMatchObject({ amount_reversed: 0, reversals: { total_count: 0 } });

    // No amount: all that is left.
    const rest = await stripe.transfers.createReversal(transfer.id);
    expect(rest.amount).toBe(6_000);
    expect(await stripe.transfers.retrieve(transfer.id)).toMatchObject({ amount_reversed: 10_000, reversed: true, reversals: { total_count: 2 } });
    expect(await available(asExpert)).toBe(0);
    await expect(stripe.transfers.createReversal(transfer.id, { amount: 1 })).rejects.toMatchObject({ statusCode: 400, param: 'amount' });

    expect((await stripe.transfers.listReversals(transfer.id)).data.map((r) => r.id)).toEqual([rest.id, partial.id]);
    expect((await stripe.transfers.listReversals(transfer.id, { limit: 1 })).has_more).toBe(true);
    expect(await stripe.transfers.retrieveReversal(transfer.id, partial.id)).toMatchObject({ id: partial.id, amount: 4_000 });
    const updated = await stripe.transfers.updateReversal(transfer.id, partial.id, { metadata: { ticket: 't9' } });
    expect(updated.metadata).toEqual({ reason: 'job disputed', ticket: 't9' });
    expect((await stripe.transfers.retrieve(transfer.id)).reversals.data.find((r) => r.id === partial.id)?.metadata).toEqual(updated.metadata);

    await fake.webhooksIdle();
    const reversedEvents = delivered(platform, 'transfer.reversed', transfer.id);
    expect(reversedEvents.map((e) => (e.data.object as Stripe.Transfer).reversed)).toEqual([false, true]);
    expect(delivered(platform, 'transfer.updated', transfer.id)[1]?.data.previous_attributes).toMatchObject({
      reversed: false,
      amount_reversed: 4_000,
    });
  });

  it('refuses too much, unknown ids and application fees', async () => {
    const account = await expert('reversal-refusals@example.com');
    await stripe.topups.create({ amount: 10_000, currency: 'usd' });
    const transfer = await stripe.transfers.create({ amount: 3_000, currency: 'usd', destination: account.id });
    const other = await stripe.transfers.create({ amount: 1_000, currency: 'usd', destination: account.id });
    await expect(stripe.transfers.createReversal(transfer.id, { amount: 3_001 })).rejects.toMatchObject({ statusCode: 400, param: 'amount' });
    await expect(stripe.transfers.createReversal(transfer.id, { refund_application_fee: true })).rejects.toMatchObject({
      param: 'refund_application_fee',
    });
    await expect(stripe.transfers.createReversal('tr_missing')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    const reversal = await stripe.transfers.createReversal(other.id, { amount: 100 });
    await expect(stripe.transfers.retrieveReversal(transfer.id, reversal.id)).rejects.toMatchObject({ statusCode: 404 });
    // A connected account cannot see, let alone reverse, the platform's transfers.
    await expect(stripe.transfers.createReversal(transfer.id, {}, { stripeAccount: account.id })).rejects.toMatchObject({ statusCode: 404 });
    expect((await stripe.transfers.retrieve(transfer.id)).amount_reversed).toBe(0);
  });

  it('cannot reverse money the expert has already paid out (balance_insufficient)', async () => {
    const account = await expert('paid-out@example.com');
    await stripe.topups.create({ amount: 10_000, currency: 'usd' });
    const transfer = await stripe.transfers.create({ amount: 5_000, currency: 'usd', destination: account.id, transfer_group: 'payout_p2' });
    await stripe.payouts.create({ amount: 3_000, currency: 'usd' }, { stripeAccount: account.id });
    const refused = stripe.transfers.createReversal(transfer.id);
    await expect(refused).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(refused).rejects.toMatchObject({
      statusCode: 400,
      code: 'balance_insufficient',
      message: expect.stringMatching(/insufficient funds/),
    });
    expect(await stripe.transfers.retrieve(transfer.id)).toMatchObject({ amount_reversed: 0, reversals: { total_count: 0 } });
    // What is still there can be reversed.
    await expect(stripe.transfers.createReversal(transfer.id, { amount: 2_000 })).resolves.toMatchObject({ amount: 2_000 });
    expect(await available({ stripeAccount: account.id })).toBe(0);
  });

  it('replays a reversal made with an Idempotency-Key', async () => {
    const account = await expert('reversal-idem@example.com');
    await stripe.topups.create({ amount: 10_000, currency: 'usd' });
    const transfer = await stripe.transfers.create({ amount: 2_000, currency: 'usd', destination: account.id });
    const first = await stripe.transfers.createReversal(transfer.id, { amount: 500 }, { idempotencyKey: `reverse-${transfer.id}` });
    const again = await stripe.transfers.createReversal(transfer.id, { amount: 500 }, { idempotencyKey: `reverse-${transfer.id}` });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect((await stripe.transfers.retrieve(transfer.id)).amount_reversed).toBe(500);
  });
});

describe('idempotency keys after 24 hours', () => {
  it('are forgotten by forgetIdempotencyKeys, so only listing by transfer_group prevents a second transfer', async () => {
    const account = await expert('forget@example.com');
    await stripe.topups.create({ amount: 10_000, currency: 'usd' });
    const params = { amount: 1_500, currency: 'usd', destination: account.id, transfer_group: 'payout_f1', metadata: { payout_id: 'payout_f1' } };
    const key = 'transfer-payout_f1';
    const first = await stripe.transfers.create(params, { idempotencyKey: key });
    expect((await stripe.transfers.create(params, { idempotencyKey: key })).id).toBe(first.id);

    const res = await control('/idempotency/forget');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { forgotten: number }).forgotten).toBeGreaterThan(0);

    const second = await stripe.transfers.create(params, { idempotencyKey: key });
    expect(second.id).not.toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect((await stripe.transfers.list({ transfer_group: 'payout_f1' })).data.map((t) => t.id)).toEqual([second.id, first.id]);
    expect(fake.control.forgetIdempotencyKeys()).toBe(1);
  });
});

describe('restricted accounts', () => {
  it('make a transfer fail mid-batch with insufficient_capabilities_for_transfer until the account is fixed', async () => {
    const [a, b, c] = await Promise.all([expert('batch-a@example.com'), expert('batch-b@example.com'), expert('batch-c@example.com')]);
    if (!a || !b || !c) throw new Error('accounts');
    await stripe.topups.create({ amount: 10_000, currency: 'usd' });

    const res = await control(`/accounts/${b.id}/restrict`);
    expect(res.status).toBe(200);
    const restricted = (await res.json()) as Stripe.Account;
    expect(restricted).toMatchObject({
      id: b.id,
      payouts_enabled: false,
      charges_enabled: false,
      details_submitted: true,
      capabilities: { transfers: 'inactive' },
      requirements: {
        currently_due: ['individual.verification.document'],
        past_due: ['individual.verification.document'],
        disabled_reason: 'requirements.past_due',
      },
    });
    expect(await stripe.accounts.retrieve(b.id)).toMatchObject({ payouts_enabled: false, capabilities: { transfers: 'inactive' } });

    const outcomes: string[] = [];
    for (const [i, account] of [a, b, c].entries()) {
      try {
        const t = await stripe.transfers.create(
          { amount: 1_000, currency: 'usd', destination: account.id, transfer_group: `payout_b${i}` },
          { idempotencyKey: `batch-${i}` },
        );
        outcomes.push(t.id.slice(0, 3));
      } catch (e) {
        expect(e).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
        outcomes.push((e as Stripe.errors.StripeError).code ?? 'error');
      }
    }
    expect(outcomes).toEqual(['tr_', 'insufficient_capabilities_for_transfer', 'tr_']);
    await expect(stripe.payouts.create({ amount: 100, currency: 'usd' }, { stripeAccount: b.id })).rejects.toMatchObject({
      code: 'payouts_not_allowed',
    });

    await fake.webhooksIdle();
    const update = connect.deliveries.find(
      (d) => d.event.type === 'account.updated' && d.event.account === b.id && !(d.event.data.object as Stripe.Account).payouts_enabled,
    );
    expect(update?.event.data.previous_attributes).toMatchObject({ payouts_enabled: true, capabilities: { transfers: 'active' } });
    expect(update?.event.data.previous_attributes).not.toHaveProperty('details_submitted');

    // The expert supplies what was due: the account is active again and keeps its bank account.
    const fixed = fake.control.onboardAccount(b.id);
    expect(fixed).toMatchObject({ payouts_enabled: true, capabilities: { transfers: 'active' }, requirements: { currently_due: [] } });
    expect((fixed.external_accounts.data[0] as { id: string }).id).toBe((restricted.external_accounts?.data[0] as { id: string }).id);
    await expect(
      stripe.transfers.create({ amount: 1_000, currency: 'usd', destination: b.id }, { idempotencyKey: 'batch-1' }),
    ).resolves.toMatchObject({
      destination: b.id,
    });
  });

  it('takes the requirements to list, and refuses anything else', async () => {
    const account = await expert('restrict-custom@example.com');
    const custom = fake.control.restrictAccount(account.id, ['external_account']);
    expect(custom.requirements).toMatchObject({ currently_due: ['external_account'] });
    expect((await control(`/accounts/${account.id}/restrict`, { requirements: [] })).status).toBe(400);
    expect((await control(`/accounts/${account.id}/restrict`, { requirements: 'external_account' })).status).toBe(400);
    expect((await control('/accounts/acct_missing/restrict')).status).toBe(404);
  });
});

describe('payouts on a connected account', () => {
  it('take metadata and Idempotency-Keys and tell the Connect endpoint, with account set', async () => {
    const account = await expert('payouts@example.com');
    const asExpert = { stripeAccount: account.id };
    await stripe.topups.create({ amount: 10_000, currency: 'usd' });
    await stripe.transfers.create({ amount: 6_000, currency: 'usd', destination: account.id, transfer_group: 'payout_x1' });

    const payout = await stripe.payouts.create(
      { amount: 4_000, currency: 'usd', metadata: { payout_id: 'payout_x1' } },
      { ...asExpert, idempotencyKey: 'payout-payout_x1' },
    );
    expect(payout).toMatchObject({ object: 'payout', amount: 4_000, status: 'pending', metadata: { payout_id: 'payout_x1' } });
    const replay = await stripe.payouts.create(
      { amount: 4_000, currency: 'usd', metadata: { payout_id: 'payout_x1' } },
      { ...asExpert, idempotencyKey: 'payout-payout_x1' },
    );
    expect(replay.id).toBe(payout.id);
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(replay.lastResponse.headers['stripe-account']).toBe(account.id);
    await expect(
      stripe.payouts.create({ amount: 4_001, currency: 'usd' }, { ...asExpert, idempotencyKey: 'payout-payout_x1' }),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    // Keys are per account: the platform's own payout with the same key is another request.
    await expect(stripe.payouts.create({ amount: 1, currency: 'usd' }, { idempotencyKey: 'payout-payout_x1' })).resolves.toMatchObject({
      object: 'payout',
    });

    await fake.webhooksIdle();
    expect(await stripe.payouts.retrieve(payout.id, {}, asExpert)).toMatchObject({ status: 'paid' });
    const events = connect.deliveries.filter((d) => (d.event.data.object as { id: string }).id === payout.id).map((d) => d.event);
    expect(events.map((e) => e.type)).toEqual(['payout.created', 'payout.updated', 'payout.paid']);
    for (const e of events) {
      expect(e.account).toBe(account.id);
      expect(e.data.object).toMatchObject({ metadata: { payout_id: 'payout_x1' } });
    }
    expect(events[0]?.request).toEqual({ id: expect.stringMatching(/^req_/), idempotency_key: 'payout-payout_x1' });
    expect(platform.deliveries.some((d) => (d.event.data.object as { id: string }).id === payout.id)).toBe(false);

    fake.control.failNextPayout('insufficient_funds');
    const bounced = await stripe.payouts.create({ amount: 2_000, currency: 'usd', metadata: { payout_id: 'payout_x2' } }, asExpert);
    await fake.webhooksIdle();
    const [failed] = connect.deliveries.filter((d) => d.event.type === 'payout.failed' && (d.event.data.object as { id: string }).id === bounced.id);
    expect(failed?.event.account).toBe(account.id);
    expect(failed?.event.data.object).toMatchObject({ status: 'failed', failure_code: 'insufficient_funds', metadata: { payout_id: 'payout_x2' } });
    const failure = (failed?.event.data.object as Stripe.Payout).failure_balance_transaction;
    expect(await stripe.balanceTransactions.retrieve(String(failure), {}, asExpert)).toMatchObject({ amount: 2_000, type: 'payout_failure' });
    expect(await available(asExpert)).toBe(2_000);
  });
});

describe('data file', () => {
  it('is written shortly after a change, without waiting for close(), and restores reversals and balances', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stripe-fake-runs-'));
    const dataFile = join(dir, 'stripe.json');
    const saved = await startStripeFake({ port: 29384, dataFile });
    const s = sdk(29384);
    let transfer: Stripe.Transfer;
    let account: Stripe.Account;
    try {
      const topup = await s.topups.create({ amount: 10_000, currency: 'usd' });
      let text = '';
      for (let i = 0; i < 50 && !text.includes(topup.id); i += 1) {
        await new Promise((r) => setTimeout(r, 50));
        text = await readFile(dataFile, 'utf8').catch(() => '');
      }
      expect(text).toContain(topup.id);
      account = await s.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
      saved.control.onboardAccount(account.id);
      transfer = await s.transfers.create({ amount: 4_000, currency: 'usd', destination: account.id, transfer_group: 'payout_d1' });
      await s.transfers.createReversal(transfer.id, { amount: 1_000 });
    } finally {
      await saved.close();
    }
    const restored = await startStripeFake({ port: 29384, dataFile });
    try {
      expect((await s.balance.retrieve()).available).toEqual([{ amount: 7_000, currency: 'usd', source_types: { card: 7_000 } }]);
      expect((await s.balance.retrieve({}, { stripeAccount: account.id })).available[0]?.amount).toBe(3_000);
      expect((await s.transfers.list({ transfer_group: 'payout_d1' })).data.map((t) => t.id)).toEqual([transfer.id]);
      await s.transfers.createReversal(transfer.id);
      expect((await s.transfers.listReversals(transfer.id)).data.map((r) => r.amount)).toEqual([3_000, 1_000]);
      expect((await s.balance.retrieve()).available[0]?.amount).toBe(10_000);
    } finally {
      await restored.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
