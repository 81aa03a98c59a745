// Password recovery. POST /recover always answers {} (whether the address exists stays secret) and,
// for a known address, mails a 6-digit code and a link. The code (POST /verify, supabase-js
// verifyOtp), the link's token (GET /verify, a redirect with the session in the fragment) or that
// token as token_hash (POST /verify) each sign the user in once, within an hour.
import type { AuthContext, Handler } from './context.ts';
import { withTx } from './db.ts';
import { recoveryEmail, recoveryLink, safeRedirect } from './emails.ts';
import { AuthError, badRequest, otpExpired, tooManyRequests, validationFailed } from './errors.ts';
import { grantSession, type SessionJson } from './grant.ts';
import { json, redirect, type AuthRequest } from './http.ts';
import { normalizeEmail, recoverBody, verifyBody } from './schemas.ts';
import { randomToken, safeEqual, sha256, sixDigitCode } from './tokens.ts';
import { consumeRecoveryToken, findUserByRecoveryLink } from './recovery-repo.ts';
import { findUserByEmail, isBanned, updateUser, type UserRow } from './users-repo.ts';

export const recover: Handler = async (ctx, req) => {
  const body = await req.body(recoverBody);
  const email = normalizeEmail(body.email);
  // Limited per address whether or not it exists, so the limit reveals nothing either.
  const wait = ctx.limits.emailsByAddress.take(email);
  if (wait > 0) throw tooManyRequests('over_email_send_rate_limit', `For security purposes, you can only request this after ${wait} seconds.`);
  const user = await findUserByEmail(ctx.db, email);
  if (user?.email) {
    const code = sixDigitCode();
    const linkToken = randomToken(32);
    await updateUser(ctx.db, user.id, { recoveryToken: `${sha256(code)}:${sha256(linkToken)}` });
    ctx.limits.otpFailuresByUser.reset(user.id);
    const link = recoveryLink(ctx.apiUrl, linkToken, safeRedirect(ctx.siteUrl, req.query('redirect_to')));
    await ctx.mailbox.send(recoveryEmail(user.email, code, link));
  }
  return json({});
};

type Proof = { email: string; code: string } | { linkToken: string };

async function findByCode(ctx: AuthContext, email: string, code: string): Promise<UserRow | undefined> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user?.recovery_token) return undefined;
  const failures = ctx.limits.otpFailuresByUser;
  const [codeHash = ''] = user.recovery_token.split(':');
  if (!failures.isLimited(user.id) && safeEqual(codeHash, sha256(code))) return user;
  failures.hit(user.id);
  // Too many wrong codes: this code is void; a new recovery email brings a new one.
  if (failures.isLimited(user.id)) await consumeRecoveryToken(ctx.db, user.id, user.recovery_token);
  return undefined;
}

async function verifyRecovery(ctx: AuthContext, req: AuthRequest, proof: Proof): Promise<SessionJson> {
  const user = 'linkToken' in proof ? await findUserByRecoveryLink(ctx.db, sha256(proof.linkToken)) : await findByCode(ctx, proof.email, proof.code);
  const sentAt = user?.recovery_sent_at?.getTime() ?? 0;
  if (!user?.recovery_token || Date.now() - sentAt > ctx.recoveryTokenTtlMs) throw otpExpired();
  const stored = user.recovery_token;
  return withTx(ctx.db, async (tx) => {
    if (!(await consumeRecoveryToken(tx, user.id, stored))) throw otpExpired();
    const confirmed = await updateUser(tx, user.id, { confirmEmail: true });
    if (isBanned(confirmed)) throw badRequest('user_banned', 'User is banned');
    ctx.limits.otpFailuresByUser.reset(user.id);
    return grantSession(ctx, tx, confirmed, 'recovery', req);
  });
}

export const postVerify: Handler = async (ctx, req) => {
  const body = await req.body(verifyBody);
  if (body.type !== 'recovery') throw validationFailed('Unsupported verification type');
  if (body.token_hash) return json(await verifyRecovery(ctx, req, { linkToken: body.token_hash }));
  if (body.phone) throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
  if (!body.email || !body.token) throw validationFailed('Verify requires an email and a token, or a token_hash');
  return json(await verifyRecovery(ctx, req, { email: normalizeEmail(body.email), code: body.token.trim() }));
};

export const getVerify: Handler = async (ctx, req) => {
  const target = new URL(safeRedirect(ctx.siteUrl, req.query('redirect_to')));
  target.hash = '';
  const token = req.query('token');
  try {
    if (req.query('type') !== 'recovery' || !token) throw otpExpired();
    const s = await verifyRecovery(ctx, req, { linkToken: token });
    const fragment = new URLSearchParams({
      access_token: s.access_token,
      expires_at: String(s.expires_at),
      expires_in: String(s.expires_in),
      refresh_token: s.refresh_token,
      token_type: 'bearer',
      type: 'recovery',
    });
    return redirect(`${target.href}#${fragment}`);
  } catch (error) {
    if (!(error instanceof AuthError) || error.status >= 500) throw error;
    const fragment = new URLSearchParams({
      error: 'access_denied',
      error_code: error.errorCode,
      error_description: 'Email link is invalid or has expired',
    });
    return redirect(`${target.href}#${fragment}`);
  }
};
