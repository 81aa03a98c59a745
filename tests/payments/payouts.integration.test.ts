// Payouts end to end, as the people involved drive them through supabase-js: an expert connects a
// Stripe Express account (the payments function, then Stripe's hosted onboarding page on the local
// fake), an admin creates a batch for a period that has ended and runs it through the payouts
// function a chunk at a time, and Stripe's Connect webhooks (account.updated, transfer.created,
// transfer.reversed, payout.paid, payout.failed) move each payout on. Each test checks what a person
// would: the payouts and payout_accounts views, the expert's wallet (my_wallet), what Stripe holds
// (one transfer per payout, transfer_group = the payout's id; the bank payout on the expert's
// account; the expert's Stripe balance) and that the books balance.
//
// A batch takes every ready expert with money available, so a batch here may hold other experts'
// payouts too (money an earlier run returned to available, say): assertions are about this test's
// experts, or about whichever payout an injected failure hit. Failures are injected for the one
// payout a test is about: the batch is run one payout at a time up to it (runUntilNext).
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signInDemo, signUpUser, type SignedIn } from '../support/accounts.ts';
import { adminClient, anonClient } from '../support/clients.ts';
import { stackEnv } from '../support/env.ts';
import { booksImbalance, type MoneyPositions } from '../support/ledger.ts';
import { approvedExpert, pendingApplicant } from '../support/leads.ts';
import { clockShift, restoreClockShift } from '../support/money-clock.ts';
import { eventually } from '../support/payments.ts';
import {
  bankPayoutsOf,
  completeHostedOnboarding,
  confirmedJobFor,
  connectOnboarding,
  connectedBalance,
  createBatch,
  expertLedger,
  fundPlatform,
  ilsWallet,
  outcomesFor,
  payoutAccountsOf,
  payoutLedgerKinds,
  payoutOf,
  payoutsOfBatch,
  readyExpertWithMoney,
  runBatchToEnd,
  runPayouts,
  settledPayouts,
  transfersOf,
  unbalancedTransactions,
  type PayoutExpert,
  type PayoutRow,
} from '../support/payouts.ts';
import { fakeControl, stripeSdk, webhooksIdle } from '../support/stripe-fake.ts';

let admin: SignedIn;
let shift: string;

async function ilsPositions(): Promise<MoneyPositions> {
  const { data, error } = await admin.client.rpc('admin_money_positions');
  if (error) throw new Error(`admin_money_positions failed: ${error.message}`);
  return (data as MoneyPositions[]).find((p) => p.currency === 'ILS')!;
}

/** Every ledger transaction balances, and so do the admin's positions. */
async function expectBooksBalance(): Promise<void> {
  expect(await unbalancedTransactions(), 'ledger transactions whose entries do not sum to 0').toBe(0);
  expect(booksImbalance(await ilsPositions()), 'debits less credits over admin_money_positions').toBe(0);
}

/**
 * Runs the batch one payout at a time until `payoutId` is the next one the function will take (the
 * first pending payout in the function's order: created_at, id), so a failure injected next hits it.
 */
