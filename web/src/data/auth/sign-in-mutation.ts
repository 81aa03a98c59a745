// Email + password sign-in. On success the session lands in the cache (here and via auth-sync),
// and the router's guard on /sign-in moves the user on to where they were headed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { sessionQueryKey } from './session-query.ts';

export interface SignInInput {
  email: string;
  password: string;
}

export function useSignInMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'sign-in'],
    mutationFn: async ({ email, password }: SignInInput) => {
      const { data, error } = await supabase.auth.signInWithPassword({ email, password });
      if (error) throw error;
      return data.session;
    },
    onSuccess: (session) => queryClient.setQueryData(sessionQueryKey, session),
  });
}
