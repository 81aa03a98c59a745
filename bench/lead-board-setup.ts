// What the lead board benchmark measures against: the data set in a fresh 'bench' database, the
// bench expert's two ways in (their own session, and the service role with the same sub), and a
// check that both get the same rows, without which the service role is no baseline.
import { readFileSync } from 'node:fs';
import { dbUrl, rootDir, type StackConfig } from '../stack/config.ts';
import { signToken, type StackKeys } from '../stack/keys.ts';
import { withClient } from '../stack/postgres.ts';
import type { BoardRole } from './lead-board-sql.ts';

export const EXPERT_EMAIL = 'expert1@bench.example.com'; // Tel Aviv, plumbing + renovation, 30 km (see the data file)
const PASSWORD = 'bench-password';

export interface BoardSetup {
  expertUserId: string;
  /** apikey and Authorization headers per role, as supabase-js sends them. */
  headers: Record<BoardRole, Record<string, string>>;
  counts: { experts: number; leads: number; open: number; proposals: number };
  seconds: number;
}

/** Loads the data set (and `candidateSql`, if any), vacuums, and signs the bench expert in. */
export async function setUpBoard(config: StackConfig, keys: StackKeys, candidateSql?: string): Promise<BoardSetup> {
  const t0 = performance.now();
  const postgresUrl = dbUrl(config, 'postgres');
  const expertUserId = await withClient(postgresUrl, async (c) => {
    await c.query(readFileSync(`${rootDir}/bench/lead-board-data.sql`, 'utf8'));
    await c.query(readFileSync(`${rootDir}/bench/lead-board-baseline.sql`, 'utf8'));
    if (candidateSql) await c.query(readFileSync(candidateSql, 'utf8'));
    const { rows } = await c.query<{ id: string }>(
      `update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf', 10)) where email = $1 returning id`,
      [EXPERT_EMAIL, PASSWORD],
    );
    return rows[0]!.id;
  });
  // A live table has been vacuumed: set the visibility map and hint bits, and analyze everything
  // (city_distances too), or autovacuum does it in the middle of a run and the plans change under
  // it (before it, the RLS plan of the default board took 300 ms instead of 30).
  await withClient(dbUrl(config, 'supabase_admin'), (c) => c.query('vacuum (analyze)'));
  const seconds = (performance.now() - t0) / 1000;

  // RLS: the expert's own session from the auth service. Baseline: a service_role token with the
  // same sub, so lead_board's auth.uid() finds the same expert. The gateway forwards any JWT in
  // Authorization unchanged (the apikey only has to be valid), so PostgREST verifies both.
  const signIn = await fetch(`${config.apiUrl}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: keys.publishableKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email: EXPERT_EMAIL, password: PASSWORD }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const userToken = ((await signIn.json()) as { access_token: string }).access_token;
  const serviceToken = await signToken(keys, { role: 'service_role', sub: expertUserId, iss: `${config.apiUrl}/auth/v1` }, 3600);
  const headers = {
    authenticated: { apikey: keys.publishableKey, authorization: `Bearer ${userToken}` },
    service_role: { apikey: keys.secretKey, authorization: `Bearer ${serviceToken}` },
  };

  const { rows } = await withClient(postgresUrl, (c) =>
    c.query<BoardSetup['counts']>(
      `select (select count(*) from public.experts where status = 'approved')::int as experts, (select count(*) from private.leads)::int as leads,
              (select count(*) from private.leads where status = 'open' and visibility = 'board')::int as open,
              (select count(*) from public.proposals)::int as proposals`,
    ),
  );
  return { expertUserId, headers, counts: rows[0]!, seconds };
}

/** Both roles through the gateway: the same full page, or the comparison means nothing. */
export async function assertSameRows(url: string, headers: BoardSetup['headers'], args: Record<string, string | number>): Promise<void> {
  const [rls, svc] = await Promise.all(
    (['authenticated', 'service_role'] as const).map(async (role) => {
      const res = await fetch(url, { method: 'POST', headers: { ...headers[role], 'content-type': 'application/json' }, body: JSON.stringify(args) });
      if (!res.ok) throw new Error(`lead_board as ${role}: ${res.status} ${await res.text()}`);
      return (await res.json()) as unknown[];
    }),
  );
  if (rls!.length !== 20 || JSON.stringify(rls) !== JSON.stringify(svc))
    throw new Error(`lead_board ${JSON.stringify(args)}: RLS and service role answer differently (${rls!.length} vs ${svc!.length} rows)`);
}
