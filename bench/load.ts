// A closed-loop HTTP load generator: `concurrency` clients, each sending the same POST again as soon
// as the previous answer is in, over keep-alive connections, as supabase-js in many browsers would.
// It runs in a child process of its own: the gateway lives in the bench's process, and sharing its
// event loop would slow both and blur who spent the time.
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  body: string;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadResult {
  requests: number;
  /** Answers other than 200 (also counted in `requests`); a figure with errors is not a figure. */
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** The measured window (from the end of the warm-up to the last answer), in seconds. */
  seconds: number;
  /** CPU the load generator itself used in that window, in seconds. */
  cpuSeconds: number;
}

/** Called when the warm-up ends and the measured window starts, and again when it ends. */
export type PhaseListener = (phase: 'measuring' | 'done') => void;

/** Runs one load in a fresh child process and returns what it measured. */
export function measure(spec: LoadSpec, onPhase: PhaseListener = () => {}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // The child inherits tsx's loader through execArgv.
    const child = fork(fileURLToPath(import.meta.url), ['--load-child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (message: 'measuring' | LoadResult) => {
      if (message === 'measuring') return onPhase('measuring');
      onPhase('done');
      resolve(message);
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`load generator exited with ${code}`))));
    child.send(spec);
  });
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const url = new URL(spec.url);
  const headers = { ...spec.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(spec.body)) };
  const send = () =>
    new Promise<number>((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers }, (res) => {
        res.resume(); // read the whole body: the server's work includes sending it
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      });
      req.once('error', reject);
      req.end(spec.body);
    });

  const latencies: number[] = [];
  let errors = 0;
  let lastEnd = 0;
  const measureFrom = performance.now() + spec.warmupMs;
  const stopAt = measureFrom + spec.durationMs;
  let cpuAtStart = process.cpuUsage();
  setTimeout(() => {
    cpuAtStart = process.cpuUsage();
    process.send?.('measuring');
  }, spec.warmupMs);
  const client = async () => {
    for (let start = performance.now(); start < stopAt; start = performance.now()) {
      const status = await send();
      const end = performance.now();
      if (start < measureFrom) continue; // warm-up: connections, PostgREST's and Postgres's caches
      latencies.push(end - start);
      if (status !== 200) errors++;
      lastEnd = Math.max(lastEnd, end);
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, client));
  const cpu = process.cpuUsage(cpuAtStart);
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  const seconds = (Math.max(lastEnd, stopAt) - measureFrom) / 1000;
  return {
    requests: sorted.length,
    errors,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

if (process.argv.includes('--load-child')) {
  process.once('message', (spec) => {
    run(spec as LoadSpec).then(
      (result) => process.send!(result, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
