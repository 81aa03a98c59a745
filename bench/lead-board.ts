// `npm run bench`, second part: the lead board under load. A throwaway 'bench' stack with durable
// commits, a marketplace-sized data set (bench/lead-board-data.sql), then lead_board through the
// gateway as a real approved expert (RLS) against the same call as the service role (RLS bypassed)
// in the same run, at 1 and 20 clients; then the same comparison inside the database, and the plans.
// Figures are ratios against that baseline and against the issue's targets; a slow figure is
// reported, never failed.
//
// Knobs: BENCH_SECONDS (per run, default 10); BENCH_LEAD_BOARD_SQL=<file> applies SQL after the data
// set (as postgres), to measure a candidate fix before it becomes a migration; PostgREST settings
// such as PGRST_JWT_CACHE_MAX_LIFETIME pass through the environment to PostgREST.
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { TEST_RATE_LIMITS } from '../stack/auth/server.ts';
import { dbUrl, stackConfig } from '../stack/config.ts';
import { startStack } from '../stack/stack.ts';
import { cpuSeconds, cpuShares } from './cpu.ts';
import { assertSameRows, setUpBoard } from './lead-board-setup.ts';
import { boardPlan, compareInDatabase, type BoardRole } from './lead-board-sql.ts';
import { measure, type LoadResult } from './load.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const SQL_ROUNDS = 5;
const SQL_ROUND_MS = 300; // calls per round: enough for ~300 ms, so a fast board is timed as precisely as a slow one
const CANDIDATE_SQL = process.env.BENCH_LEAD_BOARD_SQL;
process.env.GUILDHALL_POSTGREST_LOG_LEVEL = 'crit'; // a request log line per call would be part of what we measure

/** What the board is asked: the expert's defaults, and a search with filters. */
const SCENARIOS: { name: string; args: Record<string, string | number> }[] = [
  { name: "board {} (the expert's categories and radius)", args: {} },
  {
    name: 'board, filtered (home-services group, 50 km, budget ≥ 500 ILS)',
    args: { category_slug: 'home-services', max_distance_km: 50, min_budget_cents: 50000 },
  },
];

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(8);
const row = (label: string, r: LoadResult, note = '') =>
  `    ${label.padEnd(30)}${fmt(r.rps, 0)}${fmt(r.p50)}${fmt(r.p95)}${fmt(r.p99)}${r.errors ? `  ${r.errors} errors!` : ''}${note}`;
const header = `    ${'clients, who'.padEnd(30)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}`;

