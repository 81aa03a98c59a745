// Connect for the payouts work: Express accounts, onboarding through an Account Link, transfers from
// the platform balance, payouts from a connected account's balance, and Connect events going to the
// Connect endpoint. Ports 29361–29364.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeFake, type StripeFake } from './index.ts';
import { createSession, sdk, startReceiver, type Receiver } from './test-support.ts';

const PLATFORM_SECRET = 'whsec_platform';
const CONNECT_SECRET = 'whsec_connect';
let fake: StripeFake;
let stripe: Stripe;
let platform: Receiver;
let connect: Receiver;

beforeAll(async () => {
  platform = await startReceiver(29362, PLATFORM_SECRET);
  connect = await startReceiver(29363, CONNECT_SECRET);
  fake = await startStripeFake({
    port: 29361,
    webhookEndpoints: [
      { url: platform.url, secret: PLATFORM_SECRET },
      { url: connect.url, secret: CONNECT_SECRET, connect: true },
    ],
  });
  stripe = sdk(fake.port);
});

afterAll(async () => {
  await fake.close();
  await platform.close();
  await connect.close();
});

function createExpert(email: string) {
  return stripe.accounts.create({
    type: 'express',
    country: 'US',
    email,
    capabilities: { transfers: { requested: true } },
    metadata: { expert_id: email },
  });
}

async function onboard(account: Stripe.Account): Promise<void> {
  const link = await stripe.accountLinks.create({
    account: account.id,
    type: 'account_onboarding',
    refresh_url: 'http://127.0.0.1:5173/wallet/refresh',
    return_url: 'http://127.0.0.1:5173/wallet/done',
  });
  const res = await fetch(link.url, { method: 'POST', redirect: 'manual' });
  expect(res.status).toBe(303);
}

async function fundPlatform(amount: number): Promise<string> {
  const session = await createSession(stripe, {
    line_items: [{ price_data: { currency: 'usd', unit_amount: amount, product_data: { name: 'Job' } }, quantity: 1 }],
  });
  fake.control.pay(session.id);
  const pi = await stripe.paymentIntents.retrieve(String((await stripe.checkout.sessions.retrieve(session.id)).payment_intent));
  return String(pi.latest_charge);
}

describe('accounts', () => {
  it('creates an Express account that cannot be paid until onboarded', async () => {
    const account = await createExpert('expert1@example.com');
    expect(account).toMatchObject({
      object: 'account',
      type: 'express',
      country: 'US',
      default_currency: 'usd',
      email: 'expert1@example.com',
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      capabilities: { transfers: 'inactive' },
      metadata: { expert_id: 'expert1@example.com' },
    });
    expect(account.id).toMatch(/^acct_/);
    expect(account.requirements?.currently_due).toContain('external_account');
    await expect(stripe.accounts.create({ type: 'express' })).rejects.toMatchObject({ param: 'capabilities' });
    await expect(stripe.accounts.create({})).rejects.toMatchObject({ code: 'parameter_missing', param: 'type' });
    await expect(stripe.transfers.create({ amount: 100, currency: 'usd', destination: account.id })).rejects.toMatchObject({
      code: 'insufficient_capabilities_for_transfer',
    });
  });

  it('takes a manual payout schedule, and refuses other settings', async () => {
    const manual = await stripe.accounts.create({
      type: 'express',
      capabilities: { transfers: { requested: true } },
      settings: { payouts: { schedule: { interval: 'manual' } } },
    });
    expect(manual.settings?.payouts?.schedule.interval).toBe('manual');
    await expect(
      stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } }, settings: { branding: { icon: 'x' } } }),
    ).rejects.toMatchObject({ code: 'parameter_unknown' });
  });

  it('onboards through the Account Link page and tells the Connect endpoint', async () => {
    const account = await createExpert('expert2@example.com');
    const link = await stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'http://127.0.0.1:5173/wallet/refresh',
      return_url: 'http://127.0.0.1:5173/wallet/done',
    });
    expect(link).toMatchObject({ object: 'account_link', url: expect.stringMatching(`^${fake.url}/connect/onboarding/`) });
    expect(link.expires_at - link.created).toBe(300);
    const page = await fetch(link.url);
    expect(await page.text()).toContain('<button type="submit" class="primary">Complete onboarding</button>');
    const done = await fetch(link.url, { method: 'POST', redirect: 'manual' });
    expect(done.headers.get('location')).toBe('http://127.0.0.1:5173/wallet/done');
    // Links are single-use: a second visit is sent to refresh_url.
    const again = await fetch(link.url, { redirect: 'manual' });
    expect(again.headers.get('location')).toBe('http://127.0.0.1:5173/wallet/refresh');

    const onboarded = await stripe.accounts.retrieve(account.id);
    expect(onboarded).toMatchObject({ details_submitted: true, payouts_enabled: true, capabilities: { transfers: 'active' } });
    expect(onboarded.requirements?.currently_due).toEqual([]);

    await fake.webhooksIdle();
    const updated = connect.deliveries.find((d) => d.event.type === 'account.updated' && d.event.account === account.id);
    expect(updated?.event.data.previous_attributes).toMatchObject({ payouts_enabled: false });
    expect(platform.deliveries.some((d) => d.event.type === 'account.updated')).toBe(false);
  });
});

