// Approved experts for browser tests, made through the real API the way the app makes them: a new
// account signs up, applies with apply_as_expert, and the demo admin approves the application. The
// account's email and password are returned so a test can sign in as the expert in the browser.
import { application, signInDemo, signUpUser, TEST_PASSWORD } from './accounts.ts';

export interface TestExpert {
  email: string;
  password: string;
  userId: string;
  expertId: string;
  name: string;
}

export interface ExpertOptions {
  name: string;
  categories?: string[];
  city?: string;
  serviceRadiusKm?: number;
}

export async function createApprovedExpert({
  name,
  categories = ['plumbing'],
  city = 'tel-aviv',
  serviceRadiusKm = 30,
}: ExpertOptions): Promise<TestExpert> {
  const user = await signUpUser('browser-expert', name);
  const { data: expertId, error } = await user.client.rpc(
    'apply_as_expert',
    application({ display_name: name, categories, city, service_radius_km: serviceRadiusKm }),
  );
  if (error) throw new Error(`apply_as_expert for ${user.email} failed: ${error.message}`);
  const admin = await signInDemo('admin');
  const decision = await admin.client.rpc('decide_expert_application', { expert_id: expertId, approve: true });
  if (decision.error || decision.data !== 'approved') {
    throw new Error(`approving ${user.email} failed: ${decision.error?.message ?? String(decision.data)}`);
  }
  await Promise.all([user.client.auth.signOut({ scope: 'local' }), admin.client.auth.signOut({ scope: 'local' })]);
  return { email: user.email, password: TEST_PASSWORD, userId: user.userId, expertId: expertId as string, name };
}
