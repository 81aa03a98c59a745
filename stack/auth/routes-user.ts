// GET/PUT /user and POST /logout, for the signed-in caller. Email changes apply at once (mailer
// auto-confirm, as locally configured GoTrue does); an anonymous user who sets an email becomes a
// permanent user with the same id. A new password ends the user's other sessions, as in GoTrue.
import type { Handler } from './context.ts';
import { EMAIL_UNIQUE, isUniqueViolation, withTx } from './db.ts';
import { badRequest, emailExists, forbidden, unprocessable, validationFailed } from './errors.ts';
import { requireUser } from './guards.ts';
import { json, noContent } from './http.ts';
import { checkPassword, normalizeEmail, updateUserBody } from './schemas.ts';
import { deleteSession, deleteUserSessions } from './sessions-repo.ts';
import { emailIdentityData, loadUserJson, upsertEmailIdentity } from './user-json.ts';
import { findUserByEmail, findUserById, passwordMatches, updateUser, type UserPatch } from './users-repo.ts';

/** GoTrue's metadata update: top-level keys are set, a null value removes the key. */
export function mergeMetadata(current: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> {
  const out = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

export const getUser: Handler = async (ctx, req) => {
  const { user } = await requireUser(ctx, req);
  return json(await loadUserJson(ctx.db, user));
};

export const putUser: Handler = async (ctx, req) => {
  const caller = await requireUser(ctx, req);
  const body = await req.body(updateUserBody);
  if (body.phone) throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
  const email = body.email ? normalizeEmail(body.email) : undefined;
  const password = body.password ?? undefined;
  if (password !== undefined) checkPassword(password);

  try {
    const updated = await withTx(ctx.db, async (tx) => {
      const user = await findUserById(tx, caller.user.id, true);
      if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
      const patch: UserPatch = {};
      let userMetadata = user.raw_user_meta_data ?? {};
      if (user.is_anonymous && password !== undefined && !email && !user.email) {
        throw unprocessable('validation_failed', 'Updating password of an anonymous user without an email or phone is not allowed');
      }
      if (email && email !== user.email) {
        const other = await findUserByEmail(tx, email);
        if (other && other.id !== user.id) throw emailExists();
        const app = user.raw_app_meta_data ?? {};
        const providers = Array.isArray(app.providers) ? app.providers.filter((p) => p !== 'anonymous') : [];
        patch.email = email;
        patch.confirmEmail = true;
        patch.isAnonymous = false;
        patch.appMetadata = {
          ...app,
          provider: user.is_anonymous ? 'email' : (app.provider ?? 'email'),
          providers: [...new Set([...providers, 'email'])],
        };
        userMetadata = mergeMetadata(userMetadata, emailIdentityData(user.id, email, true));
        patch.userMetadata = userMetadata;
        await upsertEmailIdentity(tx, user.id, email, true);
      }
      if (password !== undefined) {
        if (await passwordMatches(tx, user.id, password)) {
          throw unprocessable('same_password', 'New password should be different from the old password.');
        }
        patch.password = password;
        patch.recoveryToken = '';
        await deleteUserSessions(tx, user.id, caller.sessionId);
      }
      if (body.data) patch.userMetadata = mergeMetadata(userMetadata, body.data);
      const row = Object.keys(patch).length > 0 ? await updateUser(tx, user.id, patch) : user;
      return loadUserJson(tx, row);
    });
    return json(updated);
  } catch (error) {
    if (isUniqueViolation(error, EMAIL_UNIQUE)) throw emailExists();
    throw error;
  }
};

const SCOPES = ['global', 'local', 'others'] as const;

export const logout: Handler = async (ctx, req) => {
  const scope = req.query('scope') ?? 'global';
  if (!(SCOPES as readonly string[]).includes(scope)) throw validationFailed('Unsupported logout scope');
  const { user, sessionId } = await requireUser(ctx, req);
  if (scope === 'global') await deleteUserSessions(ctx.db, user.id);
  else if (sessionId && scope === 'local') await deleteSession(ctx.db, sessionId);
  else if (sessionId) await deleteUserSessions(ctx.db, user.id, sessionId);
  return noContent();
};