async function runUntilNext(batchId: string, payoutId: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const pending = (await payoutsOfBatch(admin.client, batchId)).filter((p) => p.status === 'pending');
    if (pending[0]?.id === payoutId) return;
    if (!pending.some((p) => p.id === payoutId)) throw new Error(`payout ${payoutId} is not pending any more`);
    const reply = await runPayouts(admin.client, { batch_id: batchId, max: 1 });
    if (reply.status !== 200) throw new Error(`the payouts function answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
  throw new Error(`payout ${payoutId} never came next`);
}

/**
 * Stripe processes the next POST to `path` but the answer is lost, and the retries of it get no
 * answer either: the SDK's (maxNetworkRetries 1) and the ones stripe-node and Deno's fetch make on
 * a dropped connection, whose number depends on connection reuse. The test clears what is left
 * right after the call it is about.
 */
async function loseAnswers(path: string): Promise<void> {
  await fakeControl('/fail-next', { type: 'network', path, method: 'POST', afterProcessing: true });
  await fakeControl('/fail-next', { type: 'network', path, method: 'POST', times: 3 });
}

/** A paid payout as everyone sees it: the view, Stripe's one transfer and bank payout, the expert's ledger. */
async function expectPaidOnce(p: PayoutExpert, payout: PayoutRow, amount: number): Promise<void> {
  expect(payout).toMatchObject({ status: 'paid', amount_cents: amount, reversed_cents: 0, failure_reason: null });
  const transfers = await transfersOf(payout.id);
  expect(transfers, 'one transfer per payout').toHaveLength(1);
  expect(transfers[0]).toMatchObject({ id: payout.transfer_id, amount, currency: 'ils', destination: p.stripeAccountId, reversed: false });
  const bank = await bankPayoutsOf(p.stripeAccountId, payout.id);
  expect(
    bank.map((b) => ({ amount: b.amount, status: b.status })),
    'one bank payout from the expert’s account',
  ).toEqual([{ amount, status: 'paid' }]);
  expect(await payoutLedgerKinds(payout.id), 'the transfer moved the ledger once').toEqual({ payout_transfer: 1 });
}

beforeAll(async () => {
  admin = await signInDemo('admin');
  shift = await clockShift();
  // Checkout payments fund the transfers; a top-up covers what other suites took out of the balance.
  await fundPlatform(2_000_000);
});

// Injected failures and held webhooks are global to the fake: never leave one behind.
afterEach(async () => {
  await fakeControl('/fail-next', undefined, 'DELETE');
  if ((await fakeControl<{ held: string[] }>('/webhooks/held')).held.length > 0) await fakeControl('/webhooks/release', { order: 'fifo' });
  await webhooksIdle();
});

afterAll(async () => {
  await restoreClockShift(shift);
});

describe('connecting a payout account', () => {
  it('gives an approved expert one Stripe account and an onboarding link; onboarding makes it ready', async () => {
    const expert = await approvedExpert('payout-onboarding');
    expect(await payoutAccountsOf(expert.client)).toEqual([]);

    // Two tabs at once, then again later: always the same account, each time a fresh link.
    const [first, second] = await Promise.all([connectOnboarding(expert.client), connectOnboarding(expert.client)]);
    const third = await connectOnboarding(expert.client, '/wallet');
    const fakeOrigin = `http://127.0.0.1:${stackEnv().STRIPE_API_PORT}/connect/onboarding/`;
    for (const reply of [first, second, third]) {
      expect(reply.status).toBe(200);
      expect(reply.body.url.startsWith(fakeOrigin), reply.body.url).toBe(true);
    }
    const accountId = first.body.stripe_account_id;
    expect(accountId).toMatch(/^acct_/);
    expect([second.body.stripe_account_id, third.body.stripe_account_id]).toEqual([accountId, accountId]);
    expect(new Set([first.body.url, second.body.url, third.body.url]).size).toBe(3);

    const stripe = stripeSdk();
    const accountsOfExpert = [];
    for await (const a of stripe.accounts.list({ limit: 100 })) if (a.metadata?.expert_id === expert.expertId) accountsOfExpert.push(a.id);
    expect(accountsOfExpert, 'Stripe accounts carrying the expert’s id').toEqual([accountId]);
    const before = await stripe.accounts.retrieve(accountId);
    expect(before).toMatchObject({ type: 'express', payouts_enabled: false, details_submitted: false });

    // Linked at once, not ready until Stripe says so.
    const [linked] = await payoutAccountsOf(expert.client);
    expect(linked).toMatchObject({ expert_id: expert.expertId, stripe_account_id: accountId, ready: false });

    // The expert opens the link and completes Stripe's form; Stripe sends them back to the wallet.
    const back = await completeHostedOnboarding(third.body.url);
    expect(back).toBe(`${stackEnv().GUILDHALL_WEB_URL}/wallet?connect=return`);
    await webhooksIdle();
    const [ready] = await eventually(
      () => payoutAccountsOf(expert.client),
      (rows) => rows[0]?.ready === true,
    );
    expect(ready).toMatchObject({
      expert_id: expert.expertId,
      stripe_account_id: accountId,
      details_submitted: true,
      payouts_enabled: true,
      transfers_active: true,
      requirements_due: [],
      disabled_reason: null,
      ready: true,
    });
    // Admins see it; another expert does not.
    const { data: adminView } = await admin.client.from('payout_accounts').select('stripe_account_id, ready').eq('expert_id', expert.expertId);
    expect(adminView).toEqual([{ stripe_account_id: accountId, ready: true }]);
    const other = await approvedExpert('payout-onboarding-other');
    expect(await payoutAccountsOf(other.client)).toEqual([]);

    // Asking again after onboarding keeps the same account.
    const again = await connectOnboarding(expert.client);
    expect(again).toMatchObject({ status: 200, body: { stripe_account_id: accountId } });
  });

  it('keeps one Stripe account when the answer to creating it was lost and Stripe has since forgotten the key', async () => {
    const expert = await approvedExpert('payout-onboarding-lost');
    await loseAnswers('/v1/accounts');
    const lost = await connectOnboarding(expert.client);
    await fakeControl('/fail-next', undefined, 'DELETE');
    expect(lost.status, 'the expert is told to try again').toBe(502);

    // The expert tries again the next day: Stripe no longer knows the idempotency key.
    await fakeControl('/idempotency/forget', {});
    const again = await connectOnboarding(expert.client);
    expect(again.status).toBe(200);
    const accountsOfExpert = [];
    for await (const a of stripeSdk().accounts.list({ limit: 100 })) if (a.metadata?.expert_id === expert.expertId) accountsOfExpert.push(a.id);
    expect(accountsOfExpert, 'Stripe accounts carrying the expert’s id').toEqual([again.body.stripe_account_id]);
  });

  it('refuses anyone who is not an approved expert, and creates no Stripe account for them', async () => {
    const customer = await signUpUser('payout-customer');
    const applicant = await pendingApplicant('payout-applicant');
    for (const who of [customer, applicant]) {
      const reply = await connectOnboarding(who.client);
      expect(reply.status, who.email).toBe(403);
      expect(reply.body).not.toHaveProperty('url');
      expect(await payoutAccountsOf(who.client)).toEqual([]);
    }
    const stripe = stripeSdk();
    for await (const a of stripe.accounts.list({ limit: 100 })) expect(a.metadata?.expert_id).not.toBe(applicant.expertId);
  });
});

