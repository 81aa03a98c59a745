// The webhook benchmark's load generator: `concurrency` senders deliver Stripe events over
// keep-alive connections, each sending the next delivery as soon as its previous one is answered,
// in a fixed order with a share of duplicates (webhook-events.ts). Every event settles a payment of
// its own, so a delivery's answer says whether it applied the event ('settled') or found it done
// ('duplicate'); anything else is an error. The same deliveries go to any layer of the path:
// signed to the stripe-webhook function (through the gateway or straight to the functions server),
// as the function's RPC call to PostgREST, or as the bare SQL call. Like load.ts it runs in a child
// process of its own, and builds and signs every body before the clock starts.
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { signWebhookPayload } from '../stack/stripe-fake/index.ts';
import { percentile } from './load.ts';
import { deliveryOrder, paidEvent, seededRandom, type PaymentToSettle } from './webhook-events.ts';

export type Transport =
  /** The signed event as Stripe posts it: `{ received, outcome }` back. */
  | { kind: 'webhook'; url: string; secret: string }
  /** PostgREST's /rpc/apply_stripe_event with `{ event }`, as the function's supabase-js client calls it. */
  | { kind: 'rest'; url: string; headers: Record<string, string> }
  /** `select public.apply_stripe_event($1)` on connections logged in as `authenticator` with role service_role. */
  | { kind: 'sql'; url: string };

export interface DeliverySpec {
  transport: Transport;
  /** Payments reserved for this run, one event each, used in order. */
  payments: PaymentToSettle[];
  /** Unique per run, so event ids never repeat across runs. */
  eventPrefix: string;
  concurrency: number;
  duplicateShare: number;
  seed: number;
  warmupMs: number;
  durationMs: number;
}

export interface DeliveryResult {
  /** In the measured window. */
  deliveries: number;
  applied: number;
  rps: number;
  appliedPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  seconds: number;
  cpuSeconds: number;
  /** The whole run, warm-up included: events delivered (= payments used), repeats, and what came back. */
  events: number;
  duplicates: number;
  /** Repeats sent while an earlier delivery of the same event was still unanswered. */
  concurrentDuplicates: number;
  settled: number;
  appliedTwice: number;
  neverApplied: number;
  errors: number;
  errorSamples: string[];
  /** The reserved payments ran out before the time did: the window is shorter. */
  ranOut: boolean;
}

/**
 * Runs one load in a fresh child process. `onPhase` is called when the warm-up ends and the measured
 * window starts, and again when it ends, before the child closes its connections.
 */
export function deliver(spec: DeliverySpec, onPhase: (phase: 'measuring' | 'done') => void = () => {}): Promise<DeliveryResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--delivery-child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (message: 'measuring' | 'done' | DeliveryResult) => {
      if (message === 'measuring') return onPhase(message);
      if (message === 'done') {
        onPhase(message);
        return child.send('closing'); // the CPU is read: the child may close its connections now
      }
      resolve(message);
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`delivery generator exited with ${code}`))));
    child.send(spec);
  });
}

type Send = (event: number) => Promise<{ status: number; outcome: string }>;

/** One sender per transport: everything it sends is built here, before the clock starts. */
async function sender(spec: DeliverySpec): Promise<{ send: Send; close: () => Promise<void> }> {
  const created = Math.floor(Date.now() / 1000);
  const events = spec.payments.map((p, i) => paidEvent(`evt_${spec.eventPrefix}${String(i).padStart(6, '0')}`, p, created));
  const t = spec.transport;
  if (t.kind === 'sql') {
    const payloads = events.map((e) => JSON.stringify(e));
    const clients = await Promise.all(
      Array.from({ length: spec.concurrency }, async () => {
        const client = new pg.Client({ connectionString: t.url });
        await client.connect();
        await client.query('set role service_role');
        return client;
      }),
    );
    const idle = [...clients];
    const send: Send = async (event) => {
      const client = idle.pop()!; // never empty: one client per sender
      try {
        const { rows } = await client.query<{ outcome: string }>('select public.apply_stripe_event($1::jsonb) as outcome', [payloads[event]]);
        return { status: 200, outcome: rows[0]!.outcome };
      } catch (error) {
        return { status: 500, outcome: (error as Error).message };
      } finally {
        idle.push(client);
      }
    };
    return { send, close: () => Promise.all(clients.map((c) => c.end())).then(() => undefined) };
  }

  const url = new URL(t.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const requests = events.map((e) => {
    const body = t.kind === 'webhook' ? JSON.stringify(e) : JSON.stringify({ event: e });
    const headers: Record<string, string> =
      t.kind === 'webhook'
        ? { 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)', 'stripe-signature': signWebhookPayload(body, t.secret, created) }
        : { ...t.headers };
    headers['content-type'] = 'application/json; charset=utf-8';
    headers['content-length'] = String(Buffer.byteLength(body));
    return { body, headers };
  });
  const send: Send = (event) =>
    new Promise((resolve, reject) => {
      const { body, headers } = requests[event]!;
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.once('end', () => {
          let outcome = text;
          try {
            const parsed = JSON.parse(text) as unknown;
            outcome = typeof parsed === 'string' ? parsed : String((parsed as { outcome?: unknown }).outcome ?? text);
          } catch {
            /* not JSON: the text is the error */
          }
          resolve({ status: res.statusCode ?? 0, outcome });
        });
        res.once('error', reject);
      });
      req.once('error', reject);
      req.end(body);
    });
  return { send, close: async () => agent.destroy() };
}

