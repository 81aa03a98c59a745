// Issuing a session: a sessions row, the first refresh token, an access token, and the response
// body supabase-js needs (truthy access_token, refresh_token, expires_in, plus token_type and user).
import type { AuthContext } from './context.ts';
import type { Queryable } from './db.ts';
import type { AuthRequest } from './http.ts';
import { createSession, insertRefreshToken } from './sessions-repo.ts';
import type { Amr, AmrMethod } from './tokens.ts';
import { loadUserJson, touchIdentities, type UserJson } from './user-json.ts';
import { updateUser, type UserRow } from './users-repo.ts';

export interface SessionJson {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: UserJson;
}

export async function sessionJson(
  ctx: AuthContext,
  q: Queryable,
  user: UserRow,
  sessionId: string,
  refreshToken: string,
  amr: Amr[],
): Promise<SessionJson> {
  const { token, expiresAt } = await ctx.tokens.accessToken(user, sessionId, amr);
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: ctx.tokens.expirySeconds,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: await loadUserJson(q, user),
  };
}

/** A new session for a user who just proved who they are (password, anonymous sign-up, recovery). */
export async function grantSession(ctx: AuthContext, q: Queryable, user: UserRow, method: AmrMethod, req: AuthRequest): Promise<SessionJson> {
  const session = await createSession(q, user.id, req.ip, req.userAgent);
  const refreshToken = await insertRefreshToken(q, user.id, session.id, null);
  const signedIn = await updateUser(q, user.id, { signedIn: true });
  await touchIdentities(q, user.id);
  const amr: Amr[] = [{ method, timestamp: Math.floor(Date.now() / 1000) }];
  return sessionJson(ctx, q, signedIn, session.id, refreshToken, amr);
}
