// The payouts benchmark's world before the batch: the experts (payouts-data.sql), a Stripe Express
// account for each in the stack's fake, created through its API as the payments function creates
// them and onboarded through the control API, recorded as ready payout accounts the way
// account.updated records them, then the ledger (payouts-ledger.sql), vacuumed, analyzed and
// checkpointed so neither autovacuum nor a checkpoint lands in the middle of a measurement.
import { readFileSync } from 'node:fs';
import Stripe from 'stripe';
import { dbUrl, rootDir, type StackConfig } from '../stack/config.ts';
import type { StackKeys } from '../stack/keys.ts';
import { withClient } from '../stack/postgres.ts';
import { stripeSettings } from '../stack/stripe.ts';

export interface LedgerCounts {
  experts: number;
  readyAccounts: number;
  transactions: number;
  entries: number;
  /** Entries of the accounts a batch reads: ready experts' available and carry accounts. */
  batchEntries: number;
  expertsWithCarry: number;
  currencies: string;
  firstEffective: string;
  lastEffective: string;
}

export interface PayoutsSetup {
  counts: LedgerCounts;
  accountSeconds: number;
  ledgerSeconds: number;
}

export function stripeFor(config: StackConfig, keys: StackKeys): Stripe {
  const s = stripeSettings(config, keys);
  return new Stripe(s.secretKey, { host: s.host, port: s.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
}

/** The fake's control API (no key; loopback only). */
export async function control<T = unknown>(config: StackConfig, keys: StackKeys, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${stripeSettings(config, keys).url}/_fake${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`fake control ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Runs `work` over `items` with `concurrency` in flight. */
export async function inParallel<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

/**
 * One Express account per expert, as the payments function creates it (transfers requested, a manual
 * payout schedule, the expert's id in metadata, an Idempotency-Key per expert), finished through the control API. The
 * webhook endpoints are taken off meanwhile: 10,000 account.updated deliveries would take longer
 * than the rest of the setup and change nothing the rows below do not say.
 */
async function connectAccounts(config: StackConfig, keys: StackKeys, expertIds: string[]): Promise<{ expertId: string; accountId: string }[]> {
  const stripe = stripeFor(config, keys);
  const { endpoints } = await control<{ endpoints: unknown[] }>(config, keys, 'GET', '/webhooks/endpoints');
  await control(config, keys, 'PUT', '/webhooks/endpoints', { endpoints: [] });
  const linked: { expertId: string; accountId: string }[] = new Array(expertIds.length);
  try {
    await inParallel(expertIds, 8, async (expertId, i) => {
      const account = await stripe.accounts.create(
        {
          type: 'express',
          capabilities: { transfers: { requested: true } },
          settings: { payouts: { schedule: { interval: 'manual' } } },
          metadata: { expert_id: expertId },
        },
        { idempotencyKey: `connect-account:${expertId}` },
      );
      const onboarded = await control<{ payouts_enabled: boolean; capabilities: Record<string, string> }>(
        config,
        keys,
        'POST',
        `/accounts/${account.id}/onboard`,
      );
      if (!onboarded.payouts_enabled || onboarded.capabilities.transfers !== 'active')
        throw new Error(`account ${account.id} is not ready after onboarding`);
      linked[i] = { expertId, accountId: account.id };
    });
  } finally {
    await control(config, keys, 'PUT', '/webhooks/endpoints', { endpoints });
  }
  return linked;
}

export async function setUpPayouts(config: StackConfig, keys: StackKeys, experts: number, jobs: number): Promise<PayoutsSetup> {
  const postgresUrl = dbUrl(config, 'postgres');
  const t0 = performance.now();
  const expertIds = await withClient(postgresUrl, async (c) => {
    await c.query(`select set_config('bench.experts', $1, false)`, [String(experts)]);
    await c.query(readFileSync(`${rootDir}/bench/payouts-data.sql`, 'utf8'));
    const { rows } = await c.query<{ id: string }>(
      `select id from public.experts where display_name like 'Payout Bench Expert %' order by (substring(display_name from '[0-9]+$'))::int`,
    );
    return rows.map((r) => r.id);
  });
  const accounts = await connectAccounts(config, keys, expertIds);
  const accountSeconds = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  await withClient(postgresUrl, async (c) => {
    // What apply_account_updated records from the onboarded account: details submitted, payouts
    // enabled, transfers active, nothing due.
    await c.query(
      `insert into private.payout_accounts (expert_id, stripe_account_id, details_submitted, payouts_enabled, transfers_active, last_event_at)
       select e, a, true, true, true, now() from unnest($1::uuid[], $2::text[]) x(e, a)`,
      [accounts.map((a) => a.expertId), accounts.map((a) => a.accountId)],
    );
    await c.query(`select set_config('bench.jobs', $1, false)`, [String(jobs)]);
    await c.query(readFileSync(`${rootDir}/bench/payouts-ledger.sql`, 'utf8'));
  });
  await withClient(dbUrl(config, 'supabase_admin'), async (c) => {
    await c.query('vacuum (analyze)');
    await c.query('checkpoint');
  });
  const ledgerSeconds = (performance.now() - t1) / 1000;
  const counts = await withClient(postgresUrl, async (c) => {
    const { rows } = await c.query<LedgerCounts>(`
      select (select count(*) from public.experts where status = 'approved')::int as experts,
             (select count(*) from private.payout_accounts pa where pa.payouts_enabled and pa.transfers_active)::int as "readyAccounts",
             (select count(*) from private.ledger_transactions)::int as transactions,
             (select count(*) from private.ledger_entries)::int as entries,
             (select count(*) from private.ledger_entries e join private.ledger_accounts a on a.id = e.account_id
                join private.payout_accounts pa on pa.expert_id = a.expert_id and pa.payouts_enabled and pa.transfers_active
               where a.purpose in ('expert_available', 'expert_carry'))::int as "batchEntries",
             (select count(distinct a.expert_id) from private.ledger_accounts a where a.purpose = 'expert_carry')::int as "expertsWithCarry",
             (select string_agg(currency, ', ' order by currency) from (select distinct currency from private.ledger_accounts) x) as currencies,
             (select min(effective_at)::date::text from private.ledger_transactions) as "firstEffective",
             (select max(effective_at)::text from private.ledger_transactions) as "lastEffective"`);
    return rows[0]!;
  });
  return { counts, accountSeconds, ledgerSeconds };
}
