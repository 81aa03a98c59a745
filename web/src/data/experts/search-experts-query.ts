// The public directory: search_experts returns approved experts only (a group slug includes its
// categories), and PostgREST embeds each one's categories in the same request.
import { queryOptions } from '@tanstack/react-query';
import type { DirectorySearch } from '../../lib/directory-search-schema.ts';
import { supabase } from '../../lib/supabase.ts';
import { EXPERT_WITH_CATEGORIES, type ExpertWithCategories } from './expert-types.ts';

export function searchExpertsQueryOptions(search: DirectorySearch) {
  return queryOptions({
    queryKey: ['experts', 'search', search],
    queryFn: async (): Promise<ExpertWithCategories[]> => {
      const { category, city, language } = search;
      const { data, error } = await supabase.rpc('search_experts', { category, city, language }).select(EXPERT_WITH_CATEGORIES);
      if (error) throw error;
      return data;
    },
  });
}
