// auth.sessions and auth.refresh_tokens as GoTrue keeps them: one session per sign-in, a chain of
// refresh tokens per session (each new one names its parent), revoked ones kept for reuse detection.
import { randomUUID } from 'node:crypto';
import type { Queryable } from './db.ts';
import { randomToken } from './tokens.ts';

export interface SessionRow {
  id: string;
  user_id: string;
  created_at: Date;
  not_after: Date | null;
}

export interface RefreshRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  updated_at: Date;
  parent: string | null;
  session_id: string;
}

export async function createSession(q: Queryable, userId: string, ip: string, userAgent: string | null): Promise<SessionRow> {
  const { rows } = await q.query<SessionRow>(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, refreshed_at, ip, user_agent)
     values ($1, $2, now(), now(), 'aal1', now() at time zone 'utc', $3, $4)
     returning id, user_id, created_at, not_after`,
    [randomUUID(), userId, ip, userAgent],
  );
  return rows[0]!;
}

export async function findSession(q: Queryable, id: string): Promise<SessionRow | undefined> {
  const { rows } = await q.query<SessionRow>('select id, user_id, created_at, not_after from auth.sessions where id = $1', [id]);
  return rows[0];
}

export async function touchSession(q: Queryable, id: string, ip: string, userAgent: string | null): Promise<void> {
  await q.query(
    `update auth.sessions set refreshed_at = now() at time zone 'utc', updated_at = now(), ip = $2, user_agent = coalesce($3, user_agent)
     where id = $1`,
    [id, ip, userAgent],
  );
}

export async function insertRefreshToken(q: Queryable, userId: string, sessionId: string, parent: string | null): Promise<string> {
  const token = randomToken(24);
  await q.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
    [token, userId, parent, sessionId],
  );
  return token;
}

const REFRESH_COLUMNS = 'id, token, user_id, revoked, updated_at, parent, session_id';

/** The token's row, locked for the rest of the transaction so two refreshes of it serialize. */
export async function lockRefreshToken(q: Queryable, token: string): Promise<RefreshRow | undefined> {
  const { rows } = await q.query<RefreshRow>(`select ${REFRESH_COLUMNS} from auth.refresh_tokens where token = $1 for update`, [token]);
  return rows[0];
}

export async function activeRefreshToken(q: Queryable, sessionId: string): Promise<RefreshRow | undefined> {
  const { rows } = await q.query<RefreshRow>(
    `select ${REFRESH_COLUMNS} from auth.refresh_tokens where session_id = $1 and not revoked order by id desc limit 1`,
    [sessionId],
  );
  return rows[0];
}

export async function revokeRefreshToken(q: Queryable, id: string): Promise<void> {
  await q.query('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1', [id]);
}

/** Ends a session: its refresh tokens go with it (on delete cascade), its access tokens stop working. */
export async function deleteSession(q: Queryable, id: string): Promise<void> {
  await q.query('delete from auth.sessions where id = $1', [id]);
}

export async function deleteUserSessions(q: Queryable, userId: string, exceptSessionId?: string): Promise<void> {
  await q.query('delete from auth.sessions where user_id = $1 and ($2::uuid is null or id <> $2::uuid)', [userId, exceptSessionId ?? null]);
}
