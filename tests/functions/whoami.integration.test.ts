// whoami through the gateway with the real supabase-js, as the web app and servers call functions:
// a signed-up user, an anonymous guest, the secret key, and callers with no usable credential.
import { FunctionsHttpError, type SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { adminClient, anonClient, uniqueEmail } from '../support/clients.ts';
import { stackEnv } from '../support/env.ts';

const env = stackEnv();

async function invokeStatus(supabase: SupabaseClient): Promise<number> {
  const { error } = await supabase.functions.invoke('whoami');
  return error instanceof FunctionsHttpError ? (error.context as Response).status : 200;
}

describe('whoami through /functions/v1', () => {
  it('returns the signed-up user who calls it', async () => {
    const supabase = anonClient();
    const email = uniqueEmail('whoami');
    const { data: signUp, error: signUpError } = await supabase.auth.signUp({ email, password: 'correct-horse-battery' });
    expect(signUpError).toBeNull();
    expect(signUp.session).not.toBeNull();

    const { data, error } = await supabase.functions.invoke('whoami');
    expect(error).toBeNull();
    expect(data).toEqual({ mode: 'user', user: { id: signUp.user!.id, email, role: 'authenticated', is_anonymous: false } });
  });

  it('returns an anonymous guest as a user with is_anonymous', async () => {
    const supabase = anonClient();
    const { data: guest, error: signInError } = await supabase.auth.signInAnonymously();
    expect(signInError).toBeNull();

    const { data, error } = await supabase.functions.invoke('whoami');
    expect(error).toBeNull();
    expect(data).toMatchObject({ mode: 'user', user: { id: guest.user!.id, is_anonymous: true } });
  });

  it('returns mode secret and no user for a server holding the secret key', async () => {
    const { data, error } = await adminClient().functions.invoke('whoami');
    expect(error).toBeNull();
    expect(data).toEqual({ mode: 'secret', user: null });
  });

  it('refuses a caller with only the publishable key and no session', async () => {
    expect(await invokeStatus(anonClient())).toBe(401);
  });

  it('refuses a request with no credentials at all', async () => {
    const res = await fetch(`${env.SUPABASE_URL}/functions/v1/whoami`, { method: 'POST' });
    expect(res.status).toBe(401);
    await res.body?.cancel();
  });

  it('answers 404 for a function that does not exist', async () => {
    const res = await fetch(`${env.SUPABASE_URL}/functions/v1/no-such-function`, { headers: { apikey: env.SUPABASE_SECRET_KEY } });
    expect(res.status).toBe(404);
    await res.body?.cancel();
  });
});
