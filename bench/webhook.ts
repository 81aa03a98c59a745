// `npm run bench`, third part: Stripe webhook throughput (issue 5). A throwaway 'bench' stack with
// durable commits, tens of thousands of accepted jobs with a pending payment each, then signed
// `checkout.session.completed` deliveries, 20% of them repeats, from 20 keep-alive senders to the
// stripe-webhook function through the gateway, every event settling a payment of its own. The
// baseline, measured in the same run on fresh payments: the bare RPC in SQL. Then each layer of the
// path alone (the functions server without the gateway in front, PostgREST's RPC with and without the
// gateway), so a slow end-to-end figure says where the time goes, and one call of the RPC statement by
// statement. Afterwards the database must show every event applied exactly once and a balanced
// ledger. Figures are reported against the targets, never failed.
//
// Knobs: BENCH_SECONDS (the two headline runs, default 15; each layer runs for 6 s),
// BENCH_WEBHOOK_PAYMENTS (default 120,000), BENCH_WEBHOOK_SQL=<file> applies SQL after the data set
// (as postgres), to measure a candidate fix before it becomes a migration (the payment lookup fix was
// one: 20261125210000_stripe_event_payment_lookup.sql), and BENCH_WEBHOOK_FUNCTIONS=<folder> serves
// candidate functions (webhook-candidate.ts).
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { TEST_RATE_LIMITS } from '../stack/auth/server.ts';
import { dbUrl, stackConfig } from '../stack/config.ts';
import { signToken } from '../stack/keys.ts';
import { startStack } from '../stack/stack.ts';
import { stripeSettings } from '../stack/stripe.ts';
import { cpuSeconds, cpuShares, machineBusySeconds } from './cpu.ts';
import { deliver, type DeliveryResult, type Transport } from './webhook-load.ts';
import { num, printCorrectness, printRunRow, printRunsHeader, printCallTiming, printTargets, type MeasuredRun } from './webhook-report.ts';
import { startCandidateFunctions, type CandidateFunctions } from './webhook-candidate.ts';
import { setUpPayments } from './webhook-setup.ts';
import { callTiming } from './webhook-sql.ts';
import { checkLedger, checkRun } from './webhook-verify.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const LAYER_SECONDS = 6;
const WARMUP_SECONDS = 2;
const PRIME_SECONDS = 10;
const CONCURRENCY = 20;
const DUPLICATE_SHARE = 0.2;
const PAYMENTS = Number(process.env.BENCH_WEBHOOK_PAYMENTS ?? 120_000);
const MAX_RATE = 3000; // events/s no run here reaches: the payments one run may take
const CANDIDATE_SQL = process.env.BENCH_WEBHOOK_SQL;
const CANDIDATE_FUNCTIONS = process.env.BENCH_WEBHOOK_FUNCTIONS;
process.env.GUILDHALL_POSTGREST_LOG_LEVEL = 'crit'; // a request log line per call would be part of what we measure

