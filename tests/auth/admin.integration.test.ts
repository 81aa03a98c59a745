// The admin user API (supabase-js auth.admin.*): the secret key may use it, the publishable key not.
import { describe, expect, it } from 'vitest';
import { adminClient, anonClient, stackClient, uniqueEmail } from '../support/clients.ts';
import { stackEnv } from '../support/env.ts';

const PASSWORD = 'admin-made-password';

describe('auth.admin', () => {
  it('createUser with the secret key makes a user who can sign in', async () => {
    const email = uniqueEmail('admin-created');
    const { data, error } = await adminClient().auth.admin.createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
      user_metadata: { display_name: 'Made by admin' },
      app_metadata: { roles: ['expert'] },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      email,
      is_anonymous: false,
      user_metadata: { display_name: 'Made by admin' },
      app_metadata: { provider: 'email', providers: ['email'], roles: ['expert'] },
    });
    const signIn = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
    expect(signIn.error).toBeNull();
    expect(signIn.data.user?.id).toBe(data.user?.id);
  });

  it('createUser takes a chosen id', async () => {
    const id = crypto.randomUUID();
    const { data, error } = await adminClient().auth.admin.createUser({ id, email: uniqueEmail('with-id'), password: PASSWORD, email_confirm: true });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(id);
  });

  it('is refused with the publishable key', async () => {
    const { data, error } = await anonClient().auth.admin.createUser({ email: uniqueEmail('sneaky'), password: PASSWORD, email_confirm: true });
    expect(data.user).toBeNull();
    expect(error?.status).toBe(403);
    expect(error?.code).toBe('not_admin');
    const list = await anonClient().auth.admin.listUsers();
    expect(list.error?.status).toBe(403);
  });

  it('is refused to a signed-in user', async () => {
    const client = anonClient();
    await client.auth.signUp({ email: uniqueEmail('plain-user'), password: PASSWORD });
    const { data: session } = await client.auth.getSession();
    const asUser = stackClient(stackEnv().SUPABASE_PUBLISHABLE_KEY, { Authorization: `Bearer ${session.session!.access_token}` });
    const { error } = await asUser.auth.admin.listUsers();
    expect(error?.status).toBe(403);
  });

  it('works with the legacy service_role key too', async () => {
    const legacy = stackClient(stackEnv().SUPABASE_SERVICE_ROLE_KEY);
    const { error } = await legacy.auth.admin.listUsers({ page: 1, perPage: 1 });
    expect(error).toBeNull();
    const legacyAnon = await stackClient(stackEnv().SUPABASE_ANON_KEY).auth.admin.listUsers();
    expect(legacyAnon.error?.status).toBe(403);
  });

  it('an unconfirmed user cannot sign in; a duplicate address is 422 email_exists', async () => {
    const email = uniqueEmail('unconfirmed');
    const { error } = await adminClient().auth.admin.createUser({ email, password: PASSWORD });
    expect(error).toBeNull();
    const signIn = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
    expect(signIn.error?.code).toBe('email_not_confirmed');
    const again = await adminClient().auth.admin.createUser({ email, password: PASSWORD });
    expect(again.error?.status).toBe(422);
    expect(again.error?.code).toBe('email_exists');
  });

  it('lists, gets, updates and deletes users', async () => {
    const admin = adminClient();
    const email = uniqueEmail('lifecycle');
    const { data: created } = await admin.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
    const id = created.user!.id;

    const { data: list, error: listError } = await admin.auth.admin.listUsers({ page: 1, perPage: 1000 });
    expect(listError).toBeNull();
    expect(list.users.some((u) => u.id === id)).toBe(true);

    const { data: got } = await admin.auth.admin.getUserById(id);
    expect(got.user?.email).toBe(email);

    const { data: updated, error: updateError } = await admin.auth.admin.updateUserById(id, { user_metadata: { display_name: 'Renamed' } });
    expect(updateError).toBeNull();
    expect(updated.user?.user_metadata).toMatchObject({ display_name: 'Renamed' });

    const { data: banned } = await admin.auth.admin.updateUserById(id, { ban_duration: '24h' });
    expect(banned.user?.banned_until).toBeTruthy();
    const refused = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
    expect(refused.error?.code).toBe('user_banned');

    expect((await admin.auth.admin.deleteUser(id)).error).toBeNull();
    const gone = await admin.auth.admin.getUserById(id);
    expect(gone.error?.status).toBe(404);
    expect(gone.error?.code).toBe('user_not_found');
  });
});
