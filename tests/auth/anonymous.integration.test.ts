// Anonymous sign-in, and an anonymous user becoming a permanent one with the same id.
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { anonClient, uniqueEmail } from '../support/clients.ts';

describe('anonymous users', () => {
  it('sign in without credentials and get an is_anonymous session', async () => {
    const { data, error } = await anonClient().auth.signInAnonymously({ options: { data: { nickname: 'guest' } } });
    expect(error).toBeNull();
    expect(data.session?.access_token).toBeTruthy();
    expect(data.user).toMatchObject({
      is_anonymous: true,
      email: '',
      role: 'authenticated',
      app_metadata: { provider: 'anonymous', providers: ['anonymous'] },
      user_metadata: { nickname: 'guest' },
      identities: [],
    });
    const claims = decodeJwt(data.session!.access_token);
    expect(claims).toMatchObject({ is_anonymous: true, role: 'authenticated', sub: data.user!.id });
    expect(claims.amr).toEqual([{ method: 'anonymous', timestamp: expect.any(Number) }]);
  });

  it('become permanent with the same id by setting an email and a password', async () => {
    const client = anonClient();
    const { data: anon } = await client.auth.signInAnonymously();
    const id = anon.user!.id;
    const email = uniqueEmail('convert');
    const { data, error } = await client.auth.updateUser({ email, password: 'permanent-password' });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id, email, is_anonymous: false, app_metadata: { provider: 'email', providers: ['email'] } });
    expect(data.user?.identities?.map((i) => i.provider)).toEqual(['email']);

    const { data: later, error: signInError } = await anonClient().auth.signInWithPassword({ email, password: 'permanent-password' });
    expect(signInError).toBeNull();
    expect(later.user).toMatchObject({ id, is_anonymous: false });
    expect(decodeJwt(later.session!.access_token)).toMatchObject({ sub: id, is_anonymous: false, email });
  });

  it('cannot set only a password', async () => {
    const client = anonClient();
    await client.auth.signInAnonymously();
    const { error } = await client.auth.updateUser({ password: 'lonely-password' });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('validation_failed');
  });

  it('cannot take an address another user has', async () => {
    const email = uniqueEmail('claimed');
    await anonClient().auth.signUp({ email, password: 'first-owner-pw' });
    const client = anonClient();
    await client.auth.signInAnonymously();
    const { error } = await client.auth.updateUser({ email, password: 'second-owner-pw' });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('email_exists');
  });
});
