// Who is calling: a signed-in user (token verified, user and session still there) or the service role.
import { z } from 'zod';
import type { AuthContext } from './context.ts';
import { AuthError, forbidden } from './errors.ts';
import type { AuthRequest } from './http.ts';
import { findSession } from './sessions-repo.ts';
import type { VerifiedClaims } from './tokens.ts';
import { findUserById, type UserRow } from './users-repo.ts';

const uuid = z.guid();
const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);

export interface Caller {
  claims: VerifiedClaims;
  user: UserRow;
  sessionId: string | undefined;
}

async function claimsOf(ctx: AuthContext, req: AuthRequest): Promise<VerifiedClaims> {
  const token = req.bearer();
  if (!token) throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
  return ctx.tokens.verify(token);
}

export async function requireUser(ctx: AuthContext, req: AuthRequest): Promise<Caller> {
  const claims = await claimsOf(ctx, req);
  if (!claims.sub || !uuid.safeParse(claims.sub).success) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  const user = await findUserById(ctx.db, claims.sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  let sessionId: string | undefined;
  if (claims.session_id !== undefined) {
    const session = uuid.safeParse(claims.session_id).success ? await findSession(ctx.db, claims.session_id) : undefined;
    if (!session || session.user_id !== user.id) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
    sessionId = session.id;
  }
  return { claims, user, sessionId };
}

export async function requireAdmin(ctx: AuthContext, req: AuthRequest): Promise<void> {
  const claims = await claimsOf(ctx, req);
  if (typeof claims.role !== 'string' || !ADMIN_ROLES.has(claims.role)) throw forbidden('not_admin', 'User not allowed');
}
