// Recovery tokens on auth.users: recovery_token holds "<sha256 of the code>:<sha256 of the link token>",
// so neither secret is stored; recovery_sent_at dates it.
import type { Queryable } from './db.ts';
import { USER_COLUMNS, type UserRow } from './users-repo.ts';

/** Clears a recovery token if it is still the one given: single use even under concurrent verifies. */
export async function consumeRecoveryToken(q: Queryable, id: string, stored: string): Promise<boolean> {
  const { rowCount } = await q.query(`update auth.users set recovery_token = '', updated_at = now() where id = $1 and recovery_token = $2`, [
    id,
    stored,
  ]);
  return rowCount === 1;
}

export async function findUserByRecoveryLink(q: Queryable, linkHash: string): Promise<UserRow | undefined> {
  const { rows } = await q.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where recovery_token like '%:%' and split_part(recovery_token, ':', 2) = $1`,
    [linkHash],
  );
  return rows[0];
}
