// Sends the recovery email. The link returns to /reset-password, where supabase-js picks the session
// out of the URL fragment. The reply never reveals whether the address has an account.
import { useMutation } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';

export interface RequestPasswordResetInput {
  email: string;
}

export function useRequestPasswordResetMutation() {
  return useMutation({
    mutationKey: ['auth', 'request-password-reset'],
    mutationFn: async ({ email }: RequestPasswordResetInput) => {
      const { error } = await supabase.auth.resetPasswordForEmail(email, {
        redirectTo: `${window.location.origin}/reset-password`,
      });
      if (error) throw error;
    },
  });
}
