// supabase-js clients for integration tests, as an app would create them: the publishable key for
// users, the secret key for admin work. Node 20 has no global WebSocket, so realtime gets `ws`.
import { randomBytes } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { stackEnv } from './env.ts';

type Transport = NonNullable<NonNullable<Parameters<typeof createClient>[2]>['realtime']>['transport'];

/** A client for any key (e.g. the legacy anon/service_role JWTs), optionally with extra headers. */
export function stackClient(key: string, headers?: Record<string, string>): SupabaseClient {
  return createClient(stackEnv().SUPABASE_URL, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as unknown as Transport },
    global: headers ? { headers } : undefined,
  });
}

/** A browser-like client: publishable key, no stored session. */
export const anonClient = (): SupabaseClient => stackClient(stackEnv().SUPABASE_PUBLISHABLE_KEY);

/** A server-side client with the secret key (service_role): auth.admin.* works. */
export const adminClient = (): SupabaseClient => stackClient(stackEnv().SUPABASE_SECRET_KEY);

/** An address no other test (or earlier run) has used. */
export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}@guildhall.test`;
}
