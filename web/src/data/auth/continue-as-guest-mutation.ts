// A signed-out visitor who posts a job request continues as a guest: an anonymous Supabase session,
// a real (if nameless) user that owns what it posts. auth-sync picks up the new session like any
// sign-in. The guest keeps access from this browser; turning it into a full account comes later.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Session } from '@supabase/supabase-js';
import { supabase } from '../../lib/supabase.ts';
import { sessionQueryKey } from './session-query.ts';

export function useContinueAsGuestMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'guest'],
    mutationFn: async (): Promise<Session> => {
      const { data, error } = await supabase.auth.signInAnonymously();
      if (error) throw error;
      if (!data.session) throw new Error('signInAnonymously returned no session');
      return data.session;
    },
    onSuccess: (session) => queryClient.setQueryData(sessionQueryKey, session),
  });
}