describe('running a payout batch', () => {
  it('pays each ready expert their available money, one transfer and one bank payout each, in chunks', async () => {
    const a = await readyExpertWithMoney('Payout Alpha', 100000);
    const b = await readyExpertWithMoney('Payout Bravo', 60000);
    const c = await readyExpertWithMoney('Payout Charlie', 45000);
    // An expert with money but no payout account is left out, their money stays available.
    const unconnected = await readyExpertWithMoney('Payout Unconnected', 30000, { onboard: false });
    const mine = [a, b, c];
    const availableBefore = await Promise.all(mine.map(async (p) => (await ilsWallet(p.signedIn.client)).available_cents));
    for (const cents of availableBefore) expect(cents).toBeGreaterThan(0);
    const unconnectedBefore = (await ilsWallet(unconnected.signedIn.client)).available_cents;
    expect(unconnectedBefore).toBeGreaterThan(0);

    const { batchId, periodEnd } = await createBatch(admin);
    const { data: batchView } = await admin.client.from('payout_batches').select('period_end, scheduled, executed_at').eq('id', batchId);
    expect(batchView).toEqual([{ period_end: periodEnd, scheduled: false, executed_at: null }]);

    // The batch took each expert's available balance into flight.
    const created = await Promise.all(mine.map((p) => payoutOf(admin.client, batchId, p.expertId)));
    created.forEach((payout, i) => {
      expect(payout).toMatchObject({
        status: 'pending',
        currency: 'ILS',
        amount_cents: availableBefore[i],
        carry_netted_cents: 0,
        transfer_id: null,
      });
    });
    for (const [i, p] of mine.entries()) {
      expect(await ilsWallet(p.signedIn.client)).toMatchObject({ available_cents: 0 });
      expect(await expertLedger(p.expertId)).toMatchObject({ available: 0, inFlight: availableBefore[i] });
    }
    expect((await payoutsOfBatch(admin.client, batchId)).some((p) => p.expert_id === unconnected.expertId)).toBe(false);
    expect((await ilsWallet(unconnected.signedIn.client)).available_cents).toBe(unconnectedBefore);
    await expectBooksBalance();

    // The admin's screen runs two at a time until nothing remains.
    const total = (await payoutsOfBatch(admin.client, batchId)).length;
    const replies = await runBatchToEnd(admin.client, batchId, 2);
    expect(replies.length).toBeGreaterThanOrEqual(Math.ceil(total / 2));
    for (const r of replies) {
      expect(r.status).toBe(200);
      expect(r.body.payouts?.length).toBeLessThanOrEqual(2);
    }
    const remainings = replies.map((r) => r.body.remaining!);
    expect(remainings.at(-1)).toBe(0);
    expect(remainings, 'remaining only goes down').toEqual([...remainings].sort((x, y) => y - x));
    for (const payout of created) expect(outcomesFor(replies, payout.id)).toEqual(['sent']);

    const settled = await settledPayouts(admin.client, batchId, (rows) => created.every((c) => rows.find((r) => r.id === c.id)?.status === 'paid'));
    for (const [i, p] of mine.entries()) {
      const payout = settled.find((r) => r.id === created[i]!.id)!;
      await expectPaidOnce(p, payout, availableBefore[i]!);
      // The expert's Stripe account got the money and paid it to the bank.
      expect(await connectedBalance(p.stripeAccountId)).toEqual({ received: availableBefore[i], paidOut: availableBefore[i], available: 0 });
      expect(await expertLedger(p.expertId)).toEqual({ available: 0, inFlight: 0, carry: 0 });
      // Each expert sees their own payout, paid; nobody else's.
      const own = await payoutsOfBatch(p.signedIn.client, batchId);
      expect(own.map((r) => [r.id, r.status])).toEqual([[payout.id, 'paid']]);
    }
    const { data: done } = await admin.client.from('payout_batches').select('in_progress, payouts, executed_at').eq('id', batchId).single();
    expect(done).toMatchObject({ in_progress: 0, payouts: total });
    expect(done!.executed_at).not.toBeNull();

    // Running it again finds nothing to do and moves nothing.
    const rerun = await runPayouts(admin.client, { batch_id: batchId, max: 2 });
    expect(rerun).toEqual({ status: 200, body: { payouts: [], remaining: 0 } });
    await webhooksIdle();
    for (const payout of created) expect(await transfersOf(payout.id)).toHaveLength(1);
    await expectBooksBalance();
  });
});

