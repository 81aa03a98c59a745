// The signed-in user's own profile row (RLS lets a user read only their own; admins read all,
// hence the explicit id filter). The sign-up trigger creates it, so it always exists.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { Tables } from '../database.types.ts';

export type Profile = Tables<'profiles'>;

export const profileQueryKey = (userId: string) => ['accounts', 'profile', userId] as const;

export function profileQueryOptions(userId: string) {
  return queryOptions({
    queryKey: profileQueryKey(userId),
    queryFn: async (): Promise<Profile> => {
      const { data, error } = await supabase.from('profiles').select('*').eq('id', userId).single();
      if (error) throw error;
      return data;
    },
  });
}
