// The demo logins supabase/seed.sql creates, for the runner's summary and for tests that sign in
// as them. The seed is the source of truth; a test fails if the two disagree.
export interface DemoUser {
  id: string;
  email: string;
  role: 'admin' | 'expert' | 'applicant' | 'customer';
}

export const DEMO_PASSWORD = 'demo-password';

export const DEMO_USERS: DemoUser[] = [
  { id: '00000000-0000-4000-a000-000000000001', email: 'admin@example.com', role: 'admin' },
  { id: '00000000-0000-4000-a000-000000000002', email: 'expert1@example.com', role: 'expert' },
  { id: '00000000-0000-4000-a000-000000000003', email: 'expert2@example.com', role: 'expert' },
  { id: '00000000-0000-4000-a000-000000000004', email: 'applicant@example.com', role: 'applicant' },
  { id: '00000000-0000-4000-a000-000000000005', email: 'customer@example.com', role: 'customer' },
];

export function demoUser(role: DemoUser['role']): DemoUser {
  return DEMO_USERS.find((u) => u.role === role)!;
}
