// The admin review queue: pending applications, oldest first. RLS shows admins every expert; a
// non-admin would see at most their own application, so the page checks the role before using this.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { EXPERT_WITH_CATEGORIES, type ExpertWithCategories } from './expert-types.ts';

export const pendingApplicationsQueryKey = ['experts', 'pending'] as const;

export function pendingApplicationsQueryOptions() {
  return queryOptions({
    queryKey: pendingApplicationsQueryKey,
    queryFn: async (): Promise<ExpertWithCategories[]> => {
      const { data, error } = await supabase
        .from('experts')
        .select(EXPERT_WITH_CATEGORIES)
        .eq('status', 'pending')
        .order('submitted_at', { ascending: true })
        .order('id');
      if (error) throw error;
      return data;
    },
  });
}
