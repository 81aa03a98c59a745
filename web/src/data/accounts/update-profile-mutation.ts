// Saves the editable profile columns (the only ones the API role may update) and puts the saved
// row straight into the cache, so the form shows what the database now holds.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { profileQueryKey, type Profile } from './profile-query.ts';

export interface UpdateProfileInput {
  userId: string;
  displayName: string;
  locale: 'en' | 'he';
  avatarUrl: string | null;
}

export function useUpdateProfileMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['accounts', 'update-profile'],
    mutationFn: async ({ userId, displayName, locale, avatarUrl }: UpdateProfileInput): Promise<Profile> => {
      const { data, error } = await supabase
        .from('profiles')
        .update({ display_name: displayName, locale, avatar_url: avatarUrl })
        .eq('id', userId)
        .select()
        .single();
      if (error) throw error;
      return data;
    },
    onSuccess: (profile) => queryClient.setQueryData(profileQueryKey(profile.id), profile),
  });
}
