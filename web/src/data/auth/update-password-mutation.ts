// Sets a new password for the signed-in user: after a recovery link, or from a signed-in session.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { sessionQueryKey } from './session-query.ts';

export interface UpdatePasswordInput {
  password: string;
}

export function useUpdatePasswordMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'update-password'],
    mutationFn: async ({ password }: UpdatePasswordInput) => {
      const { data, error } = await supabase.auth.updateUser({ password });
      if (error) throw error;
      return data.user;
    },
    // The session's user object is now stale (updated_at etc.); re-read it from storage.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
  });
}