const t0 = performance.now();
const loadBefore = loadavg()[0]!;
const config = stackConfig('bench', { durable: true });
const stack = await startStack(config, { web: false, rateLimits: TEST_RATE_LIMITS, log: () => {} });
let candidate: CandidateFunctions | undefined;
const cleanUp = async () => {
  await candidate?.stop();
  await stack.stop();
  rmSync(config.dataDir, { recursive: true, force: true });
};
// Ctrl-C, or output piped into `head`, must not leave a Postgres and its data folder behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
process.stdout.on('error', () => {}); // EPIPE: keep going to the clean-up in `finally`
try {
  const setup = await setUpPayments(config, PAYMENTS, CANDIDATE_SQL);
  const { keys } = stack;
  const { webhookSecret } = stripeSettings(config, keys);
  const serviceToken = await signToken(keys, { role: 'service_role', iss: `${config.apiUrl}/auth/v1` }, 3600);
  const local = `http://${config.host}`;
  console.log(`\nStripe webhook: ${setup.payments.length} accepted consumer jobs with a pending payment each, 200 experts, 2,000 customers`);
  console.log(`  Postgres durable (fsync, synchronous_commit, full_page_writes on); data generated and vacuumed in ${setup.seconds.toFixed(1)} s`);
  if (CANDIDATE_SQL) console.log(`  with the candidate SQL ${CANDIDATE_SQL} applied`);
  if (CANDIDATE_FUNCTIONS) {
    candidate = await startCandidateFunctions(config, keys, CANDIDATE_FUNCTIONS);
    console.log(`  webhook runs with the candidate functions in ${CANDIDATE_FUNCTIONS}, behind a gateway of their own`);
  }
  console.log(
    `  ${CONCURRENCY} keep-alive senders, ${DUPLICATE_SHARE * 100}% of deliveries repeats of earlier events, every event settling a payment of its own;\n` +
      `  ${WARMUP_SECONDS} s of warm-up, then ${SECONDS} s (baseline and end to end) or ${LAYER_SECONDS} s (each layer alone)`,
  );

  const runs: { key: MeasuredRun['key']; label: string; transport: Transport; seconds: number }[] = [
    {
      key: 'sql',
      label: 'bare RPC in SQL, as service_role (baseline)',
      transport: { kind: 'sql', url: dbUrl(config, 'authenticator') },
      seconds: SECONDS,
    },
    {
      key: 'e2e',
      label: 'signed event → gateway → stripe-webhook (end to end)',
      transport: { kind: 'webhook', url: candidate?.gatewayUrl ?? `${config.apiUrl}/functions/v1/stripe-webhook`, secret: webhookSecret },
      seconds: SECONDS,
    },
    {
      key: 'functions',
      label: 'signed event → functions server (no gateway in front)',
      transport: { kind: 'webhook', url: candidate?.functionsUrl ?? `${local}:${config.ports.functions}/stripe-webhook`, secret: webhookSecret },
      seconds: LAYER_SECONDS,
    },
    {
      key: 'rest-gateway',
      label: 'RPC → gateway → PostgREST (as supabase-js calls it)',
      transport: {
        kind: 'rest',
        url: `${config.apiUrl}/rest/v1/rpc/apply_stripe_event`,
        headers: { apikey: keys.secretKey, authorization: `Bearer ${keys.secretKey}` },
      },
      seconds: LAYER_SECONDS,
    },
    {
      key: 'rest',
      label: 'RPC → PostgREST (no gateway)',
      transport: {
        kind: 'rest',
        url: `${local}:${config.ports.postgrest}/rpc/apply_stripe_event`,
        headers: { authorization: `Bearer ${serviceToken}` },
      },
      seconds: LAYER_SECONDS,
    },
  ];

  // Priming: on a fresh cluster the first ~10 s of commits run at half speed (with the payment lookup
  // fixed: 440-570 events/s in a first bare-SQL run, 1,000-1,700/s in every later one, checkpoint or
  // not; most likely WAL landing on disk blocks never written before, whose synced writes take 2.2×
  // as long here as rewrites do). A server that has been running is past that, so the measured runs
  // start after it, on payments of their own.
  const prime = await deliver({
    transport: runs[0]!.transport,
    payments: setup.payments.slice(0, MAX_RATE * PRIME_SECONDS),
    eventPrefix: 'prime_',
    concurrency: CONCURRENCY,
    duplicateShare: DUPLICATE_SHARE,
    seed: 2025,
    warmupMs: 0,
    durationMs: PRIME_SECONDS * 1000,
  });
  let offset = prime.events;
  console.log(`  primed with ${PRIME_SECONDS} s of bare RPC calls first (${num(prime.events)} events, not reported)`);

  const measured: MeasuredRun[] = [];
  printRunsHeader();
  for (const [i, run] of runs.entries()) {
    const payments = setup.payments.slice(offset, offset + MAX_RATE * (WARMUP_SECONDS + run.seconds));
    const eventPrefix = `bench${i}_`;
    let before = new Map<string, number>();
    let after = new Map<string, number>();
    let [busyBefore, busyAfter] = [0, 0];
    const result: DeliveryResult = await deliver(
      {
        transport: run.transport,
        payments,
        eventPrefix,
        concurrency: CONCURRENCY,
        duplicateShare: DUPLICATE_SHARE,
        seed: 2026 + i,
        warmupMs: WARMUP_SECONDS * 1000,
        durationMs: run.seconds * 1000,
      },
      (phase) => {
        if (phase === 'measuring') [before, busyBefore] = [cpuSeconds(), machineBusySeconds()];
        else [after, busyAfter] = [cpuSeconds(), machineBusySeconds()];
      },
    );
    const cpu = cpuShares(before, after, result.seconds);
    cpu.delete('node'); // the delivery generator's process: it reports its own CPU for exactly the window
    cpu.set('load generator', result.cpuSeconds / result.seconds);
    const ours = [...cpu.values()].reduce((sum, share) => sum + share, 0);
    const otherWork = Math.max(0, (busyAfter - busyBefore) / result.seconds - ours);
    const used = payments.slice(0, result.events);
    offset += result.events;
    const check = await checkRun(
      dbUrl(config, 'postgres'),
      used.map((p) => p.id),
      eventPrefix,
    );
    const entry = { ...run, result, cpu, otherWork, check };
    measured.push(entry);
    printRunRow(entry);
  }
  const loadAfter = loadavg()[0]!;

  const fresh = setup.payments.slice(offset, offset + 5);
  if (fresh.length === 5) printCallTiming(await callTiming(dbUrl(config, 'supabase_admin'), fresh));
  printCorrectness(measured, await checkLedger(dbUrl(config, 'postgres')));
  printTargets(measured);
  const others = measured.map((m) => m.otherWork * 100);
  console.log(
    `\n  Note: this machine has ${cpus().length} cores; the senders, the gateway (in the bench's own Node process), Deno, PostgREST\n` +
      `  and Postgres share them (see the CPU lines), so the HTTP figures are lower than on a server with separate clients.\n` +
      `  Other processes took ${Math.min(...others).toFixed(0)}-${Math.max(...others).toFixed(0)}% of a core during the runs (0-5% on a quiet machine); more moves the figures.\n` +
      `  Load average (1 min): ${loadBefore.toFixed(1)} before the bench, ${loadAfter.toFixed(1)} after the runs (which counts the bench's own\n` +
      `  runnable processes: up to 20 Postgres backends at once). The ratios are what compare.`,
  );
} finally {
  await cleanUp();
}
console.log(`\n  webhook bench took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
