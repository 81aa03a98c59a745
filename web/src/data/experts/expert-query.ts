// One public expert profile. Only approved experts are public: the status filter also keeps an
// applicant's own pending row (which RLS lets them read) off the public page.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '../../lib/supabase.ts';
import { EXPERT_WITH_CATEGORIES, type ExpertWithCategories } from './expert-types.ts';

const expertId = z.guid();

export function expertQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['experts', 'detail', id],
    queryFn: async (): Promise<ExpertWithCategories | null> => {
      // A malformed id in the URL is simply not found; sent as is, the database would answer 400.
      if (!expertId.safeParse(id).success) return null;
      const { data, error } = await supabase.from('experts').select(EXPERT_WITH_CATEGORIES).eq('id', id).eq('status', 'approved').maybeSingle();
      if (error) throw error;
      return data;
    },
  });
}
