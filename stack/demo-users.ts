// Demo logins for `npm start`. Created through the auth service's admin API with the secret key,
// as a production seed script would, because on hosted Supabase `postgres` cannot write auth.users.
// supabase/seed.sql then builds demo data on these ids.
export interface DemoUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
}

export const DEMO_PASSWORD = 'guildhall-demo';

export const DEMO_USERS: DemoUser[] = [
  { id: '00000000-0000-4000-a000-000000000001', email: 'admin@guildhall.test', password: DEMO_PASSWORD, displayName: 'Dana Admin' },
  { id: '00000000-0000-4000-a000-000000000002', email: 'customer@guildhall.test', password: DEMO_PASSWORD, displayName: 'Noa Customer' },
  { id: '00000000-0000-4000-a000-000000000003', email: 'expert@guildhall.test', password: DEMO_PASSWORD, displayName: 'Avi Expert' },
];

export async function createDemoUsers(apiUrl: string, secretKey: string): Promise<void> {
  for (const user of DEMO_USERS) {
    const res = await fetch(`${apiUrl}/auth/v1/admin/users`, {
      method: 'POST',
      headers: { apikey: secretKey, authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: user.id,
        email: user.email,
        password: user.password,
        email_confirm: true,
        user_metadata: { display_name: user.displayName },
      }),
    });
    // 422: already there (a second start on the same data).
    if (!res.ok && res.status !== 422) throw new Error(`Creating demo user ${user.email} failed: ${res.status} ${await res.text()}`);
    await res.body?.cancel();
  }
}