describe('what a batch takes', () => {
  it('takes what was available at the end of the period; money released after it waits for the next batch', async () => {
    const e = await readyExpertWithMoney('Payout Echo', 100000);
    const releasedBefore = (await ilsWallet(e.signedIn.client)).available_cents;
    await confirmedJobFor(e, 50000);
    const onHold = (await ilsWallet(e.signedIn.client)).pending_cents;
    expect(onHold).toBeGreaterThan(0);

    // The hold ends after the period: released between the period's end and the admin's click.
    const { batchId } = await createBatch(admin, { releaseHoldsFirst: true });
    const payout = await payoutOf(admin.client, batchId, e.expertId);
    expect(payout).toMatchObject({ amount_cents: releasedBefore, available_cents: releasedBefore });
    expect(await ilsWallet(e.signedIn.client)).toMatchObject({ available_cents: onHold, pending_cents: 0 });
    await runBatchToEnd(admin.client, batchId, 100);
    const paid = await settledPayouts(admin.client, batchId, (rows) => rows.find((r) => r.id === payout.id)?.status === 'paid');
    await expectPaidOnce(
      e,
      paid.find((r) => r.id === payout.id)!,
      releasedBefore,
    );
    expect(await expertLedger(e.expertId)).toEqual({ available: onHold, inFlight: 0, carry: 0 });

    // The next period's batch takes the rest, once.
    const next = await createBatch(admin);
    const rest = await payoutOf(admin.client, next.batchId, e.expertId);
    expect(rest.amount_cents).toBe(onHold);
    await runBatchToEnd(admin.client, next.batchId, 100);
    const restPaid = await settledPayouts(admin.client, next.batchId, (rows) => rows.find((r) => r.id === rest.id)?.status === 'paid');
    expect(restPaid.find((r) => r.id === rest.id)!.status).toBe('paid');
    expect(await connectedBalance(e.stripeAccountId)).toEqual({ received: releasedBefore + onHold, paidOut: releasedBefore + onHold, available: 0 });
    expect(await expertLedger(e.expertId)).toEqual({ available: 0, inFlight: 0, carry: 0 });
    await expectBooksBalance();
  });

  it('pays each payout once when two runs of the same batch overlap (a double click)', async () => {
    const d = await readyExpertWithMoney('Payout Delta', 52000);
    const f = await readyExpertWithMoney('Payout Foxtrot', 47000);
    const { batchId } = await createBatch(admin);
    const pd = await payoutOf(admin.client, batchId, d.expertId);
    const pf = await payoutOf(admin.client, batchId, f.expertId);

    // Both calls often get the same payouts (the second reads them before the first records its
    // transfer; seen in about half the runs): only the idempotency keys and the look-first on retries
    // stand between that and a second transfer or bank payout.
    const both = await Promise.all([
      runPayouts(admin.client, { batch_id: batchId, max: 100 }),
      runPayouts(admin.client, { batch_id: batchId, max: 100 }),
    ]);
    for (const r of both) expect(r.status).toBe(200);
    await runBatchToEnd(admin.client, batchId, 100);
    const settled = await settledPayouts(admin.client, batchId, (rows) =>
      [pd.id, pf.id].every((id) => rows.find((r) => r.id === id)?.status === 'paid'),
    );
    await expectPaidOnce(
      d,
      settled.find((r) => r.id === pd.id)!,
      pd.amount_cents,
    );
    await expectPaidOnce(
      f,
      settled.find((r) => r.id === pf.id)!,
      pf.amount_cents,
    );
    expect(await connectedBalance(d.stripeAccountId)).toEqual({ received: pd.amount_cents, paidOut: pd.amount_cents, available: 0 });
    expect(await connectedBalance(f.stripeAccountId)).toEqual({ received: pf.amount_cents, paidOut: pf.amount_cents, available: 0 });
    await expectBooksBalance();
  });
});

