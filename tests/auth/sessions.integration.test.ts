// Refresh-token rotation and sign-out, through supabase-js.
import type { Session } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { anonClient, uniqueEmail } from '../support/clients.ts';
import { rawRequest } from './raw-http.ts';

const PASSWORD = 'rotate-me-please';

async function newUserSession(): Promise<{ email: string; session: Session }> {
  const email = uniqueEmail('session');
  const { data, error } = await anonClient().auth.signUp({ email, password: PASSWORD });
  if (error || !data.session) throw error ?? new Error('no session');
  return { email, session: data.session };
}

async function signIn(email: string): Promise<Session> {
  const { data, error } = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
  if (error || !data.session) throw error ?? new Error('no session');
  return data.session;
}

/** What the auth service says about an access token, as a raw status and error code. */
async function tokenState(accessToken: string): Promise<{ status: number; code: unknown }> {
  const res = await rawRequest({ path: '/auth/v1/user', headers: { authorization: `Bearer ${accessToken}` } });
  return { status: res.status, code: res.json.code };
}

const refresh = (refreshToken: string) => anonClient().auth.refreshSession({ refresh_token: refreshToken });

describe('refresh tokens', () => {
  it('rotate: each refresh returns a new refresh token and a working access token', async () => {
    const { session } = await newUserSession();
    const { data, error } = await refresh(session.refresh_token);
    expect(error).toBeNull();
    expect(data.session?.refresh_token).toBeTruthy();
    expect(data.session?.refresh_token).not.toBe(session.refresh_token);
    expect(data.user?.id).toBe(session.user.id);
    expect(await tokenState(data.session!.access_token)).toEqual({ status: 200, code: undefined });
    const again = await refresh(data.session!.refresh_token);
    expect(again.error).toBeNull();
  });

  it('tolerate a lost answer briefly: the old token, reused at once, yields the current one', async () => {
    const { session } = await newUserSession();
    const first = await refresh(session.refresh_token);
    const replay = await refresh(session.refresh_token);
    expect(replay.error).toBeNull();
    expect(replay.data.session?.refresh_token).toBe(first.data.session?.refresh_token);
  });

  it('reject a rotated token after the reuse interval and end that session', async () => {
    const { session } = await newUserSession();
    const rotated = await refresh(session.refresh_token);
    expect(rotated.error).toBeNull();
    await new Promise((r) => setTimeout(r, 11_000)); // GoTrue's reuse interval is 10 s
    const reused = await refresh(session.refresh_token);
    expect(reused.error?.status).toBe(400);
    expect(reused.error?.code).toBe('refresh_token_already_used');
    // The whole session is gone: its current refresh token and its access tokens stop working.
    const current = await refresh(rotated.data.session!.refresh_token);
    expect(current.error?.code).toBe('refresh_token_not_found');
    expect(await tokenState(rotated.data.session!.access_token)).toEqual({ status: 403, code: 'session_not_found' });
  }, 30_000);

  it('reject an unknown token with refresh_token_not_found', async () => {
    const { error } = await refresh('no-such-refresh-token');
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('refresh_token_not_found');
  });
});

describe('sign-out', () => {
  it('global (the default) ends every session of the user', async () => {
    const { email, session } = await newUserSession();
    const other = await signIn(email);
    const client = anonClient();
    await client.auth.setSession(session);
    const { error } = await client.auth.signOut();
    expect(error).toBeNull();
    expect(await tokenState(session.access_token)).toEqual({ status: 403, code: 'session_not_found' });
    expect(await tokenState(other.access_token)).toEqual({ status: 403, code: 'session_not_found' });
    const { data, error: getUserError } = await anonClient().auth.getUser(session.access_token);
    expect(data.user).toBeNull();
    expect(getUserError?.name).toBe('AuthSessionMissingError');
    expect((await refresh(session.refresh_token)).error?.code).toBe('refresh_token_not_found');
  });

  it('local ends only this session; others ends all but this one', async () => {
    const { email, session: a } = await newUserSession();
    const b = await signIn(email);
    const c = await signIn(email);

    const clientA = anonClient();
    await clientA.auth.setSession(a);
    expect((await clientA.auth.signOut({ scope: 'others' })).error).toBeNull();
    expect((await tokenState(a.access_token)).status).toBe(200);
    expect((await tokenState(b.access_token)).code).toBe('session_not_found');
    expect((await tokenState(c.access_token)).code).toBe('session_not_found');

    const d = await signIn(email);
    expect((await clientA.auth.signOut({ scope: 'local' })).error).toBeNull();
    expect((await tokenState(a.access_token)).code).toBe('session_not_found');
    expect((await tokenState(d.access_token)).status).toBe(200);
  });
});
