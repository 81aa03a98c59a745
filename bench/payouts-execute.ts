// Executing the batch: the `payouts` function through the gateway with the secret key, called again
// and again with max=100 as the admin screen calls it while `remaining` > 0, by one caller or
// several at once (payouts_to_execute hands each call its own rows: FOR UPDATE SKIP LOCKED). The
// baseline, in the same run: the fake's raw rate for the same two calls per payout (a transfer with
// transfer_group and an Idempotency-Key, a payout on the connected account) straight through the
// Node SDK, one request at a time per client (1 client, and as many as the function has callers), on
// a fake of its own whose webhooks go to a receiver that only says 200, as
// stack/stripe-fake/throughput.ts measures it.
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { startStripeFake } from '../stack/stripe-fake/index.ts';
import { cpuSeconds, cpuShares, machineBusySeconds } from './cpu.ts';

export interface RawRate {
  rounds: number;
  seconds: number;
  perSecond: number;
}

/** Transfer + connected-account payout pairs for `seconds`, `concurrency` clients each one request at a time. */
export async function fakeRawRate(seconds: number, concurrency: number): Promise<RawRate> {
  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
  const dir = await mkdtemp(join(tmpdir(), 'payouts-bench-fake-'));
  const fake = await startStripeFake({
    port: 0,
    webhookEndpoints: [
      { url: receiverUrl, secret: 'whsec_platform' },
      { url: receiverUrl, secret: 'whsec_connect', connect: true },
    ],
    dataFile: join(dir, 'stripe.json'),
    log: () => {},
  });
  const stripe = new Stripe('sk_test_payouts_bench', {
    host: '127.0.0.1',
    port: fake.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });
  try {
    const accounts: string[] = [];
    for (let i = 0; i < concurrency; i += 1) {
      const account = await stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
      fake.control.onboardAccount(account.id);
      accounts.push(account.id);
    }
    for (let i = 0; i < 5; i += 1) await stripe.topups.create({ amount: 99_999_999, currency: 'ils', description: 'payouts bench baseline' });
    const amount = 1_000;
    const started = performance.now();
    let rounds = 0;
    await Promise.all(
      accounts.map(async (destination, worker) => {
        for (let i = 0; performance.now() - started < seconds * 1000; i += 1) {
          const payoutId = `raw_${worker}_${i}`;
          await stripe.transfers.create(
            { amount, currency: 'ils', destination, transfer_group: payoutId, metadata: { payout_id: payoutId } },
            { idempotencyKey: `transfer:${payoutId}` },
          );
          await stripe.payouts.create(
            { amount, currency: 'ils', metadata: { payout_id: payoutId } },
            { stripeAccount: destination, idempotencyKey: `bank-payout:${payoutId}` },
          );
          rounds += 1;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    await fake.webhooksIdle();
    return { rounds, seconds: elapsed, perSecond: rounds / elapsed };
  } finally {
    await fake.close();
    receiver.close();
    await rm(dir, { recursive: true, force: true });
  }
}

interface RunReply {
  payouts?: { payout_id: string; outcome: 'sent' | 'refused' | 'retry_later' }[];
  remaining?: number;
  error?: string;
}

export interface Slice {
  perSecond: number;
  /** CPU the stack and the callers spent per payout in the slice, and the share of a core other processes took. */
  cpuMsPerPayout: number;
  otherWork: number;
}

export interface ExecutionRun {
  callers: number;
  calls: number;
  /** Payouts sent for the first time in this run. */
  sent: number;
  /** Payouts a call sent that an earlier call (of this run or another) had sent already: handed out twice. */
  sentAgain: number;
  refused: number;
  retryLater: number;
  errors: string[];
  seconds: number;
  perSecond: number;
  /** Each slice of `sliceSize` payouts: flat rate and CPU per payout mean sustained. */
  slices: Slice[];
  callMs: { p50: number; max: number };
  /** Share of one core per part over the run, and what other processes took. */
  cpu: Map<string, number>;
  otherWork: number;
  remaining: number;
}

const totalCpu = (m: Map<string, number>) => [...m.values()].reduce((sum, s) => sum + s, 0);

/**
 * Calls the function until `target` payouts were sent for the first time (or the batch is done),
 * `callers` at a time. `seen` holds the payouts sent before, by any run. The first call, which
 * starts the function's worker, is part of the run: the screen pays for it too.
 */
export async function executePayouts(
  url: string,
  secretKey: string,
  batchId: string,
  o: { target: number; callers: number; sliceSize: number; seen: Set<string> },
): Promise<ExecutionRun> {
  const headers = { apikey: secretKey, authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' };
  const run: ExecutionRun = {
    callers: o.callers,
    calls: 0,
    sent: 0,
    sentAgain: 0,
    refused: 0,
    retryLater: 0,
    errors: [],
    seconds: 0,
    perSecond: 0,
    slices: [],
    callMs: { p50: 0, max: 0 },
    cpu: new Map(),
    otherWork: 0,
    remaining: Number.NaN,
  };
  const callMs: number[] = [];
  const [cpuBefore, busyBefore] = [cpuSeconds(), machineBusySeconds()];
  const started = performance.now();
  let slice = { at: started, sent: 0, cpu: totalCpu(cpuBefore), busy: busyBefore };
  let done = false;
  await Promise.all(
    Array.from({ length: o.callers }, async () => {
      while (!done && run.sent < o.target) {
        const t0 = performance.now();
        const res = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ batch_id: batchId, max: Math.min(100, o.target - run.sent) }),
        });
        const body = (await res.json().catch(() => ({}))) as RunReply;
        callMs.push(performance.now() - t0);
        run.calls += 1;
        if (res.status !== 200) {
          run.errors.push(`${res.status} ${JSON.stringify(body)}`);
          if (run.errors.length >= 5) done = true;
          continue;
        }
        for (const p of body.payouts ?? []) {
          if (p.outcome === 'sent' && o.seen.has(p.payout_id)) run.sentAgain += 1;
          else if (p.outcome === 'sent') [run.sent, slice.sent] = [run.sent + 1, slice.sent + 1];
          else if (p.outcome === 'refused') run.refused += 1;
          else run.retryLater += 1;
          if (p.outcome === 'sent') o.seen.add(p.payout_id);
        }
        run.remaining = body.remaining ?? Number.NaN;
        if (slice.sent >= o.sliceSize) {
          const [now, cpu, busy] = [performance.now(), totalCpu(cpuSeconds()), machineBusySeconds()];
          const seconds = (now - slice.at) / 1000;
          run.slices.push({
            perSecond: slice.sent / seconds,
            cpuMsPerPayout: ((cpu - slice.cpu) * 1000) / slice.sent,
            otherWork: Math.max(0, (busy - slice.busy - (cpu - slice.cpu)) / seconds),
          });
          slice = { at: now, sent: 0, cpu, busy };
        }
        if ((body.payouts ?? []).length === 0) done = true; // nothing left to hand out
      }
    }),
  );
  run.seconds = (performance.now() - started) / 1000;
  run.cpu = cpuShares(cpuBefore, cpuSeconds(), run.seconds);
  run.otherWork = Math.max(0, (machineBusySeconds() - busyBefore) / run.seconds - totalCpu(run.cpu));
  run.perSecond = run.sent / run.seconds;
  const sorted = [...callMs].sort((a, b) => a - b);
  run.callMs = { p50: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
  return run;
}