describe('a transfer that fails mid-batch', () => {
  it('transient (Stripe answers 500): the payout waits, the rest are paid, the next run pays it exactly once', async () => {
    const x = await readyExpertWithMoney('Payout Xray', 80000);
    const y = await readyExpertWithMoney('Payout Yankee', 50000);
    const { batchId } = await createBatch(admin);
    const px = await payoutOf(admin.client, batchId, x.expertId);
    const py = await payoutOf(admin.client, batchId, y.expertId);
    await runUntilNext(batchId, px.id);

    // Stripe fails the transfer request and the SDK's own retry of it.
    await fakeControl('/fail-next', { type: 'server_error', path: '/v1/transfers', method: 'POST', times: 2 });
    const first = await runPayouts(admin.client, { batch_id: batchId, max: 100 });
    expect(first.status).toBe(200);
    expect(await fakeControl('/fail-next'), 'every injected failure was used').toEqual({ pending: [] });
    expect(outcomesFor([first], px.id)).toEqual(['retry_later']);
    expect(first.body.remaining).toBe(1);

    await webhooksIdle();
    const waiting = await payoutOf(admin.client, batchId, x.expertId);
    expect(waiting).toMatchObject({ status: 'pending', transfer_id: null, failure_reason: null });
    expect(await transfersOf(px.id)).toEqual([]);
    expect(await expertLedger(x.expertId), 'the money waits in flight').toMatchObject({ available: 0, inFlight: px.amount_cents });
    expect((await payoutOf(admin.client, batchId, y.expertId)).status).toBe('paid');
    await expectBooksBalance();

    const second = await runPayouts(admin.client, { batch_id: batchId, max: 100 });
    expect(second.status).toBe(200);
    expect(outcomesFor([second], px.id)).toEqual(['sent']);
    expect(second.body.remaining).toBe(0);
    const settled = await settledPayouts(admin.client, batchId, (rows) => rows.find((r) => r.id === px.id)?.status === 'paid');
    await expectPaidOnce(
      x,
      settled.find((r) => r.id === px.id)!,
      px.amount_cents,
    );
    await expectPaidOnce(
      y,
      settled.find((r) => r.id === py.id)!,
      py.amount_cents,
    );
    expect(await connectedBalance(x.stripeAccountId)).toEqual({ received: px.amount_cents, paidOut: px.amount_cents, available: 0 });
    expect(await expertLedger(x.expertId)).toEqual({ available: 0, inFlight: 0, carry: 0 });
    await expectBooksBalance();
  });

  it('refused for good (Stripe restricted the account): that payout fails, its money is available again, the others are paid', async () => {
    const r = await readyExpertWithMoney('Payout Romeo', 70000);
    const s = await readyExpertWithMoney('Payout Sierra', 40000);
    const { batchId } = await createBatch(admin);
    const pr = await payoutOf(admin.client, batchId, r.expertId);
    const ps = await payoutOf(admin.client, batchId, s.expertId);

    // After the batch was made, Stripe restricts Romeo's account until they send a document.
    await fakeControl(`/accounts/${r.stripeAccountId}/restrict`, {});
    await webhooksIdle();
    const [restricted] = await eventually(
      () => payoutAccountsOf(r.signedIn.client),
      (rows) => rows[0]?.ready === false,
    );
    expect(restricted).toMatchObject({ ready: false, transfers_active: false, requirements_due: ['individual.verification.document'] });

    const replies = await runBatchToEnd(admin.client, batchId, 2);
    expect(outcomesFor(replies, pr.id)).toEqual(['refused']);
    expect(outcomesFor(replies, ps.id)).toEqual(['sent']);
    expect(replies.at(-1)!.body.remaining).toBe(0);

    const settled = await settledPayouts(admin.client, batchId, (rows) => rows.find((x) => x.id === ps.id)?.status === 'paid');
    const failed = settled.find((x) => x.id === pr.id)!;
    expect(failed).toMatchObject({ status: 'failed', transfer_id: null });
    expect(failed.failure_reason).toMatch(/capabilit/i);
    expect(await transfersOf(pr.id)).toEqual([]);
    expect(await ilsWallet(r.signedIn.client), 'Romeo’s money is back in their wallet').toMatchObject({ available_cents: pr.amount_cents });
    expect(await expertLedger(r.expertId)).toEqual({ available: pr.amount_cents, inFlight: 0, carry: 0 });
    expect(await payoutLedgerKinds(pr.id)).toEqual({ payout_failed: 1 });
    expect(await connectedBalance(r.stripeAccountId)).toEqual({ received: 0, paidOut: 0, available: 0 });
    await expectPaidOnce(
      s,
      settled.find((x) => x.id === ps.id)!,
      ps.amount_cents,
    );
    await expectBooksBalance();

    // Once Romeo supplies what Stripe asked for, the next batch pays what came back.
    await fakeControl(`/accounts/${r.stripeAccountId}/onboard`, {});
    await webhooksIdle();
    await eventually(
      () => payoutAccountsOf(r.signedIn.client),
      (rows) => rows[0]?.ready === true,
    );
    const next = await createBatch(admin);
    const again = await payoutOf(admin.client, next.batchId, r.expertId);
    expect(again.amount_cents).toBe(pr.amount_cents);
    await runBatchToEnd(admin.client, next.batchId, 100);
    const paid = await settledPayouts(admin.client, next.batchId, (rows) => rows.find((x) => x.id === again.id)?.status === 'paid');
    await expectPaidOnce(
      r,
      paid.find((x) => x.id === again.id)!,
      pr.amount_cents,
    );
    expect(await ilsWallet(r.signedIn.client)).toMatchObject({ available_cents: 0 });
    await expectBooksBalance();
  });
});

