// `npm run bench`: the local stack's cold start (empty data folder → every service answering) and
// the memory all its services hold once up, over several runs, with medians. The baseline, measured
// in the same run, is bare Postgres (initdb + start), the floor no local Supabase can go under.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { TEST_RATE_LIMITS } from '../stack/auth/server.ts';
import { stackConfig } from '../stack/config.ts';
import { initCluster, postgresReady, postgresService } from '../stack/postgres.ts';
import { startStack } from '../stack/stack.ts';
import { Supervisor } from '../stack/supervisor.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
process.env.GUILDHALL_POSTGREST_LOG_LEVEL = 'crit'; // PostgREST's request log would dominate the disk and CPU.

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function children(pid: number): number[] {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const kids = all.filter((d) => {
    try {
      return Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === pid;
    } catch {
      return false;
    }
  });
  return kids.map(Number).flatMap((k) => [k, ...children(k)]);
}

/** Proportional set size (shared pages split between the processes sharing them), in MiB. */
function pssMiB(pids: number[]): number {
  let kib = 0;
  for (const pid of pids) {
    try {
      kib += Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* exited */
    }
  }
  return kib / 1024;
}

function rssMiB(pids: number[]): number {
  return pids.reduce((sum, pid) => {
    try {
      return sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return sum;
    }
  }, 0);
}

async function barePostgres(run: number): Promise<number> {
  const config = stackConfig('bench', { dataDir: `/tmp/guildhall-bench-pg-${process.pid}-${run}` });
  const t0 = performance.now();
  initCluster(config);
  const supervisor = new Supervisor(config.logDir);
  await supervisor.waitReady(supervisor.start(postgresService(config)), () => postgresReady(config));
  const seconds = (performance.now() - t0) / 1000;
  await supervisor.stopAll();
  rmSync(config.dataDir, { recursive: true, force: true });
  return seconds;
}

async function wholeStack(run: number): Promise<{ seconds: number; pss: number; rss: number }> {
  const config = stackConfig('bench', { dataDir: `/tmp/guildhall-bench-${process.pid}-${run}` });
  const t0 = performance.now();
  const stack = await startStack(config, { web: false, rateLimits: TEST_RATE_LIMITS, log: () => {} });
  const seconds = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 1000)); // let background workers settle before measuring
  const pids = [process.pid, ...children(process.pid)];
  const result = { seconds, pss: pssMiB(pids), rss: rssMiB(pids) };
  await stack.stop();
  rmSync(config.dataDir, { recursive: true, force: true });
  return result;
}

const base: number[] = [];
const stack: { seconds: number; pss: number; rss: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  base.push(await barePostgres(i));
  stack.push(await wholeStack(i));
  process.stdout.write('.');
}
const start = median(stack.map((s) => s.seconds));
const baseline = median(base);
console.log(`\n\nLocal stack cold start, ${RUNS} runs (medians):`);
console.log(`  bare Postgres (initdb + start), baseline   ${baseline.toFixed(2)} s`);
console.log(`  whole API stack (Postgres, bootstrap, migrations, demo data, PostgREST, auth, functions, gateway)`);
console.log(`    cold start                              ${start.toFixed(2)} s  = ${(start / baseline).toFixed(1)}× the baseline  (target < 3 s)`);
console.log(`    memory, all services (PSS)              ${median(stack.map((s) => s.pss)).toFixed(0)} MiB  (target < 300 MiB)`);
console.log(`    memory, all services (sum of RSS)       ${median(stack.map((s) => s.rss)).toFixed(0)} MiB  (counts shared pages once per process)`);
