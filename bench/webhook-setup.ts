// The webhook benchmark's database before the runs: `count` accepted jobs with a pending payment
// each (webhook-data.sql), vacuumed and analyzed so autovacuum does not start in the middle of a run,
// and the payments in the order the runs take them.
import { readFileSync } from 'node:fs';
import { dbUrl, rootDir, type StackConfig } from '../stack/config.ts';
import { withClient } from '../stack/postgres.ts';
import type { PaymentToSettle } from './webhook-events.ts';

export interface WebhookSetup {
  payments: PaymentToSettle[];
  seconds: number;
}

export async function setUpPayments(config: StackConfig, count: number, candidateSql?: string): Promise<WebhookSetup> {
  const t0 = performance.now();
  const postgresUrl = dbUrl(config, 'postgres');
  await withClient(postgresUrl, async (c) => {
    await c.query(`select set_config('bench.payments', $1, false)`, [String(count)]);
    await c.query(readFileSync(`${rootDir}/bench/webhook-data.sql`, 'utf8'));
    if (candidateSql) await c.query(readFileSync(candidateSql, 'utf8'));
  });
  // A checkpoint too, so the data set's writes are not flushed in the middle of the first run.
  await withClient(dbUrl(config, 'supabase_admin'), async (c) => {
    await c.query('vacuum (analyze)');
    await c.query('checkpoint');
  });
  const { rows } = await withClient(postgresUrl, (c) =>
    c.query<{ id: string; amount_cents: string }>(`select id, amount_cents from private.payments where status = 'pending' order by created_at, id`),
  );
  return { payments: rows.map((r) => ({ id: r.id, amountCents: Number(r.amount_cents) })), seconds: (performance.now() - t0) / 1000 };
}
