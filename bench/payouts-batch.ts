// Creating the payout batch, timed three ways: the baseline (the scan no batch can avoid: every
// entry of the ready experts' available and carry accounts, summed per account, and the same with
// the as-of filter, which needs each entry's transaction), rehearsals of create_payout_batch as the
// admin in SQL (rolled back after the deferred ledger checks have run, so each rehearsal does all the
// work a commit does but the WAL flush), and the real call: the admin's session through the gateway
// and PostgREST, committed. One rehearsal runs under auto_explain, to say which statement inside
// takes the time.
import pg from 'pg';

const READY = 'pa.payouts_enabled and pa.transfers_active';

/** The unavoidable scan: each ready expert's available and carry entries, summed per account. */
export const SCAN_SQL = `
  select count(*) as accounts, sum(total) as total from (
    select e.account_id, sum(e.amount_cents) as total
      from private.ledger_entries e
      join private.ledger_accounts a on a.id = e.account_id
      join private.payout_accounts pa on pa.expert_id = a.expert_id and ${READY}
     where a.purpose in ('expert_available', 'expert_carry')
     group by e.account_id) x`;

/** What the batch takes, per expert and currency, from the ledger alone: the scan with the as-of filter. */
export const AS_OF_SQL = `
  select a.expert_id, a.currency,
         least(-coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_available' and t.effective_at < $1::timestamptz), 0),
               -coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_available'), 0)) as take,
         coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_carry'), 0) as carry
    from private.ledger_entries e
    join private.ledger_transactions t on t.id = e.transaction_id
    join private.ledger_accounts a on a.id = e.account_id
    join private.payout_accounts pa on pa.expert_id = a.expert_id and ${READY}
   where a.purpose in ('expert_available', 'expert_carry')
   group by a.expert_id, a.currency`;

export interface Timings {
  ms: number[];
  median: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(client: pg.Client, sql: string, params: unknown[], runs: number): Promise<Timings> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await client.query(sql, params);
    ms.push(performance.now() - t0);
  }
  return { ms, median: median(ms) };
}

export interface Baseline {
  scan: Timings;
  asOf: Timings;
  accounts: number;
}

export async function baseline(url: string, cutoff: string, runs = 3): Promise<Baseline> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const scan = await timed(client, SCAN_SQL, [], runs);
    const asOf = await timed(client, `select count(*) from (${AS_OF_SQL}) x where take > 0`, [cutoff], runs);
    const { rows } = await client.query<{ accounts: string }>(SCAN_SQL);
    return { scan, asOf, accounts: Number(rows[0]!.accounts) };
  } finally {
    await client.end();
  }
}

export interface Rehearsal {
  /** The call itself, and then the ledger's deferred balance checks on what it posted (SET CONSTRAINTS ALL IMMEDIATE). */
  callMs: number;
  checksMs: number;
  payouts: number;
  lines: number;
}

/** As the admin, the way PostgREST runs the call (role authenticated, the session's claims), rolled back. */
async function rehearse(client: pg.Client, adminId: string, periodEnd: string): Promise<Rehearsal> {
  await client.query('begin');
  try {
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: adminId, role: 'authenticated' })]);
    await client.query('set local role authenticated');
    const t0 = performance.now();
    const { rows } = await client.query<{ id: string }>('select public.create_payout_batch($1::date) as id', [periodEnd]);
    const t1 = performance.now();
    await client.query('set constraints all immediate');
    const t2 = performance.now();
    await client.query('reset role');
    const counts = await client.query<{ payouts: number; lines: number }>(
      `select (select count(*) from private.payouts where batch_id = $1)::int as payouts,
              (select count(*) from private.ledger_transactions where idempotency_key like 'payout:' || $1 || ':%')::int as lines`,
      [rows[0]!.id],
    );
    return { callMs: t1 - t0, checksMs: t2 - t1, ...counts.rows[0]! };
  } finally {
    await client.query('rollback');
  }
}

export async function rehearsals(url: string, adminId: string, periodEnd: string, runs: number): Promise<Rehearsal[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Rehearsal[] = [];
    for (let i = 0; i < runs; i += 1) out.push(await rehearse(client, adminId, periodEnd));
    return out;
  } finally {
    await client.end();
  }
}

export interface StatementTiming {
  ms: number;
  query: string;
}

/** A rehearsal under auto_explain (superuser, to LOAD it): every statement inside over 5 ms, slowest first. */
export async function explainedRehearsal(superuserUrl: string, adminId: string, periodEnd: string): Promise<StatementTiming[]> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  const statements: StatementTiming[] = [];
  client.on('notice', (notice) => {
    const text = notice.message ?? '';
    const json = text.indexOf('{');
    if (json < 0) return;
    const entry = JSON.parse(text.slice(json)) as { 'Query Text': string; Plan: { 'Actual Total Time'?: number } };
    statements.push({ ms: entry.Plan['Actual Total Time'] ?? 0, query: entry['Query Text'].replace(/\s+/g, ' ').trim() });
  });
  try {
    await client.query(`load 'auto_explain'`);
    for (const setting of ['log_min_duration = 5', 'log_analyze = on', 'log_nested_statements = on', 'log_format = json', 'log_level = notice'])
      await client.query(`set auto_explain.${setting}`);
    await client.query('set client_min_messages = notice');
    await rehearse(client, adminId, periodEnd);
  } finally {
    await client.end();
  }
  // The outer calls (the public wrapper, private.create_payout_batch, build_payout_batch) contain the rest.
  return statements.filter((s) => !/^select (public|private)\.create_payout_batch|build_payout_batch\(/.test(s.query)).sort((a, b) => b.ms - a.ms);
}

export interface CreatedBatch {
  batchId: string;
  ms: number;
}

/** The admin's call, through the gateway and PostgREST (whose role settings include statement_timeout), committed. */
export async function createThroughGateway(apiUrl: string, headers: Record<string, string>, periodEnd: string): Promise<CreatedBatch> {
  const t0 = performance.now();
  const res = await fetch(`${apiUrl}/rest/v1/rpc/create_payout_batch`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ period_end: periodEnd }),
  });
  const ms = performance.now() - t0;
  const body = await res.text();
  if (!res.ok) throw new Error(`create_payout_batch through the gateway: ${res.status} ${body} after ${(ms / 1000).toFixed(1)} s`);
  return { batchId: JSON.parse(body) as string, ms };
}
