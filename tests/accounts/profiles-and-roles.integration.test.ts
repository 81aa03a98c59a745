// Accounts through the real supabase-js: sign-up gives a private profile and the customer role;
// roles change only through admin RPCs.
import { describe, expect, it } from 'vitest';
import { application, signInDemo, signUpUser } from '../support/accounts.ts';
import { anonClient } from '../support/clients.ts';

describe('profiles', () => {
  it('sign-up creates a profile from the sign-up data, readable and editable by its user', async () => {
    const ada = await signUpUser('profile', 'Ada Lovelace', 'he');
    const { data, error } = await ada.client.from('profiles').select('display_name, locale, avatar_url').eq('id', ada.userId).single();
    expect(error).toBeNull();
    expect(data).toEqual({ display_name: 'Ada Lovelace', locale: 'he', avatar_url: null });

    const update = await ada.client
      .from('profiles')
      .update({ display_name: 'Ada L.', locale: 'en', avatar_url: 'https://images.example/ada.png' })
      .eq('id', ada.userId)
      .select('display_name, locale, avatar_url')
      .single();
    expect(update.error).toBeNull();
    expect(update.data).toEqual({ display_name: 'Ada L.', locale: 'en', avatar_url: 'https://images.example/ada.png' });
  });

  it('is invisible to anon and to other users; admins read it through an audited lookup', async () => {
    const owner = await signUpUser('private', 'Private Person');
    const other = await signUpUser('other');

    const anon = await anonClient().from('profiles').select('*').eq('id', owner.userId);
    expect(anon.error?.code).toBe('42501');

    const seen = await other.client.from('profiles').select('*').eq('id', owner.userId);
    expect(seen.error).toBeNull();
    expect(seen.data).toEqual([]);
    const write = await other.client.from('profiles').update({ display_name: 'Hacked' }).eq('id', owner.userId).select();
    expect(write.data).toEqual([]);

    // Admins look a user up through an audited RPC, not by browsing the table.
    const admin = await signInDemo('admin');
    expect((await admin.client.from('profiles').select('id').eq('id', owner.userId)).data).toEqual([]);
    const lookup = await admin.client.rpc('admin_user_profile', { user_id: owner.userId }).single();
    expect(lookup.error).toBeNull();
    expect(lookup.data).toMatchObject({ email: owner.email, display_name: 'Private Person', roles: ['customer'] });
    const log = await admin.client.rpc('admin_audit_log', { max_rows: 1 });
    expect(log.data[0]).toMatchObject({ action: 'pii.read_profile', target_id: owner.userId, actor_id: admin.userId });
    expect((await other.client.rpc('admin_user_profile', { user_id: owner.userId })).error?.code).toBe('42501');
  });

  it('refuses a bad locale or avatar URL and keeps the profile', async () => {
    const user = await signUpUser('badprofile', 'Stays');
    const bad = await user.client.from('profiles').update({ locale: 'xx' }).eq('id', user.userId);
    expect(bad.error?.code).toBe('23514');
    const url = await user.client.from('profiles').update({ avatar_url: 'javascript:alert(1)' }).eq('id', user.userId);
    expect(url.error?.code).toBe('23514');
    const { data } = await user.client.from('profiles').select('locale, avatar_url').single();
    expect(data).toEqual({ locale: 'en', avatar_url: null });
  });
});

describe('roles', () => {
  it('every new account is a customer and cannot change its own roles', async () => {
    const user = await signUpUser('roles');
    const roles = await user.client.from('user_roles').select('role');
    expect(roles.data).toEqual([{ role: 'customer' }]);

    const grant = await user.client.from('user_roles').insert({ user_id: user.userId, role: 'admin' });
    expect(grant.error?.code).toBe('42501');
    const rpc = await user.client.rpc('grant_admin', { user_id: user.userId });
    expect(rpc.error?.code).toBe('42501');
    expect((await user.client.from('user_roles').select('role')).data).toEqual([{ role: 'customer' }]);
  });

  it('an admin grants and revokes admin, and both are in the audit log', async () => {
    const admin = await signInDemo('admin');
    const user = await signUpUser('promoted');
    expect((await admin.client.rpc('grant_admin', { user_id: user.userId })).error).toBeNull();
    expect((await user.client.from('user_roles').select('role').eq('user_id', user.userId).order('role')).data).toEqual([
      { role: 'customer' },
      { role: 'admin' },
    ]);

    // The new admin can now act as one, e.g. read the audit log.
    const log = await user.client.rpc('admin_audit_log', { max_rows: 5 });
    expect(log.error).toBeNull();
    expect(log.data[0]).toMatchObject({ action: 'role.grant_admin', target_id: user.userId, actor_id: admin.userId });

    expect((await admin.client.rpc('revoke_admin', { user_id: user.userId })).error).toBeNull();
    expect((await user.client.from('user_roles').select('role')).data).toEqual([{ role: 'customer' }]);
    const after = await admin.client.rpc('admin_audit_log', { max_rows: 1 });
    expect(after.data[0]).toMatchObject({ action: 'role.revoke_admin', target_id: user.userId });
    // The gateway sets X-Forwarded-For from the socket: the audit row has the caller's address.
    expect(after.data[0].ip).toBe('127.0.0.1');
  });

  it('approval makes an applicant an expert', async () => {
    const admin = await signInDemo('admin');
    const applicant = await signUpUser('becomes-expert');
    const { data: expertId } = await applicant.client.rpc('apply_as_expert', application());
    await admin.client.rpc('decide_expert_application', { expert_id: expertId, approve: true });
    const roles = await applicant.client.from('user_roles').select('role').order('role');
    expect(roles.data).toEqual([{ role: 'customer' }, { role: 'expert' }]);
  });
});
