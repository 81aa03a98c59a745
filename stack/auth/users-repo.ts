// auth.users queries. Passwords are bcrypt (cost 10) made and checked by pgcrypto, GoTrue's format;
// encrypted_password is never selected into Node.
import type { Queryable } from './db.ts';

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
  email_confirmed_at: Date | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date | null;
  updated_at: Date | null;
  banned_until: Date | null;
  is_anonymous: boolean;
  recovery_token: string | null;
  recovery_sent_at: Date | null;
}

export const USER_COLUMNS = `id, aud, role, email, phone, email_confirmed_at, phone_confirmed_at, confirmed_at, last_sign_in_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, banned_until, is_anonymous, recovery_token, recovery_sent_at`;

const hashOf = (param: string) => `extensions.crypt(${param}::text, extensions.gen_salt('bf', 10))`;

export async function findUserById(q: Queryable, id: string, lock = false): Promise<UserRow | undefined> {
  const { rows } = await q.query<UserRow>(`select ${USER_COLUMNS} from auth.users where id = $1 ${lock ? 'for update' : ''}`, [id]);
  return rows[0];
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | undefined> {
  const { rows } = await q.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where lower(email) = lower($1) and not is_sso_user order by created_at limit 1`,
    [email],
  );
  return rows[0];
}

export interface NewUser {
  id: string;
  email: string | null;
  password: string | null;
  emailConfirmed: boolean;
  appMetadata: Record<string, unknown>;
  userMetadata: Record<string, unknown>;
  isAnonymous: boolean;
}

export async function insertUser(q: Queryable, u: NewUser): Promise<UserRow> {
  const { rows } = await q.query<UserRow>(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       raw_app_meta_data, raw_user_meta_data, is_anonymous, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
       case when $3::text is null then '' else ${hashOf('$3')} end,
       case when $4 then now() end, $5, $6, $7, now(), now())
     returning ${USER_COLUMNS}`,
    [u.id, u.email, u.password, u.emailConfirmed, u.appMetadata, u.userMetadata, u.isAnonymous],
  );
  return rows[0]!;
}

/**
 * The user with this email if the password matches; undefined otherwise. An unknown address costs
 * one bcrypt too, so timing does not tell which addresses exist.
 */
export async function userByPassword(q: Queryable, email: string, password: string): Promise<UserRow | undefined> {
  const { rows } = await q.query<UserRow & { ok: boolean }>(
    `select ${USER_COLUMNS}, coalesce(encrypted_password like '$2%' and encrypted_password = extensions.crypt($2, encrypted_password), false) as ok
     from auth.users where lower(email) = lower($1) and not is_sso_user order by created_at limit 1`,
    [email, password],
  );
  const row = rows[0];
  if (!row) await q.query(`select ${hashOf('$1')}`, [password]);
  if (!row?.ok) return undefined;
  const user: UserRow & { ok?: boolean } = row;
  delete user.ok;
  return user;
}

export async function passwordMatches(q: Queryable, id: string, password: string): Promise<boolean> {
  const { rows } = await q.query<{ ok: boolean }>(
    `select coalesce(encrypted_password like '$2%' and encrypted_password = extensions.crypt($2, encrypted_password), false) as ok
     from auth.users where id = $1`,
    [id, password],
  );
  return rows[0]?.ok ?? false;
}

export interface UserPatch {
  email?: string;
  password?: string;
  confirmEmail?: boolean;
  appMetadata?: Record<string, unknown>;
  userMetadata?: Record<string, unknown>;
  isAnonymous?: boolean;
  bannedUntil?: Date | null;
  signedIn?: boolean;
  recoveryToken?: string;
}

export async function updateUser(q: Queryable, id: string, p: UserPatch): Promise<UserRow> {
  const sets = ['updated_at = now()'];
  const values: unknown[] = [id];
  const add = (sql: (param: string) => string, value: unknown) => {
    values.push(value);
    sets.push(sql(`$${values.length}`));
  };
  if (p.email !== undefined) add((v) => `email = ${v}`, p.email);
  if (p.password !== undefined) add((v) => `encrypted_password = ${hashOf(v)}`, p.password);
  if (p.confirmEmail) sets.push('email_confirmed_at = coalesce(email_confirmed_at, now())');
  if (p.appMetadata !== undefined) add((v) => `raw_app_meta_data = ${v}`, p.appMetadata);
  if (p.userMetadata !== undefined) add((v) => `raw_user_meta_data = ${v}`, p.userMetadata);
  if (p.isAnonymous !== undefined) add((v) => `is_anonymous = ${v}`, p.isAnonymous);
  if (p.bannedUntil !== undefined) add((v) => `banned_until = ${v}`, p.bannedUntil);
  if (p.signedIn) sets.push('last_sign_in_at = now()');
  if (p.recoveryToken !== undefined) {
    add((v) => `recovery_token = ${v}`, p.recoveryToken);
    if (p.recoveryToken) sets.push('recovery_sent_at = now()');
  }
  const { rows } = await q.query<UserRow>(`update auth.users set ${sets.join(', ')} where id = $1 returning ${USER_COLUMNS}`, values);
  return rows[0]!;
}

export async function listUsers(q: Queryable, page: number, perPage: number): Promise<{ rows: UserRow[]; total: number }> {
  const [{ rows }, count] = await Promise.all([
    q.query<UserRow>(`select ${USER_COLUMNS} from auth.users order by created_at desc, id limit $1 offset $2`, [perPage, (page - 1) * perPage]),
    q.query<{ n: string }>('select count(*) as n from auth.users'),
  ]);
  return { rows, total: Number(count.rows[0]?.n ?? 0) };
}

export async function deleteUser(q: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await q.query('delete from auth.users where id = $1', [id]);
  return rowCount === 1;
}

export const isBanned = (u: UserRow): boolean => u.banned_until !== null && u.banned_until.getTime() > Date.now();