describe('transfers and payouts', () => {
  it('moves money from the platform to an expert and out to their bank', async () => {
    const account = await createExpert('expert3@example.com');
    await onboard(account);
    const start = (await stripe.balance.retrieve()).available.find((b) => b.currency === 'usd')?.amount ?? 0;
    await expect(stripe.transfers.create({ amount: start + 1, currency: 'usd', destination: account.id })).rejects.toMatchObject({
      code: 'balance_insufficient',
    });

    const chargeId = await fundPlatform(10_000);
    await expect(
      stripe.transfers.create({ amount: 10_001, currency: 'usd', destination: account.id, source_transaction: chargeId }),
    ).rejects.toMatchObject({
      param: 'amount',
    });
    const transfer = await stripe.transfers.create({
      amount: 8_000,
      currency: 'usd',
      destination: account.id,
      source_transaction: chargeId,
      transfer_group: 'lead_7',
      metadata: { payable_id: 'p7' },
    });
    expect(transfer).toMatchObject({ object: 'transfer', amount: 8_000, destination: account.id, reversed: false, transfer_group: 'lead_7' });
    expect(await stripe.balanceTransactions.retrieve(String(transfer.balance_transaction))).toMatchObject({ amount: -8_000, type: 'transfer' });
    expect((await stripe.transfers.list({ destination: account.id })).data.map((t) => t.id)).toEqual([transfer.id]);
    // Platform: 10,000 − 320 fee − 8,000.
    expect((await stripe.balance.retrieve()).available.find((b) => b.currency === 'usd')?.amount).toBe(start + 1_680);

    const asExpert = { stripeAccount: account.id };
    expect((await stripe.balance.retrieve({}, asExpert)).available).toEqual([{ amount: 8_000, currency: 'usd', source_types: { card: 8_000 } }]);
    const payment = await stripe.charges.retrieve(String(transfer.destination_payment), {}, asExpert);
    expect(payment).toMatchObject({ amount: 8_000, source_transfer: transfer.id });
    await expect(stripe.charges.retrieve(String(transfer.destination_payment))).rejects.toMatchObject({ statusCode: 404 });

    await expect(stripe.payouts.create({ amount: 8_001, currency: 'usd' }, asExpert)).rejects.toMatchObject({ code: 'balance_insufficient' });
    const payout = await stripe.payouts.create({ amount: 5_000, currency: 'usd', metadata: { wallet: 'w1' } }, asExpert);
    expect(payout).toMatchObject({ object: 'payout', status: 'pending', amount: 5_000, destination: expect.stringMatching(/^ba_/) });
    await fake.webhooksIdle();
    expect(await stripe.payouts.retrieve(payout.id, {}, asExpert)).toMatchObject({ status: 'paid' });
    await expect(stripe.payouts.retrieve(payout.id)).rejects.toMatchObject({ statusCode: 404 });
    const expertEvents = connect.deliveries.filter((d) => d.event.account === account.id).map((d) => d.event.type);
    expect(expertEvents).toEqual(expect.arrayContaining(['payout.created', 'payout.paid']));
    expect(platform.deliveries.some((d) => d.event.type === 'transfer.created' && (d.event.data.object as { id: string }).id === transfer.id)).toBe(
      true,
    );
    expect((await stripe.events.list({ type: 'payout.paid' }, asExpert)).data).toHaveLength(1);

    fake.control.failNextPayout('account_closed');
    const bounced = await stripe.payouts.create({ amount: 1_000, currency: 'usd' }, asExpert);
    await fake.webhooksIdle();
    expect(await stripe.payouts.retrieve(bounced.id, {}, asExpert)).toMatchObject({ status: 'failed', failure_code: 'account_closed' });
    expect(connect.deliveries.some((d) => d.event.type === 'payout.failed' && d.event.account === account.id)).toBe(true);
    // The failed payout's money is back: 8,000 − 5,000.
    expect((await stripe.balance.retrieve({}, asExpert)).available[0]?.amount).toBe(3_000);
  });

  it('refuses a Stripe-Account header naming an unknown account', async () => {
    await expect(stripe.balance.retrieve({}, { stripeAccount: 'acct_unknown' })).rejects.toBeInstanceOf(Stripe.errors.StripePermissionError);
  });

  it('leaves payouts pending for the control API when autoPayouts is off', async () => {
    const manual = await startStripeFake({ port: 29364, autoPayouts: false });
    try {
      const s = sdk(manual.port);
      const session = await createSession(s);
      manual.control.pay(session.id);
      const payout = await s.payouts.create({ amount: 1_000, currency: 'usd' });
      await new Promise((r) => setTimeout(r, 20));
      expect(await s.payouts.retrieve(payout.id)).toMatchObject({ status: 'pending' });
      const res = await fetch(`${manual.url}/_fake/payouts/${payout.id}/settle`, { method: 'POST', body: JSON.stringify({ outcome: 'paid' }) });
      expect(await res.json()).toMatchObject({ id: payout.id, status: 'paid' });
      const twice = await fetch(`${manual.url}/_fake/payouts/${payout.id}/settle`, { method: 'POST', body: JSON.stringify({ outcome: 'failed' }) });
      expect(twice.status).toBe(400);
    } finally {
      await manual.close();
    }
  });
});
