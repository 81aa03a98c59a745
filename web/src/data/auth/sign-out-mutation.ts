// Signs out of this browser only (scope "local"): other devices of the same user stay signed in.
// auth-sync clears the cache and re-runs guards, so a protected page sends the user to /sign-in.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { sessionQueryKey } from './session-query.ts';

export function useSignOutMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'sign-out'],
    mutationFn: async () => {
      const { error } = await supabase.auth.signOut({ scope: 'local' });
      if (error) throw error;
    },
    onSuccess: () => queryClient.setQueryData(sessionQueryKey, null),
  });
}
