// auth.identities rows and the user object GoTrue returns (what supabase-js's `User` type reads).
import type { Queryable } from './db.ts';
import type { UserRow } from './users-repo.ts';

export interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date | null;
  updated_at: Date | null;
  email: string | null;
}

/** The claims GoTrue keeps for an email identity (and copies into user_metadata). */
export function emailIdentityData(userId: string, email: string, verified: boolean): Record<string, unknown> {
  return { sub: userId, email, email_verified: verified, phone_verified: false };
}

/** Creates or updates the user's `email` identity (provider_id = user id, as GoTrue does). */
export async function upsertEmailIdentity(q: Queryable, userId: string, email: string, verified: boolean): Promise<void> {
  await q.query(
    `insert into auth.identities (id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
     values (gen_random_uuid(), $1, $2, $3, 'email', now(), now(), now())
     on conflict (provider_id, provider) do update set identity_data = excluded.identity_data, updated_at = now()`,
    [userId, userId, emailIdentityData(userId, email, verified)],
  );
}

export async function touchIdentities(q: Queryable, userId: string): Promise<void> {
  await q.query('update auth.identities set last_sign_in_at = now() where user_id = $1', [userId]);
}

export async function identitiesFor(q: Queryable, userIds: string[]): Promise<Map<string, IdentityRow[]>> {
  const byUser = new Map<string, IdentityRow[]>();
  if (userIds.length === 0) return byUser;
  const { rows } = await q.query<IdentityRow>(
    `select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
     from auth.identities where user_id = any($1::uuid[]) order by created_at`,
    [userIds],
  );
  for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
  return byUser;
}

const iso = (d: Date | null | undefined): string | undefined => (d ? d.toISOString() : undefined);

export function identityJson(i: IdentityRow) {
  return {
    identity_id: i.id,
    id: i.provider_id,
    user_id: i.user_id,
    identity_data: i.identity_data,
    provider: i.provider,
    last_sign_in_at: iso(i.last_sign_in_at),
    created_at: iso(i.created_at),
    updated_at: iso(i.updated_at),
    email: i.email ?? undefined,
  };
}

export function userJson(u: UserRow, identities: IdentityRow[]) {
  return {
    id: u.id,
    aud: u.aud ?? 'authenticated',
    role: u.role ?? 'authenticated',
    email: u.email ?? '',
    email_confirmed_at: iso(u.email_confirmed_at),
    phone: u.phone ?? '',
    phone_confirmed_at: iso(u.phone_confirmed_at),
    confirmed_at: iso(u.confirmed_at),
    last_sign_in_at: iso(u.last_sign_in_at),
    app_metadata: u.raw_app_meta_data ?? {},
    user_metadata: u.raw_user_meta_data ?? {},
    identities: identities.map(identityJson),
    created_at: iso(u.created_at),
    updated_at: iso(u.updated_at),
    banned_until: iso(u.banned_until),
    is_anonymous: u.is_anonymous,
  };
}

export type UserJson = ReturnType<typeof userJson>;

export async function loadUserJson(q: Queryable, u: UserRow): Promise<UserJson> {
  return userJson(u, (await identitiesFor(q, [u.id])).get(u.id) ?? []);
}
