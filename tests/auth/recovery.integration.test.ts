// Password recovery through the local mailbox: the 6-digit code (verifyOtp) and the emailed link.
import { describe, expect, it } from 'vitest';
import { anonClient, uniqueEmail } from '../support/clients.ts';
import { stackEnv } from '../support/env.ts';
import { mailboxFor, rawRequest, type MailboxMessage } from './raw-http.ts';

const OLD_PASSWORD = 'forgotten-password';
const NEW_PASSWORD = 'remembered-password';

async function userWithRecoveryMail(redirectTo?: string): Promise<{ email: string; userId: string; mail: MailboxMessage }> {
  const email = uniqueEmail('recover');
  const { data } = await anonClient().auth.signUp({ email, password: OLD_PASSWORD });
  const { data: sent, error } = await anonClient().auth.resetPasswordForEmail(email, redirectTo ? { redirectTo } : {});
  expect(error).toBeNull();
  expect(sent).toEqual({});
  const [mail] = await mailboxFor(email);
  if (!mail) throw new Error('no recovery email in the mailbox');
  return { email, userId: data.user!.id, mail };
}

const codeIn = (mail: MailboxMessage) => /\b(\d{6})\b/.exec(mail.text)?.[1] ?? '';
const linkIn = (mail: MailboxMessage) => /https?:\/\/\S+\/auth\/v1\/verify\?\S+/.exec(mail.text)?.[0] ?? '';

describe('password recovery', () => {
  it('code → verifyOtp → updateUser → sign in with the new password', async () => {
    const { email, userId, mail } = await userWithRecoveryMail();
    expect(mail).toMatchObject({ to: email, subject: expect.stringMatching(/password/i) });
    const code = codeIn(mail);
    expect(code).toMatch(/^\d{6}$/);

    const client = anonClient();
    const { data, error } = await client.auth.verifyOtp({ email, token: code, type: 'recovery' });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(userId);
    expect(data.session?.access_token).toBeTruthy();
    const { error: updateError } = await client.auth.updateUser({ password: NEW_PASSWORD });
    expect(updateError).toBeNull();

    const fresh = await anonClient().auth.signInWithPassword({ email, password: NEW_PASSWORD });
    expect(fresh.error).toBeNull();
    expect(fresh.data.user?.id).toBe(userId);
    const stale = await anonClient().auth.signInWithPassword({ email, password: OLD_PASSWORD });
    expect(stale.error?.code).toBe('invalid_credentials');

    // Single use.
    const replay = await anonClient().auth.verifyOtp({ email, token: code, type: 'recovery' });
    expect(replay.error?.status).toBe(403);
    expect(replay.error?.code).toBe('otp_expired');
  });

  it('the emailed link signs in once and redirects with the session in the fragment', async () => {
    const redirectTo = `${stackEnv().GUILDHALL_WEB_URL}/account/new-password`;
    const { userId, mail } = await userWithRecoveryMail(redirectTo);
    const link = new URL(linkIn(mail));
    expect(link.searchParams.get('type')).toBe('recovery');
    expect(link.searchParams.get('redirect_to')).toBe(redirectTo);

    const res = await fetch(link, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(redirectTo);
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get('type')).toBe('recovery');
    expect(fragment.get('token_type')).toBe('bearer');
    expect(fragment.get('refresh_token')).toBeTruthy();
    const { data } = await anonClient().auth.getUser(fragment.get('access_token')!);
    expect(data.user?.id).toBe(userId);

    const again = await fetch(link, { redirect: 'manual' });
    const failed = new URLSearchParams(new URL(again.headers.get('location')!).hash.slice(1));
    expect(failed.get('error')).toBe('access_denied');
    expect(failed.get('error_code')).toBe('otp_expired');
    expect(failed.get('access_token')).toBeNull();
  });

  it('never redirects tokens to a foreign site: the link falls back to the site URL', async () => {
    const { mail } = await userWithRecoveryMail('https://attacker.example/collect');
    const res = await fetch(linkIn(mail), { redirect: 'manual' });
    expect(res.headers.get('location')!.startsWith(stackEnv().GUILDHALL_WEB_URL)).toBe(true);
  });

  it('answers the same for an unknown address, and sends nothing', async () => {
    const email = uniqueEmail('stranger');
    const { data, error } = await anonClient().auth.resetPasswordForEmail(email);
    expect(error).toBeNull();
    expect(data).toEqual({});
    expect(await mailboxFor(email)).toEqual([]);
  });

  it('limits recovery emails per address', async () => {
    const { email } = await userWithRecoveryMail();
    const { error } = await anonClient().auth.resetPasswordForEmail(email);
    expect(error?.status).toBe(429);
    expect(error?.code).toBe('over_email_send_rate_limit');
    expect(await mailboxFor(email)).toHaveLength(1);
  });

  it('voids the code after five wrong guesses', async () => {
    const { email, mail } = await userWithRecoveryMail();
    const code = codeIn(mail);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const { error } = await anonClient().auth.verifyOtp({ email, token: wrong, type: 'recovery' });
      expect(error?.code).toBe('otp_expired');
    }
    const { error } = await anonClient().auth.verifyOtp({ email, token: code, type: 'recovery' });
    expect(error?.code).toBe('otp_expired');
  });

  it('serves the mailbox as a page with clickable links', async () => {
    const { mail } = await userWithRecoveryMail();
    const page = await rawRequest({ path: '/mailbox' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain(`<a href="${linkIn(mail).replace(/&/g, '&amp;')}"`);
  });
});
