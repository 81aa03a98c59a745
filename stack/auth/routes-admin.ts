// /admin/users for the service role (supabase-js auth.admin.*): create, list, get, update, delete.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Handler } from './context.ts';
import { EMAIL_UNIQUE, isUniqueViolation, withTx } from './db.ts';
import { badRequest, emailExists, notFound, unprocessable, validationFailed } from './errors.ts';
import { requireAdmin } from './guards.ts';
import { json, type AuthRequest } from './http.ts';
import { EMAIL_APP_METADATA } from './routes-signup.ts';
import { mergeMetadata } from './routes-user.ts';
import { adminUserBody, checkPassword, normalizeEmail, parseBanDuration } from './schemas.ts';
import { deleteUserSessions } from './sessions-repo.ts';
import { emailIdentityData, identitiesFor, loadUserJson, upsertEmailIdentity, userJson } from './user-json.ts';
import { deleteUser, findUserByEmail, findUserById, insertUser, listUsers, updateUser, type UserPatch } from './users-repo.ts';

const userNotFound = () => notFound('user_not_found', 'User not found');

function userIdParam(req: AuthRequest): string {
  const id = req.params.id ?? '';
  if (!z.guid().safeParse(id).success) throw notFound('validation_failed', 'user_id must be an UUID');
  return id;
}

async function rethrowEmailTaken<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isUniqueViolation(error, EMAIL_UNIQUE)) throw emailExists();
    throw error;
  }
}

export const createUser: Handler = async (ctx, req) => {
  await requireAdmin(ctx, req);
  const body = await req.body(adminUserBody);
  if (body.phone) throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
  if (!body.email) throw validationFailed('Creating a user requires an email address');
  const email = normalizeEmail(body.email);
  if (body.password) checkPassword(body.password);
  const bannedUntil = body.ban_duration ? parseBanDuration(body.ban_duration) : undefined;
  const id = body.id ?? randomUUID();
  const confirmed = body.email_confirm === true;
  const user = await rethrowEmailTaken(
    withTx(ctx.db, async (tx) => {
      if (await findUserByEmail(tx, email)) throw emailExists();
      if (await findUserById(tx, id)) throw unprocessable('user_already_exists', 'A user with this ID already exists');
      let row = await insertUser(tx, {
        id,
        email,
        password: body.password ?? null,
        emailConfirmed: confirmed,
        appMetadata: { ...EMAIL_APP_METADATA, ...(body.app_metadata ?? {}) },
        userMetadata: { ...emailIdentityData(id, email, confirmed), ...(body.user_metadata ?? {}) },
        isAnonymous: false,
      });
      if (bannedUntil !== undefined) row = await updateUser(tx, id, { bannedUntil });
      await upsertEmailIdentity(tx, id, email, confirmed);
      return loadUserJson(tx, row);
    }),
  );
  return json(user);
};

export const listAllUsers: Handler = async (ctx, req) => {
  await requireAdmin(ctx, req);
  const page = Math.max(1, Number.parseInt(req.query('page') ?? '', 10) || 1);
  const perPage = Math.min(1000, Math.max(1, Number.parseInt(req.query('per_page') ?? '', 10) || 50));
  const { rows, total } = await listUsers(ctx.db, page, perPage);
  const identities = await identitiesFor(
    ctx.db,
    rows.map((r) => r.id),
  );
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const links = [];
  if (page < lastPage) links.push(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
  links.push(`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`);
  const users = rows.map((r) => userJson(r, identities.get(r.id) ?? []));
  return json({ users, aud: 'authenticated' }, 200, { 'x-total-count': String(total), link: links.join(', ') });
};

export const getUserById: Handler = async (ctx, req) => {
  await requireAdmin(ctx, req);
  const user = await findUserById(ctx.db, userIdParam(req));
  if (!user) throw userNotFound();
  return json(await loadUserJson(ctx.db, user));
};

export const updateUserById: Handler = async (ctx, req) => {
  await requireAdmin(ctx, req);
  const id = userIdParam(req);
  const body = await req.body(adminUserBody);
  if (body.phone) throw badRequest('phone_provider_disabled', 'Phone logins are disabled');
  const email = body.email ? normalizeEmail(body.email) : undefined;
  if (body.password) checkPassword(body.password);
  const user = await rethrowEmailTaken(
    withTx(ctx.db, async (tx) => {
      const current = await findUserById(tx, id, true);
      if (!current) throw userNotFound();
      const patch: UserPatch = {};
      if (email && email !== current.email) {
        const other = await findUserByEmail(tx, email);
        if (other && other.id !== id) throw emailExists();
        patch.email = email;
        patch.isAnonymous = false;
        await upsertEmailIdentity(tx, id, email, body.email_confirm === true || current.email_confirmed_at !== null);
      }
      if (body.email_confirm) patch.confirmEmail = true;
      if (body.password) {
        patch.password = body.password;
        await deleteUserSessions(tx, id);
      }
      if (body.user_metadata) patch.userMetadata = mergeMetadata(current.raw_user_meta_data ?? {}, body.user_metadata);
      if (body.app_metadata) patch.appMetadata = mergeMetadata(current.raw_app_meta_data ?? {}, body.app_metadata);
      if (body.ban_duration) patch.bannedUntil = parseBanDuration(body.ban_duration);
      const row = Object.keys(patch).length > 0 ? await updateUser(tx, id, patch) : current;
      return loadUserJson(tx, row);
    }),
  );
  return json(user);
};

export const deleteUserById: Handler = async (ctx, req) => {
  await requireAdmin(ctx, req);
  if (!(await deleteUser(ctx.db, userIdParam(req)))) throw userNotFound();
  return json({});
};