async function run(spec: DeliverySpec): Promise<DeliveryResult> {
  const { send, close } = await sender(spec);
  const order = deliveryOrder(spec.payments.length, spec.duplicateShare, spec.concurrency, seededRandom(spec.seed));
  const n = spec.payments.length;
  const inFlight = new Uint16Array(n);
  const sent = new Uint16Array(n);
  const settledCount = new Uint16Array(n);
  const latencies: number[] = [];
  let cursor = 0;
  let [inWindow, appliedInWindow, duplicates, concurrentDuplicates, errors, lastEnd] = [0, 0, 0, 0, 0, 0];
  const errorSamples: string[] = [];

  const measureFrom = performance.now() + spec.warmupMs;
  const stopAt = measureFrom + spec.durationMs;
  let cpuAtStart = process.cpuUsage();
  const timer = setTimeout(() => {
    cpuAtStart = process.cpuUsage();
    process.send?.('measuring');
  }, spec.warmupMs);
  const senderLoop = async () => {
    for (let start = performance.now(); start < stopAt && cursor < order.length; start = performance.now()) {
      const event = order[cursor++]!;
      if (sent[event]! > 0) duplicates++;
      if (inFlight[event]! > 0) concurrentDuplicates++;
      sent[event]!++;
      inFlight[event]!++;
      const { status, outcome } = await send(event).catch((error: Error) => ({ status: 0, outcome: error.message }));
      const end = performance.now();
      inFlight[event]!--;
      if (outcome === 'settled') settledCount[event]!++;
      if (status !== 200 || (outcome !== 'settled' && outcome !== 'duplicate')) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${status} ${outcome.slice(0, 200)}`);
      }
      if (start < measureFrom) continue; // warm-up: connections, plan caches, the functions' JIT
      latencies.push(end - start);
      inWindow++;
      if (outcome === 'settled') appliedInWindow++;
      lastEnd = Math.max(lastEnd, end);
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, senderLoop));
  clearTimeout(timer);
  const cpu = process.cpuUsage(cpuAtStart);
  // The window's end, read before closing: Postgres backends that exit take their CPU time with them.
  const closing = new Promise((resolve) => process.once('message', resolve));
  process.send?.('done');
  await closing;
  await close();

  const events = order.slice(0, cursor).reduce((max, e) => Math.max(max, e + 1), 0);
  let [appliedTwice, neverApplied, settled] = [0, 0, 0];
  for (let e = 0; e < events; e++) {
    settled += settledCount[e]!;
    if (settledCount[e]! > 1) appliedTwice++;
    if (settledCount[e] === 0) neverApplied++;
  }
  const ranOut = cursor === order.length;
  const sorted = Float64Array.from(latencies).sort();
  const seconds = ((ranOut ? lastEnd : Math.max(lastEnd, stopAt)) - measureFrom) / 1000;
  return {
    deliveries: inWindow,
    applied: appliedInWindow,
    rps: inWindow / seconds,
    appliedPerSecond: appliedInWindow / seconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    events,
    duplicates,
    concurrentDuplicates,
    settled,
    appliedTwice,
    neverApplied,
    errors,
    errorSamples,
    ranOut,
  };
}

if (process.argv.includes('--delivery-child')) {
  process.once('message', (spec) => {
    run(spec as DeliverySpec).then(
      (result) => process.send!(result, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
