// A supabase-js client signed in as a test expert made by createApprovedExpert, for the setup a
// browser test does through the API (posting a lead, proposing) before it turns to the browser.
import type { SignedIn } from './accounts.ts';
import { anonClient } from './clients.ts';
import type { TestExpert } from './experts.ts';

export async function signInExpert(expert: TestExpert): Promise<SignedIn> {
  const client = anonClient();
  const { error } = await client.auth.signInWithPassword({ email: expert.email, password: expert.password });
  if (error) throw new Error(`sign-in as ${expert.email} failed: ${error.message}`);
  return { client, userId: expert.userId, email: expert.email };
}
