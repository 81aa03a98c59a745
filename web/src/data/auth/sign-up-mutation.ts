// Creates an account. With email confirmation off (local stack) the answer carries a session and the
// user is signed in at once; with it on there is no session yet and the form asks them to check email.
// The metadata seeds the new profile (a database trigger reads display_name and locale from it).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../../i18n/locale.ts';
import { supabase } from '../../lib/supabase.ts';
import { sessionQueryKey } from './session-query.ts';

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
}

export function useSignUpMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'sign-up'],
    mutationFn: async ({ email, password, displayName, locale }: SignUpInput) => {
      const { data, error } = await supabase.auth.signUp({
        email,
        password,
        options: {
          emailRedirectTo: `${window.location.origin}/account`,
          data: { display_name: displayName, locale },
        },
      });
      if (error) throw error;
      return { session: data.session, needsConfirmation: data.session === null };
    },
    onSuccess: ({ session }) => {
      if (session) queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}
