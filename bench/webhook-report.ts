// The webhook benchmark's printout: a row per run with its CPU per delivery by part (on a 2-core
// machine every part's CPU comes out of the same budget, so ms per delivery says which layer caps the
// rate), the exactly-once check per run and for the whole ledger, and the issue's targets.
import type { DeliveryResult } from './webhook-load.ts';
import type { CallTiming } from './webhook-sql.ts';
import type { LedgerCheck, RunCheck } from './webhook-verify.ts';

export interface MeasuredRun {
  key: 'sql' | 'e2e' | 'functions' | 'rest-gateway' | 'rest';
  label: string;
  result: DeliveryResult;
  /** Share of one core per part over the measured window. */
  cpu: Map<string, number>;
  /** Share of one core that processes outside the bench took in the same window. */
  otherWork: number;
  check: RunCheck;
}

const TARGET_APPLIED_PER_SECOND = 700;
const TARGET_P95_MS = 40;
const ISSUE_BASELINE = 1300;

export const num = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const col = (n: number, digits = 1) => num(n, digits).padStart(8);
const PART_NAMES: Record<string, string> = { 'bench process (gateway, auth)': 'gateway (bench process)' };

export function printRunsHeader(): void {
  const head = ['events/s', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms'].map((h) => h.padStart(8)).join('');
  console.log(`\n    ${'20 senders'.padEnd(56)}${head}`);
}

/** The CPU each part spent per delivery, biggest first: what one more delivery costs where. */
function cpuPerDelivery(run: Pick<MeasuredRun, 'cpu' | 'result' | 'otherWork'>): string {
  const { seconds, deliveries } = run.result;
  const parts = [...run.cpu].filter(([, share]) => share >= 0.005).sort((a, b) => b[1] - a[1]);
  const total = parts.reduce((sum, [, share]) => sum + share, 0);
  const perDelivery = (share: number) => ((share * seconds * 1000) / deliveries).toFixed(2);
  return (
    `CPU per delivery ${perDelivery(total)} ms: ` +
    parts.map(([name, share]) => `${PART_NAMES[name] ?? name} ${perDelivery(share)} (${(share * 100).toFixed(0)}% of a core)`).join(', ') +
    `; other processes ${(run.otherWork * 100).toFixed(0)}% of a core`
  );
}

export function printRunRow(run: MeasuredRun): void {
  const r = run.result;
  if (r.deliveries === 0) return console.log(`    ${run.label.padEnd(56)}  no payments left for it: raise BENCH_WEBHOOK_PAYMENTS`);
  console.log(`    ${run.label.padEnd(56)}${col(r.appliedPerSecond, 0)}${col(r.rps, 0)}${col(r.p50)}${col(r.p95)}${col(r.p99)}`);
  console.log(`      ${cpuPerDelivery(run)}`);
  if (r.errors) console.log(`      ${r.errors} errors! e.g. ${r.errorSamples.join(' | ')}`);
  if (r.ranOut) console.log(`      (ran out of prepared payments after ${r.seconds.toFixed(1)} s: raise BENCH_WEBHOOK_PAYMENTS)`);
}

export function printCorrectness(runs: MeasuredRun[], ledger: LedgerCheck): void {
  console.log(`\n  Exactly once, as the database tells it (every run, warm-up included):`);
  for (const { key, result: r, check: c } of runs) {
    const ok =
      r.settled === r.events &&
      r.appliedTwice === 0 &&
      c.paid === r.events &&
      c.paidWithOneTransaction === c.paid &&
      c.eventsRecorded === r.events &&
      c.eventsSettled === r.events;
    console.log(
      `    ${key.padEnd(13)} ${ok ? 'ok      ' : 'MISMATCH'} ${num(r.events)} events in ${num(r.events + r.duplicates)} deliveries ` +
        `(${num(r.duplicates)} repeats, ${num(r.concurrentDuplicates)} while an earlier delivery was in flight): ${num(r.settled)} answered settled; ` +
        `${num(c.paid)} payments paid, ${num(c.paidWithOneTransaction)} with one ledger transaction; inbox ${num(c.eventsRecorded)} events, ${num(c.eventsSettled)} settled`,
    );
  }
  const balanced = ledger.unbalancedTransactions === 0 && ledger.currenciesNotSummingToZero === 0 && ledger.clearingMatchesPaid;
  console.log(
    `    ledger       ${balanced && ledger.paidWithoutOneTransaction === 0 && ledger.appliedTwice === 0 ? 'ok      ' : 'MISMATCH'} ` +
      `${num(ledger.paymentTransactions)} payment transactions, ${num(ledger.entries)} entries: ${ledger.unbalancedTransactions} unbalanced transactions, ` +
      `${ledger.currenciesNotSummingToZero} currencies not summing to zero, Stripe clearing ${ledger.clearingMatchesPaid ? '=' : '≠'} the paid amounts; ` +
      `${ledger.appliedTwice} payments settled twice, ${ledger.paidWithoutOneTransaction} paid without exactly one payment transaction`,
  );
}

export function printTargets(runs: MeasuredRun[]): void {
  const get = (key: MeasuredRun['key']) => runs.find((r) => r.key === key)!;
  const e2e = get('e2e');
  const base = get('sql');
  const target = (met: boolean, what: string, figure: string) =>
    console.log(`    ${(met ? 'met' : 'NOT MET').padEnd(8)} ${what.padEnd(58)} ${figure}`);
  const r = e2e.result;
  console.log(`\n  Targets (issue 5), end to end through the gateway at 20 senders:`);
  target(
    r.appliedPerSecond >= TARGET_APPLIED_PER_SECOND,
    `at least ${TARGET_APPLIED_PER_SECOND} applied events/s`,
    `${num(r.appliedPerSecond)} events/s`,
  );
  target(r.p95 < TARGET_P95_MS, `p95 under ${TARGET_P95_MS} ms`, `${r.p95.toFixed(1)} ms`);
  const twice = r.appliedTwice + (e2e.check.paid - e2e.check.paidWithOneTransaction) + Math.max(0, e2e.check.eventsSettled - r.events);
  target(twice === 0, 'zero applied twice (answers, payments, ledger)', `${twice}`);
  target(r.errors === 0 && r.neverApplied === 0, 'zero errors (non-2xx, unexpected outcomes, never applied)', `${r.errors + r.neverApplied}`);
  console.log(
    `    end to end = ${(r.appliedPerSecond / base.result.appliedPerSecond).toFixed(2)}× the bare RPC's applied events/s ` +
      `(${num(base.result.appliedPerSecond)}/s in this run, p95 ${base.result.p95.toFixed(1)} ms; the issue quotes about ${num(ISSUE_BASELINE)}/s)`,
  );
  console.log(`    each layer alone, as a share of the bare RPC's events/s:`);
  for (const run of runs.filter((x) => x.key !== 'sql'))
    console.log(`      ${run.label.padEnd(56)} ${(run.result.appliedPerSecond / base.result.appliedPerSecond).toFixed(2)}×`);
}

export function printCallTiming(call: CallTiming): void {
  console.log(
    `\n  One apply_stripe_event call, statement by statement (auto_explain of the 5th call in a session, on fresh payments,\n` +
      `  rolled back: without the commit and the ledger's balance check): ${call.ms.toFixed(2)} ms; the slowest statements (one\n` +
      `  that calls a function includes the statements inside it):`,
  );
  for (const s of call.statements.slice(0, 3)) {
    console.log(`    ${s.ms.toFixed(3).padStart(8)} ms  ${s.query.length > 110 ? `${s.query.slice(0, 107)}...` : s.query}`);
    for (const scan of s.scans) console.log(`                 ${scan}`);
  }
}