describe('a retry after Stripe forgot the idempotency key', () => {
  it('finds the transfer the lost answer made (by transfer_group) instead of transferring again', async () => {
    const k = await readyExpertWithMoney('Payout Kilo', 90000);
    const { batchId } = await createBatch(admin);
    const pk = await payoutOf(admin.client, batchId, k.expertId);
    await runUntilNext(batchId, pk.id);

    // Stripe makes the transfer but the answer is lost, and the retries get no answer either;
    // transfer.created is held, so only the function can learn of the transfer.
    await fakeControl('/webhooks/hold', {});
    await loseAnswers('/v1/transfers');
    const lost = await runPayouts(admin.client, { batch_id: batchId, max: 1 });
    await fakeControl('/fail-next', undefined, 'DELETE');
    expect(lost.status).toBe(200);
    expect(outcomesFor([lost], pk.id)).toEqual(['retry_later']);
    const made = await transfersOf(pk.id);
    expect(made, 'the transfer reached Stripe').toHaveLength(1);
    expect(await payoutOf(admin.client, batchId, k.expertId)).toMatchObject({ status: 'pending', transfer_id: null });
    expect(await payoutLedgerKinds(pk.id)).toEqual({});

    // A day later Stripe no longer knows the key: only looking first can prevent a second transfer.
    const { forgotten } = await fakeControl<{ forgotten: number }>('/idempotency/forget', {});
    expect(forgotten).toBeGreaterThan(0);
    const retried = await runPayouts(admin.client, { batch_id: batchId, max: 1 });
    expect(outcomesFor([retried], pk.id)).toEqual(['sent']);
    expect(await transfersOf(pk.id), 'still one transfer for the payout').toHaveLength(1);
    expect((await payoutOf(admin.client, batchId, k.expertId)).transfer_id).toBe(made[0]!.id);

    await fakeControl('/webhooks/release', { order: 'fifo' });
    const settled = await settledPayouts(admin.client, batchId, (rows) => rows.find((r) => r.id === pk.id)?.status === 'paid');
    await expectPaidOnce(
      k,
      settled.find((r) => r.id === pk.id)!,
      pk.amount_cents,
    );
    expect(await connectedBalance(k.stripeAccountId)).toEqual({ received: pk.amount_cents, paidOut: pk.amount_cents, available: 0 });
    expect(await expertLedger(k.expertId)).toEqual({ available: 0, inFlight: 0, carry: 0 });
    await expectBooksBalance();
  });

  it('finds the bank payout the lost answer made (by its metadata) instead of paying out again', async () => {
    const l = await readyExpertWithMoney('Payout Lima', 55000);
    const { batchId } = await createBatch(admin);
    const pl = await payoutOf(admin.client, batchId, l.expertId);
    await runUntilNext(batchId, pl.id);

    await fakeControl('/webhooks/hold', {});
    await loseAnswers('/v1/payouts');
    const lost = await runPayouts(admin.client, { batch_id: batchId, max: 1 });
    await fakeControl('/fail-next', undefined, 'DELETE');
    expect(outcomesFor([lost], pl.id)).toEqual(['retry_later']);
    expect(await bankPayoutsOf(l.stripeAccountId, pl.id), 'the bank payout reached Stripe').toHaveLength(1);
    expect(await payoutOf(admin.client, batchId, l.expertId)).toMatchObject({ status: 'transferred' });

    await fakeControl('/idempotency/forget', {});
    const retried = await runPayouts(admin.client, { batch_id: batchId, max: 1 });
    expect(outcomesFor([retried], pl.id)).toEqual(['sent']);
    await fakeControl('/webhooks/release', { order: 'fifo' });
    const settled = await settledPayouts(admin.client, batchId, (rows) => rows.find((r) => r.id === pl.id)?.status === 'paid');
    await expectPaidOnce(
      l,
      settled.find((r) => r.id === pl.id)!,
      pl.amount_cents,
    );
    expect(await connectedBalance(l.stripeAccountId)).toEqual({ received: pl.amount_cents, paidOut: pl.amount_cents, available: 0 });
    await expectBooksBalance();
  });
});

