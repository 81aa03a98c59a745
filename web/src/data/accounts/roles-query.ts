// The signed-in user's roles, for showing the right links and screens. It decides nothing on its
// own: every table and RPC checks the caller's role again in the database.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { Enums } from '../database.types.ts';

export type AppRole = Enums<'app_role'>;

export const rolesQueryKey = (userId: string) => ['accounts', 'roles', userId] as const;

export function rolesQueryOptions(userId: string) {
  return queryOptions({
    queryKey: rolesQueryKey(userId),
    queryFn: async (): Promise<AppRole[]> => {
      // Admins can read everyone's roles, so filter to this user explicitly.
      const { data, error } = await supabase.from('user_roles').select('role').eq('user_id', userId);
      if (error) throw error;
      return data.map((row) => row.role);
    },
  });
}
