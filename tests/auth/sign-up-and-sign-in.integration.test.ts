// Email sign-up and password sign-in through the real supabase-js client and the gateway.
import { createLocalJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { anonClient, uniqueEmail } from '../support/clients.ts';
import { stackEnv } from '../support/env.ts';
import { rawRequest } from './raw-http.ts';

const PASSWORD = 'correct-horse-battery';

describe('sign-up', () => {
  it('creates a confirmed user and answers with a session', async () => {
    const email = uniqueEmail('signup');
    const { data, error } = await anonClient().auth.signUp({
      email: email.toUpperCase(),
      password: PASSWORD,
      options: { data: { display_name: 'Ada' } },
    });
    expect(error).toBeNull();
    expect(data.session?.access_token).toBeTruthy();
    expect(data.session?.refresh_token).toBeTruthy();
    expect(data.session?.token_type).toBe('bearer');
    expect(data.user).toMatchObject({
      email,
      aud: 'authenticated',
      role: 'authenticated',
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { display_name: 'Ada' },
    });
    expect(data.user?.email_confirmed_at).toBeTruthy();
    expect(data.user?.identities).toHaveLength(1);
    expect(data.user?.identities?.[0]).toMatchObject({ provider: 'email', id: data.user?.id, identity_data: { email, sub: data.user?.id } });
  });

  it('issues ES256 access tokens with GoTrue claims, verifiable against the JWKS', async () => {
    const env = stackEnv();
    const { data } = await anonClient().auth.signUp({ email: uniqueEmail('claims'), password: PASSWORD });
    const token = data.session!.access_token;
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(JSON.parse(env.SUPABASE_JWKS)));
    expect(protectedHeader.alg).toBe('ES256');
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload).toMatchObject({
      iss: `${env.SUPABASE_URL}/auth/v1`,
      sub: data.user!.id,
      aud: 'authenticated',
      role: 'authenticated',
      aal: 'aal1',
      email: data.user!.email,
      is_anonymous: false,
      app_metadata: { provider: 'email' },
    });
    expect(payload.session_id).toEqual(expect.any(String));
    expect(payload.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
    expect(payload.exp! - payload.iat!).toBe(data.session!.expires_in);
  });

  it('refuses a taken address with 422 user_already_exists', async () => {
    const email = uniqueEmail('taken');
    await anonClient().auth.signUp({ email, password: PASSWORD });
    const { data, error } = await anonClient().auth.signUp({ email, password: 'another-password' });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('user_already_exists');
    expect(data.session).toBeNull();
  });

  it('refuses a short password with 422 weak_password', async () => {
    const { error } = await anonClient().auth.signUp({ email: uniqueEmail('weak'), password: 'short' });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('weak_password');
    expect(error?.name).toBe('AuthWeakPasswordError');
  });

  it('refuses an invalid address with 400 validation_failed, without echoing it', async () => {
    const { error } = await anonClient().auth.signUp({ email: 'not an email', password: PASSWORD });
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('validation_failed');
    expect(error?.message).not.toContain('not an email');
  });
});

describe('password sign-in', () => {
  it('signs in, and getUser returns the same user', async () => {
    const email = uniqueEmail('signin');
    const { data: created } = await anonClient().auth.signUp({ email, password: PASSWORD });
    const client = anonClient();
    const { data, error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(created.user?.id);
    expect(data.session?.user.id).toBe(created.user?.id);
    const { data: me, error: meError } = await client.auth.getUser();
    expect(meError).toBeNull();
    expect(me.user?.id).toBe(created.user?.id);
    expect(me.user?.last_sign_in_at).toBeTruthy();
    const { data: claims, error: claimsError } = await client.auth.getClaims();
    expect(claimsError).toBeNull();
    expect(claims?.claims.sub).toBe(created.user?.id);
  });

  it('answers a wrong password and an unknown address alike: 400 invalid_credentials', async () => {
    const email = uniqueEmail('wrongpw');
    await anonClient().auth.signUp({ email, password: PASSWORD });
    const wrong = await anonClient().auth.signInWithPassword({ email, password: 'not-the-password' });
    expect(wrong.error?.status).toBe(400);
    expect(wrong.error?.code).toBe('invalid_credentials');
    expect(wrong.error?.message).toBe('Invalid login credentials');
    const unknown = await anonClient().auth.signInWithPassword({ email: uniqueEmail('nobody'), password: PASSWORD });
    expect(unknown.error?.status).toBe(400);
    expect(unknown.error?.code).toBe('invalid_credentials');
    expect(unknown.error?.message).toBe(wrong.error?.message);
  });

  it('rejects getUser without a user token', async () => {
    const { data, error } = await anonClient().auth.getUser(stackEnv().SUPABASE_ANON_KEY);
    expect(data.user).toBeNull();
    expect(error?.status).toBe(403);
    expect(error?.code).toBe('bad_jwt');
  });
});

describe('malformed requests', () => {
  const cases: [string, string, string][] = [
    ['/auth/v1/signup', 'POST', 'not json'],
    ['/auth/v1/signup', 'POST', '[1, 2, 3]'],
    ['/auth/v1/signup', 'POST', '{"email": 42, "password": "long-enough-1"}'],
    ['/auth/v1/signup', 'POST', '{"email": "a@b.test", "password": "long-enough-1", "data": "x"}'],
    ['/auth/v1/token?grant_type=password', 'POST', '{"email": {"$ne": null}, "password": "x"}'],
    ['/auth/v1/token?grant_type=refresh_token', 'POST', '{}'],
    ['/auth/v1/token?grant_type=magic', 'POST', '{}'],
    ['/auth/v1/recover', 'POST', 'null'],
    ['/auth/v1/verify', 'POST', '{"type": "recovery"}'],
  ];
  it.each(cases)('%s %s %s → 400 validation_failed', async (path, method, rawBody) => {
    const res = await rawRequest({ path, method, rawBody, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'validation_failed', error_code: 'validation_failed' });
    expect(res.headers['x-supabase-api-version']).toBe('2024-01-01');
  });

  it('answers callers without the API version header in GoTrue’s original error shape', async () => {
    const res = await rawRequest({ path: '/auth/v1/signup', rawBody: '{', headers: { 'x-supabase-api-version': '' } });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 400, error_code: 'validation_failed' });
  });

  it('refuses an oversized body with 400, not 500', async () => {
    const res = await rawRequest({ path: '/auth/v1/signup', body: { email: uniqueEmail(), password: 'x'.repeat(200_000) } });
    expect(res.status).toBe(400);
  });
});
