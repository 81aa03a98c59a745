// The current session as a query: loaders and guards `ensureQueryData` it, components read it with
// `useSuspenseQuery`. auth-sync.ts keeps it current, so it never needs refetching on a timer.
import { queryOptions } from '@tanstack/react-query';
import type { Session } from '@supabase/supabase-js';
import { supabase } from '../../lib/supabase.ts';

export const sessionQueryKey = ['auth', 'session'] as const;

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: sessionQueryKey,
    // getSession reads the stored session (refreshing it if expired) without a network round trip
    // per navigation. It is for UI decisions only: the database enforces access with RLS.
    queryFn: async (): Promise<Session | null> => {
      const { data, error } = await supabase.auth.getSession();
      if (error) throw error;
      return data.session;
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
