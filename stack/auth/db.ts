// The connection pool (as supabase_auth_admin, owner of schema auth) and a transaction helper.
import pg from 'pg';

export type Queryable = Pick<pg.PoolClient, 'query'>;

export function createPool(connectionString: string, log: (line: string) => void): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 10, idleTimeoutMillis: 30_000, application_name: 'guildhall-auth' });
  // An idle client losing its connection (Postgres restarting) must not crash the runner.
  pool.on('error', (err) => log(`auth: idle database connection failed (${(err as { code?: string }).code ?? err.name})`));
  return pool;
}

export async function withTx<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Fails early, with the fix, when the role cannot do what the service needs. */
export async function checkPrivileges(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ extensions: boolean; users: boolean; crypt: boolean }>(`
    select has_schema_privilege('extensions', 'usage') as extensions,
           has_table_privilege('auth.users', 'select, insert, update, delete') as users,
           case when has_schema_privilege('extensions', 'usage')
             then to_regprocedure('extensions.crypt(text, text)') is not null else false end as crypt`);
  const row = rows[0];
  if (!row?.users) throw new Error('auth: the database role cannot read and write auth.users (it should own schema auth)');
  if (!row.extensions) {
    throw new Error(
      'auth: the database role lacks USAGE on schema extensions, where pgcrypto hashes passwords; ' +
        'the bootstrap needs: grant usage on schema extensions to supabase_auth_admin;',
    );
  }
  if (!row.crypt) throw new Error('auth: pgcrypto is not installed in schema extensions');
}

/** Postgres unique_violation (23505) of one constraint, e.g. two sign-ups racing for one address. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && e.constraint === constraint;
}

export const EMAIL_UNIQUE = 'users_email_partial_key';
