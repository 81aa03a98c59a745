// Mirrors supabase-js auth events into the query cache, and tells the router when the signed-in
// user changes so guards re-run: sign-in/up pages leave, protected pages send visitors to /sign-in.
// This is the single place that reacts to auth changes, including ones from other tabs.
import type { QueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { sessionQueryKey } from './session-query.ts';

export function subscribeToAuthChanges(queryClient: QueryClient, onUserChanged: () => void): () => void {
  let userId = queryClient.getQueryData<{ user: { id: string } } | null>(sessionQueryKey)?.user.id;
  const { data } = supabase.auth.onAuthStateChange((event, session) => {
    // Keep this callback synchronous: awaiting other supabase calls inside it can deadlock the client.
    queryClient.setQueryData(sessionQueryKey, session);
    const nextUserId = session?.user.id;
    if (event === 'SIGNED_OUT') {
      // Nothing cached for the previous user may be shown to whoever signs in next.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    }
    const userChanged = nextUserId !== userId;
    userId = nextUserId;
    // INITIAL_SESSION only reports what the root loader already read: no navigation is needed.
    if (event !== 'INITIAL_SESSION' && userChanged) onUserChanged();
  });
  return () => data.subscription.unsubscribe();
}