describe('a bank payout the bank refuses', () => {
  it('marks the payout payout_failed; the money waits in the expert’s Stripe balance, not in the wallet', async () => {
    const b = await readyExpertWithMoney('Payout Bounce', 65000);
    const { batchId } = await createBatch(admin);
    const pb = await payoutOf(admin.client, batchId, b.expertId);
    await runUntilNext(batchId, pb.id);

    await fakeControl('/payouts/fail-next', { failureCode: 'account_closed' });
    const run = await runPayouts(admin.client, { batch_id: batchId, max: 1 });
    expect(outcomesFor([run], pb.id)).toEqual(['sent']);
    const settled = await settledPayouts(admin.client, batchId, (rows) => rows.find((r) => r.id === pb.id)?.status === 'payout_failed');
    const failed = settled.find((r) => r.id === pb.id)!;
    expect(failed).toMatchObject({ status: 'payout_failed', transfer_id: (await transfersOf(pb.id))[0]!.id });
    expect(failed.failure_reason).toBeTruthy();
    expect(await connectedBalance(b.stripeAccountId)).toEqual({ received: pb.amount_cents, paidOut: 0, available: pb.amount_cents });
    expect(await ilsWallet(b.signedIn.client)).toMatchObject({ available_cents: 0 });
    expect(await expertLedger(b.expertId)).toEqual({ available: 0, inFlight: 0, carry: 0 });
    // It is not run again (Stripe pays the balance out once the bank account is fixed).
    const rerun = await runPayouts(admin.client, { batch_id: batchId, max: 100 });
    expect(outcomesFor([rerun], pb.id)).toEqual([]);
    expect(await bankPayoutsOf(b.stripeAccountId, pb.id)).toHaveLength(1);
    await expectBooksBalance();
  });
});

describe('a reversed transfer', () => {
  /** A payout transferred whose bank payout has not happened (Stripe failed it twice): the money sits in the expert's Stripe balance. */
  async function transferredNotPaidOut(name: string, cents: number) {
    const p = await readyExpertWithMoney(name, cents);
    const { batchId } = await createBatch(admin);
    const payout = await payoutOf(admin.client, batchId, p.expertId);
    await runUntilNext(batchId, payout.id);
    await fakeControl('/fail-next', { type: 'server_error', path: '/v1/payouts', method: 'POST', times: 2 });
    const run = await runPayouts(admin.client, { batch_id: batchId, max: 1 });
    expect(await fakeControl('/fail-next'), 'every injected failure was used').toEqual({ pending: [] });
    expect(outcomesFor([run], payout.id)).toEqual(['retry_later']);
    await webhooksIdle();
    const transferred = await payoutOf(admin.client, batchId, p.expertId);
    expect(transferred).toMatchObject({ status: 'transferred' });
    expect(await connectedBalance(p.stripeAccountId)).toEqual({ received: payout.amount_cents, paidOut: 0, available: payout.amount_cents });
    return { p, batchId, payout: transferred };
  }

  it('in full, before the bank payout: the payout shows reversed, the money is available again and is never paid out', async () => {
    const { p, batchId, payout } = await transferredNotPaidOut('Payout Victor', 75000);
    const amount = payout.amount_cents;

    const reversal = await stripeSdk().transfers.createReversal(payout.transfer_id!);
    expect(reversal.amount).toBe(amount);
    const settled = await settledPayouts(admin.client, batchId, (rows) => rows.find((r) => r.id === payout.id)?.status === 'reversed');
    expect(settled.find((r) => r.id === payout.id)).toMatchObject({ status: 'reversed', reversed_cents: amount });
    expect((await payoutOf(p.signedIn.client, batchId, p.expertId)).status, 'the expert sees it reversed').toBe('reversed');
    expect(await ilsWallet(p.signedIn.client)).toMatchObject({ available_cents: amount });
    expect(await expertLedger(p.expertId)).toEqual({ available: amount, inFlight: 0, carry: 0 });
    expect(await payoutLedgerKinds(payout.id)).toEqual({ payout_transfer: 1, payout_reversed: 1 });
    expect(await connectedBalance(p.stripeAccountId)).toEqual({ received: 0, paidOut: 0, available: 0 });
    await expectBooksBalance();

    // The batch has nothing left for it: no bank payout is attempted.
    const rerun = await runPayouts(admin.client, { batch_id: batchId, max: 100 });
    expect(outcomesFor([rerun], payout.id)).toEqual([]);
    expect(await bankPayoutsOf(p.stripeAccountId, payout.id)).toEqual([]);

    // The next batch pays the money that came back, once.
    const next = await createBatch(admin);
    const again = await payoutOf(admin.client, next.batchId, p.expertId);
    expect(again.amount_cents).toBe(amount);
    await runBatchToEnd(admin.client, next.batchId, 100);
    const paid = await settledPayouts(admin.client, next.batchId, (rows) => rows.find((r) => r.id === again.id)?.status === 'paid');
    await expectPaidOnce(
      p,
      paid.find((r) => r.id === again.id)!,
      amount,
    );
    expect(await expertLedger(p.expertId)).toEqual({ available: 0, inFlight: 0, carry: 0 });
    await expectBooksBalance();
  });

  it('in part, before the bank payout: that part is available again, and the rest is paid out to the bank', async () => {
    const { p, batchId, payout } = await transferredNotPaidOut('Payout Whiskey', 100000);
    const amount = payout.amount_cents;
    const part = 30000;

    await stripeSdk().transfers.createReversal(payout.transfer_id!, { amount: part });
    const settled = await settledPayouts(admin.client, batchId, (rows) => rows.find((r) => r.id === payout.id)?.reversed_cents === part);
    expect(settled.find((r) => r.id === payout.id)).toMatchObject({ status: 'transferred', reversed_cents: part });
    expect(await ilsWallet(p.signedIn.client)).toMatchObject({ available_cents: part });
    expect(await expertLedger(p.expertId)).toEqual({ available: part, inFlight: 0, carry: 0 });
    expect(await connectedBalance(p.stripeAccountId)).toMatchObject({ available: amount - part });
    await expectBooksBalance();

    // The admin runs the batch on: what is left in the expert's Stripe balance goes to their bank.
    const run = await runPayouts(admin.client, { batch_id: batchId, max: 100 });
    expect(outcomesFor([run], payout.id), JSON.stringify(run.body)).toEqual(['sent']);
    const paid = await settledPayouts(admin.client, batchId, (rows) => rows.find((r) => r.id === payout.id)?.status === 'paid');
    expect(paid.find((r) => r.id === payout.id)).toMatchObject({ status: 'paid', reversed_cents: part });
    const bank = await bankPayoutsOf(p.stripeAccountId, payout.id);
    expect(bank.map((b) => [b.amount, b.status])).toEqual([[amount - part, 'paid']]);
    expect(await connectedBalance(p.stripeAccountId)).toEqual({ received: amount - part, paidOut: amount - part, available: 0 });
    await expectBooksBalance();
  });
});

