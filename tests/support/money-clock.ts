// The money clock for browser tests: holds end after 7 days on private.clock(), which only the
// database owner can move. `releaseHoldsDaysLater` moves it ahead, runs the hold release pg_cron
// would run, and moves it back, all in one transaction: other sessions on the shared stack (and
// pg_cron) never see the clock moved, while the release is stamped with the later time.
import pg from 'pg';
import { stackEnv } from './env.ts';

async function withOwner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: stackEnv().SUPABASE_DB_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The clock's offset from now(), as Postgres writes an interval ("00:00:00" when it is not moved). */
export function clockShift(): Promise<string> {
  return withOwner(async (client) => (await client.query<{ shift: string }>('select shift::text as shift from private.clock_offset')).rows[0]!.shift);
}

/** Puts the offset back to what `clockShift` read before a test, if it is not that any more. */
export function restoreClockShift(shift: string): Promise<void> {
  return withOwner(async (client) => {
    await client.query('update private.clock_offset set shift = $1::interval where shift <> $1::interval', [shift]);
  });
}

/** Releases the holds that would have ended `days` from now (private.release_holds); returns how many. */
export function releaseHoldsDaysLater(days: number): Promise<number> {
  return withOwner(async (client) => {
    await client.query('begin');
    try {
      await client.query('update private.clock_offset set shift = shift + make_interval(days => $1)', [days]);
      const { rows } = await client.query<{ released: number }>('select private.release_holds() as released');
      await client.query('update private.clock_offset set shift = shift - make_interval(days => $1)', [days]);
      await client.query('commit');
      return rows[0]!.released;
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  });
}
