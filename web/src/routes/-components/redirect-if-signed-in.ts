// beforeLoad for /sign-in and /sign-up: a signed-in visitor goes straight to where they were headed.
// Because auth-sync re-runs guards when a user signs in, this is also what moves a user on after a
// successful sign-in or sign-up: the forms themselves never navigate.
import { redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { sessionQueryOptions } from '../../data/auth/session-query.ts';
import { DEFAULT_SIGNED_IN_PATH, type AuthSearch } from '../../lib/redirect-schema.ts';

export async function redirectIfSignedIn({ context, search }: { context: { queryClient: QueryClient }; search: AuthSearch }) {
  const session = await context.queryClient.ensureQueryData(sessionQueryOptions());
  if (session) throw redirect({ href: search.redirect ?? DEFAULT_SIGNED_IN_PATH, replace: true });
}
