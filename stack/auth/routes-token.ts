// POST /token?grant_type=password | refresh_token.
// Password: failed attempts are limited per address and per IP, checked before the password is.
// Refresh: rotation; a revoked token is tolerated for a short reuse interval (the client lost the
// answer of its last refresh) and otherwise ends the whole session.
import type { AuthContext, Handler } from './context.ts';
import { withTx } from './db.ts';
import { badRequest, invalidCredentials, overRequestRateLimit, validationFailed } from './errors.ts';
import { grantSession, sessionJson, type SessionJson } from './grant.ts';
import { json, type AuthRequest, type Reply } from './http.ts';
import { passwordGrantBody, refreshGrantBody } from './schemas.ts';
import {
  activeRefreshToken,
  deleteSession,
  findSession,
  insertRefreshToken,
  lockRefreshToken,
  revokeRefreshToken,
  touchSession,
} from './sessions-repo.ts';
import type { Amr } from './tokens.ts';
import { findUserById, isBanned, userByPassword } from './users-repo.ts';

const userBanned = () => badRequest('user_banned', 'User is banned');
const tokenNotFound = () => badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');

async function passwordGrant(ctx: AuthContext, req: AuthRequest): Promise<Reply> {
  const body = await req.body(passwordGrantBody);
  if (!body.email) {
    if (body.phone) throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
    throw validationFailed('missing email or phone');
  }
  const identity = body.email.trim().toLowerCase();
  const { failedSignInsByIdentity: byIdentity, failedSignInsByIp: byIp } = ctx.limits;
  if (byIdentity.isLimited(identity) || byIp.isLimited(req.ip)) throw overRequestRateLimit();

  const user = body.password ? await userByPassword(ctx.db, identity, body.password) : undefined;
  if (!user) {
    byIdentity.hit(identity);
    byIp.hit(req.ip);
    throw invalidCredentials();
  }
  if (isBanned(user)) throw userBanned();
  if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');
  return json(await withTx(ctx.db, (tx) => grantSession(ctx, tx, user, 'password', req)));
}

type RefreshOutcome = { session: SessionJson } | { reusedOutsideInterval: string };

async function refreshGrant(ctx: AuthContext, req: AuthRequest): Promise<Reply> {
  const body = await req.body(refreshGrantBody);
  const outcome = await withTx<RefreshOutcome>(ctx.db, async (tx) => {
    const row = await lockRefreshToken(tx, body.refresh_token);
    if (!row) throw tokenNotFound();
    let next: string;
    if (row.revoked) {
      if (Date.now() - row.updated_at.getTime() > ctx.refreshTokenReuseMs) return { reusedOutsideInterval: row.session_id };
      // The client lost the answer to its last refresh: give it the session's current token again.
      next = (await activeRefreshToken(tx, row.session_id))?.token ?? (await insertRefreshToken(tx, row.user_id, row.session_id, row.token));
    } else {
      await revokeRefreshToken(tx, row.id);
      next = await insertRefreshToken(tx, row.user_id, row.session_id, row.token);
    }
    const session = await findSession(tx, row.session_id);
    if (!session) throw tokenNotFound();
    if (session.not_after && session.not_after.getTime() < Date.now()) {
      throw badRequest('session_expired', 'Invalid Refresh Token: Session Expired');
    }
    const user = await findUserById(tx, session.user_id);
    if (!user) throw tokenNotFound();
    if (isBanned(user)) throw userBanned();
    await touchSession(tx, session.id, req.ip, req.userAgent);
    // No auth.mfa_amr_claims here: the method is derived, the time is the session's start.
    const amr: Amr[] = [{ method: user.is_anonymous ? 'anonymous' : 'password', timestamp: Math.floor(session.created_at.getTime() / 1000) }];
    return { session: await sessionJson(ctx, tx, user, session.id, next, amr) };
  });
  if ('reusedOutsideInterval' in outcome) {
    // A stolen-and-replayed token, or a client gone wrong: end the session the token belongs to.
    await deleteSession(ctx.db, outcome.reusedOutsideInterval);
    throw badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used');
  }
  return json(outcome.session);
}

export const token: Handler = async (ctx, req) => {
  const grant = req.query('grant_type');
  if (grant === 'password') return passwordGrant(ctx, req);
  if (grant === 'refresh_token') return refreshGrant(ctx, req);
  throw validationFailed('unsupported_grant_type');
};
