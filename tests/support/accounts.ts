// Signed-in supabase-js clients for integration tests: a brand-new user signed up through the real
// auth API, or one of the demo accounts supabase/seed.sql creates.
import type { SupabaseClient } from '@supabase/supabase-js';
import { DEMO_PASSWORD, demoUser, type DemoUser } from '../../stack/demo-users.ts';
import { anonClient, uniqueEmail } from './clients.ts';

export interface SignedIn {
  client: SupabaseClient;
  userId: string;
  email: string;
}

export const TEST_PASSWORD = 'correct-horse-battery';

export async function signUpUser(tag: string, displayName = 'Test User', locale = 'en'): Promise<SignedIn> {
  const client = anonClient();
  const email = uniqueEmail(tag);
  const { data, error } = await client.auth.signUp({ email, password: TEST_PASSWORD, options: { data: { display_name: displayName, locale } } });
  if (error || !data.session) throw new Error(`sign-up failed: ${error?.message ?? 'no session'}`);
  return { client, userId: data.user!.id, email };
}

export async function signInDemo(role: DemoUser['role']): Promise<SignedIn> {
  const client = anonClient();
  const { email, id } = demoUser(role);
  const { error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
  if (error) throw new Error(`demo sign-in as ${email} failed: ${error.message}`);
  return { client, userId: id, email };
}

/** A valid application; tests override what they are about. */
export function application(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    display_name: `Expert ${Math.random().toString(36).slice(2, 8)}`,
    bio: 'Fifteen years of residential work, insured and licensed.',
    categories: ['plumbing'],
    city: 'haifa',
    ...overrides,
  };
}