describe('who runs payouts', () => {
  it('only admins run a batch; the secret key sweeps every batch', async () => {
    const z = await readyExpertWithMoney('Payout Zulu', 35000);
    const { batchId } = await createBatch(admin);
    const pz = await payoutOf(admin.client, batchId, z.expertId);

    // The expert themself, a customer, and a caller with no session are refused, and nothing moves.
    const customer = await signUpUser('payout-runner');
    expect((await runPayouts(z.signedIn.client, { batch_id: batchId })).status).toBe(403);
    expect((await runPayouts(customer.client, { batch_id: batchId })).status).toBe(403);
    expect((await runPayouts(anonClient(), { batch_id: batchId })).status).toBe(401);
    // A user (even an admin) names the batch they reviewed.
    expect((await runPayouts(admin.client, {})).status).toBe(400);
    expect((await runPayouts(admin.client, { batch_id: 'not-a-uuid' })).status).toBe(400);
    expect(await payoutOf(admin.client, batchId, z.expertId)).toMatchObject({ status: 'pending', transfer_id: null });
    expect(await transfersOf(pz.id)).toEqual([]);

    // The scheduler's call: the secret key, no batch.
    const service: SupabaseClient = adminClient();
    let outcome: string[] = [];
    for (let i = 0; i < 20 && outcome.length === 0; i++) {
      const sweep = await runPayouts(service, { max: 100 });
      expect(sweep.status).toBe(200);
      outcome = outcomesFor([sweep], pz.id);
    }
    expect(outcome).toEqual(['sent']);
    const bare = await runPayouts(service, {});
    expect(bare.status, 'an empty body sweeps too').toBe(200);
    const settled = await settledPayouts(admin.client, batchId, (rows) => rows.find((r) => r.id === pz.id)?.status === 'paid');
    await expectPaidOnce(
      z,
      settled.find((r) => r.id === pz.id)!,
      pz.amount_cents,
    );
    await expectBooksBalance();
  });

  it('shows admins a batch the secret key ran as executed, not as never run', async () => {
    const o = await readyExpertWithMoney('Payout Oscar', 33000);
    const { batchId } = await createBatch(admin);
    const po = await payoutOf(admin.client, batchId, o.expertId);
    let outcome: string[] = [];
    for (let i = 0; i < 20 && outcome.length === 0; i++) outcome = outcomesFor([await runPayouts(adminClient(), { max: 100 })], po.id);
    expect(outcome).toEqual(['sent']);
    await settledPayouts(admin.client, batchId, (rows) => rows.find((r) => r.id === po.id)?.status === 'paid');
    const { data } = await admin.client.from('payout_batches').select('executed_at, in_progress').eq('id', batchId).single();
    expect(data).toMatchObject({ in_progress: 0 });
    expect(data!.executed_at, 'payout_batches.executed_at of a batch the sweep paid').not.toBeNull();
  });
});
