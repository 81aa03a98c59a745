// The signed-in user's own leads, newest first. `is_mine` is the view's stand-in for the owner id,
// which the view never shows; RLS would also show an expert the board's leads, hence the filter.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { LeadRow } from './lead-types.ts';

export const myLeadsQueryKey = (userId: string) => ['leads', 'mine', userId] as const;

export function myLeadsQueryOptions(userId: string) {
  return queryOptions({
    queryKey: myLeadsQueryKey(userId),
    queryFn: async (): Promise<LeadRow[]> => {
      const { data, error } = await supabase
        .from('leads')
        .select('*')
        .eq('is_mine', true)
        .order('created_at', { ascending: false })
        .order('id', { ascending: false });
      if (error) throw error;
      return data;
    },
  });
}
