// POST /signup: email + password (auto-confirmed locally, so it answers with a session), or, with
// neither email nor phone, an anonymous user (limited per IP).
import { randomUUID } from 'node:crypto';
import type { AuthContext, Handler } from './context.ts';
import { EMAIL_UNIQUE, isUniqueViolation, withTx } from './db.ts';
import { badRequest, overRequestRateLimit, unprocessable } from './errors.ts';
import { grantSession } from './grant.ts';
import { json, type AuthRequest, type Reply } from './http.ts';
import { checkPassword, normalizeEmail, signupBody } from './schemas.ts';
import { emailIdentityData, upsertEmailIdentity } from './user-json.ts';
import { findUserByEmail, insertUser } from './users-repo.ts';

const userAlreadyExists = () => unprocessable('user_already_exists', 'User already registered');

export const EMAIL_APP_METADATA = { provider: 'email', providers: ['email'] };

async function anonymousSignup(ctx: AuthContext, req: AuthRequest, data: Record<string, unknown>): Promise<Reply> {
  const limiter = ctx.limits.anonymousSignUpsByIp;
  if (limiter.isLimited(req.ip)) throw overRequestRateLimit();
  limiter.hit(req.ip);
  const session = await withTx(ctx.db, async (tx) => {
    const user = await insertUser(tx, {
      id: randomUUID(),
      email: null,
      password: null,
      emailConfirmed: false,
      appMetadata: { provider: 'anonymous', providers: ['anonymous'] },
      userMetadata: data,
      isAnonymous: true,
    });
    return grantSession(ctx, tx, user, 'anonymous', req);
  });
  return json(session);
}

export const signup: Handler = async (ctx, req) => {
  const body = await req.body(signupBody);
  if (body.phone) throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
  if (!body.email) {
    if (body.password) throw badRequest('validation_failed', 'Signup requires an email address or a phone number');
    return anonymousSignup(ctx, req, body.data ?? {});
  }
  const email = normalizeEmail(body.email);
  const password = body.password;
  if (!password) throw unprocessable('validation_failed', 'Signup requires a valid password');
  checkPassword(password);
  try {
    const session = await withTx(ctx.db, async (tx) => {
      if (await findUserByEmail(tx, email)) throw userAlreadyExists();
      const id = randomUUID();
      const user = await insertUser(tx, {
        id,
        email,
        password,
        emailConfirmed: true,
        appMetadata: EMAIL_APP_METADATA,
        userMetadata: { ...(body.data ?? {}), ...emailIdentityData(id, email, true) },
        isAnonymous: false,
      });
      await upsertEmailIdentity(tx, id, email, true);
      return grantSession(ctx, tx, user, 'password', req);
    });
    return json(session);
  } catch (error) {
    if (isUniqueViolation(error, EMAIL_UNIQUE)) throw userAlreadyExists();
    throw error;
  }
};
