// A pooled direct connection to Postgres for functions that the API path is too slow for (the Stripe
// webhook at volume). SUPABASE_DB_URL is what Supabase injects into every function; hosted, set the
// DATABASE_POOLER_URL secret to the transaction pooler's string (secrets cannot be named SUPABASE_*).
// One pool per process, created on first use, so a function that never needs it opens nothing.
import pg from 'npm:pg@^8.23.1';

let pool: pg.Pool | undefined;

function sharedPool(): pg.Pool {
  if (pool) return pool;
  const connectionString = Deno.env.get('DATABASE_POOLER_URL') ?? Deno.env.get('SUPABASE_DB_URL');
  if (!connectionString) throw new Error('neither DATABASE_POOLER_URL nor SUPABASE_DB_URL is set');
  pool = new pg.Pool({ connectionString, max: 10, idleTimeoutMillis: 30_000 });
  // An idle connection dropped (a restart, a failover) is an 'error' event: unhandled, it would end the process.
  pool.on('error', (error) => console.error('database: idle connection lost:', error.message));
  return pool;
}

/**
 * Runs `sql` in one transaction as `role` (SET LOCAL ROLE: transaction-scoped, as the transaction
 * pooler needs). The role names a grant made in a migration, so the statement can do only what that
 * role may; the role is a fixed identifier from the caller's code, never input.
 */
export async function queryAs<Row extends pg.QueryResultRow>(role: 'stripe_webhook', sql: string, params: unknown[]): Promise<Row[]> {
  const client = await sharedPool().connect();
  try {
    await client.query('begin');
    await client.query(`set local role ${role}`);
    const { rows } = await client.query<Row>(sql, params);
    await client.query('commit');
    return rows;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
