// How fast the fake takes a payout run, through the real SDK: one expert account, then N rounds of
// `transfers.create` (transfer_group = the payout id, an Idempotency-Key) and `payouts.create` on the
// connected account (Stripe-Account, an Idempotency-Key), one request at a time, with a Connect
// webhook endpoint acknowledging every event and, unless THROUGHPUT_DATA_FILE=0, a data file. The
// rate is printed per slice of the run, so a cost that grows with the store shows up as a falling rate.
//
//   npx tsx stack/stripe-fake/throughput.ts            # 5,000 rounds
//   THROUGHPUT_COUNT=10000 THROUGHPUT_LIST=1 npx tsx stack/stripe-fake/throughput.ts
//
// THROUGHPUT_LIST=1 also lists transfers by transfer_group before each round, as a payout run that
// checks before it retries does.
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { startStripeFake } from './index.ts';

const COUNT = Number(process.env.THROUGHPUT_COUNT ?? 5_000);
const SLICES = 5;
const WITH_DATA_FILE = process.env.THROUGHPUT_DATA_FILE !== '0';
const WITH_LIST = process.env.THROUGHPUT_LIST === '1';
const AMOUNT = 1_000;

async function main(): Promise<void> {
  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
  const dir = await mkdtemp(join(tmpdir(), 'stripe-fake-throughput-'));
  const fake = await startStripeFake({
    port: 0,
    webhookEndpoints: [
      { url: receiverUrl, secret: 'whsec_platform' },
      { url: receiverUrl, secret: 'whsec_connect', connect: true },
    ],
    ...(WITH_DATA_FILE ? { dataFile: join(dir, 'stripe.json') } : {}),
  });
  const stripe = new Stripe('sk_test_throughput', { host: '127.0.0.1', port: fake.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
  try {
    const account = await stripe.accounts.create({ type: 'express', country: 'US', capabilities: { transfers: { requested: true } } });
    fake.control.onboardAccount(account.id);
    await stripe.topups.create({ amount: COUNT * AMOUNT, currency: 'usd', description: 'throughput run' });

    console.log(`${COUNT} rounds of transfer + payout${WITH_LIST ? ' + list by transfer_group' : ''}, data file ${WITH_DATA_FILE ? 'on' : 'off'}`);
    const slice = Math.ceil(COUNT / SLICES);
    const started = performance.now();
    let sliceStart = started;
    for (let i = 0; i < COUNT; i += 1) {
      const payoutId = `payout_${i}`;
      if (WITH_LIST) await stripe.transfers.list({ transfer_group: payoutId, limit: 1 });
      await stripe.transfers.create(
        { amount: AMOUNT, currency: 'usd', destination: account.id, transfer_group: payoutId, metadata: { payout_id: payoutId } },
        { idempotencyKey: `transfer-${payoutId}` },
      );
      await stripe.payouts.create(
        { amount: AMOUNT, currency: 'usd', metadata: { payout_id: payoutId } },
        { stripeAccount: account.id, idempotencyKey: `payout-${payoutId}` },
      );
      if ((i + 1) % slice === 0 || i + 1 === COUNT) {
        const now = performance.now();
        const rounds = (i % slice) + 1;
        console.log(
          `  rounds ${String(i + 2 - rounds).padStart(6)}–${String(i + 1).padEnd(6)} ${((rounds * 1000) / (now - sliceStart)).toFixed(0).padStart(6)} rounds/s`,
        );
        sliceStart = now;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `total: ${COUNT} rounds in ${seconds.toFixed(1)} s = ${(COUNT / seconds).toFixed(0)} rounds/s (${((COUNT * 2) / seconds).toFixed(0)} creates/s)`,
    );
    const flushStarted = performance.now();
    await fake.webhooksIdle();
    console.log(`webhooks drained ${((performance.now() - flushStarted) / 1000).toFixed(1)} s after the last request`);
  } finally {
    const closeStarted = performance.now();
    await fake.close();
    console.log(`close (final data-file write) ${((performance.now() - closeStarted) / 1000).toFixed(2)} s`);
    receiver.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