const t0 = performance.now();
const loadBefore = loadavg()[0]!;
const config = stackConfig('bench', { durable: true });
const stack = await startStack(config, { web: false, rateLimits: TEST_RATE_LIMITS, log: () => {} });
const cleanUp = async () => {
  await stack.stop();
  rmSync(config.dataDir, { recursive: true, force: true });
};
// Ctrl-C, or output piped into `head`, must not leave a Postgres with a 100,000-lead data folder behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
process.stdout.on('error', () => {}); // EPIPE: keep going to the clean-up in `finally`
try {
  const setup = await setUpBoard(config, stack.keys, CANDIDATE_SQL);
  const gatewayUrl = `${config.apiUrl}/rest/v1/rpc/lead_board`;
  const directUrl = `http://${config.host}:${config.ports.postgrest}/rpc/lead_board`;
  for (const s of SCENARIOS) await assertSameRows(gatewayUrl, setup.headers, s.args);

  const n = setup.counts;
  console.log(`\nLead board: ${n.experts} approved experts, ${n.leads} leads (${n.open} open on the board), ${n.proposals} proposals`);
  console.log(`  Postgres durable (fsync, synchronous_commit, full_page_writes on); data generated and vacuumed in ${setup.seconds.toFixed(1)} s`);
  if (CANDIDATE_SQL) console.log(`  with the candidate SQL ${CANDIDATE_SQL} applied`);
  if (process.env.PGRST_JWT_CACHE_MAX_LIFETIME)
    console.log(`  PostgREST JWT cache on (PGRST_JWT_CACHE_MAX_LIFETIME=${process.env.PGRST_JWT_CACHE_MAX_LIFETIME})`);
  console.log(`  bench expert: Tel Aviv, plumbing + renovation, 30 km; RLS and service role return the same 20 rows in both scenarios`);

  const load = (url: string, role: BoardRole, args: object, concurrency: number, onPhase?: (p: 'measuring' | 'done') => void) =>
    measure(
      { url, headers: setup.headers[role], body: JSON.stringify(args), concurrency, warmupMs: WARMUP_SECONDS * 1000, durationMs: SECONDS * 1000 },
      onPhase,
    );
  const results = new Map<string, LoadResult>();
  let cpuNote = '';
  console.log(`\n  POST /rest/v1/rpc/lead_board through the gateway, keep-alive, ${SECONDS} s per run after ${WARMUP_SECONDS} s of warm-up`);
  for (const [i, s] of SCENARIOS.entries()) {
    console.log(`  ${s.name}\n${header}`);
    for (const concurrency of [1, 20]) {
      // Alternate which role goes first, so a drift in the machine does not favour one of them.
      const order: BoardRole[] = concurrency === 1 ? ['service_role', 'authenticated'] : ['authenticated', 'service_role'];
      for (const role of order) {
        let before = new Map<string, number>();
        let after = new Map<string, number>();
        const r = await load(gatewayUrl, role, s.args, concurrency, (phase) =>
          phase === 'measuring' ? (before = cpuSeconds()) : (after = cpuSeconds()),
        );
        results.set(`${i}/${concurrency}/${role}`, r);
        if (i === 0 && concurrency === 20 && role === 'authenticated') {
          const shares = cpuShares(before, after, r.seconds);
          shares.delete('node'); // the load generator's process, which may exit before `after`: it reports itself
          shares.set('load generator', r.cpuSeconds / r.seconds);
          cpuNote = [...shares]
            .filter(([, v]) => v >= 0.005)
            .sort((a, b) => b[1] - a[1])
            .map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`)
            .join(', ');
        }
      }
      const svc = results.get(`${i}/${concurrency}/service_role`)!;
      const rls = results.get(`${i}/${concurrency}/authenticated`)!;
      console.log(row(`${concurrency} × service_role (baseline)`, svc));
      console.log(row(`${concurrency} × authenticated (RLS)`, rls, `   = ${(rls.rps / svc.rps).toFixed(2)}× the baseline's req/s`));
    }
  }

  console.log(`  secondary: PostgREST directly on :${config.ports.postgrest} (no gateway), ${SCENARIOS[0]!.name}\n${header}`);
  for (const concurrency of [1, 20]) {
    const direct = await load(directUrl, 'authenticated', SCENARIOS[0]!.args, concurrency);
    const via = results.get(`0/${concurrency}/authenticated`)!;
    console.log(
      row(`${concurrency} × authenticated (RLS)`, direct, `   through the gateway: ${via.rps.toFixed(0)} req/s, p50 ${via.p50.toFixed(1)} ms`),
    );
  }
  console.log(`  CPU during the 20-client RLS run of the default board (100% = one of the ${cpus().length} cores):\n    ${cpuNote}`);
  const loadAfterHttp = loadavg()[0]!;

  // In the database: the same call, RLS against the service role.
  console.log(`\n  In SQL (EXPLAIN ANALYZE of ~${SQL_ROUND_MS} ms of calls in one statement, best of ${SQL_ROUNDS} alternating rounds, per call):`);
  const postgresUrl = dbUrl(config, 'postgres');
  const sqlAdded: number[] = [];
  for (const s of SCENARIOS) {
    const { authenticated: rls, service_role: svc } = await compareInDatabase(postgresUrl, setup.expertUserId, s.args, SQL_ROUNDS, SQL_ROUND_MS);
    sqlAdded.push(rls.msPerCall - svc.msPerCall);
    console.log(`  ${s.name}`);
    console.log(
      `    service_role ${svc.msPerCall.toFixed(3)} ms (${svc.buffersPerCall.toFixed(0)} buffers), ` +
        `authenticated ${rls.msPerCall.toFixed(3)} ms (${rls.buffersPerCall.toFixed(0)} buffers): RLS adds ${sqlAdded.at(-1)!.toFixed(3)} ms`,
    );
  }

  console.log(`\n  The board query inside lead_board once the connection's plan cache has settled (auto_explain, 8th call):`);
  for (const s of SCENARIOS) {
    for (const role of ['authenticated', 'service_role'] as const) {
      console.log(`  ${s.name}, ${role}:`);
      for (const line of await boardPlan(dbUrl(config, 'supabase_admin'), role, setup.expertUserId, s.args)) console.log(`      ${line}`);
    }
  }

  const target = (met: boolean, what: string, figure: string) =>
    console.log(`    ${(met ? 'met' : 'NOT MET').padEnd(8)} ${what.padEnd(62)} ${figure}`);
  console.log(`\n  Targets (issue 4), RLS figures:`);
  for (const [i, s] of SCENARIOS.entries()) {
    const rls20 = results.get(`${i}/20/authenticated`)!;
    const svc20 = results.get(`${i}/20/service_role`)!;
    const rls1 = results.get(`${i}/1/authenticated`)!;
    console.log(`  ${s.name}`);
    target(rls20.rps >= 0.85 * svc20.rps, "throughput ≥ 0.85× the service role's, 20 clients", `${(rls20.rps / svc20.rps).toFixed(3)}×`);
    target(rls20.rps >= 900, 'throughput ≥ 900 req/s, 20 clients', `${rls20.rps.toFixed(0)} req/s`);
    target(rls20.p95 < 45, 'p95 < 45 ms, 20 clients', `${rls20.p95.toFixed(1)} ms`);
    target(rls1.p95 < 5, 'p95 < 5 ms, 1 client', `${rls1.p95.toFixed(1)} ms`);
    target(sqlAdded[i]! < 0.2, 'in SQL, RLS adds < 0.2 ms per call', `${sqlAdded[i]!.toFixed(3)} ms`);
  }
  console.log(
    `\n  Note: this machine has ${cpus().length} cores; the load generator, the gateway (in the bench's own Node process), PostgREST\n` +
      `  and Postgres share them (see the CPU line), so the HTTP figures are lower than on a server with a separate client.\n` +
      `  Load average (1 min): ${loadBefore.toFixed(1)} before the bench, ${loadAfterHttp.toFixed(1)} after the HTTP runs (the bench itself adds\n` +
      `  about 2-3); more than that is other work taking cores and moving the figures. The ratios are what compare.`,
  );
} finally {
  await cleanUp();
}
console.log(`\n  lead board bench took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
