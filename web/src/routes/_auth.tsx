// Guard for every route under _auth/: without a session, go to /sign-in and come back afterwards.
// It re-runs on each navigation and whenever auth-sync invalidates the router (e.g. after sign-out).
import { createFileRoute, redirect } from '@tanstack/react-router';
import { sessionQueryOptions } from '../data/auth/session-query.ts';

export const Route = createFileRoute('/_auth')({
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions());
    if (!session) {
      throw redirect({ to: '/sign-in', search: { redirect: location.href }, replace: true });
    }
    return { session };
  },
});
