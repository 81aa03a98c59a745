// One lead's public part, as the caller may see it (RLS: the owner, approved experts for board
// leads, invited experts, experts who proposed, admins). Null when it does not exist or is hidden.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '../../lib/supabase.ts';
import { LEAD_WITH_REFERRER, type Lead } from './lead-types.ts';

const leadId = z.guid();

export const leadQueryKey = (id: string) => ['leads', 'detail', id] as const;

export function leadQueryOptions(id: string) {
  return queryOptions({
    queryKey: leadQueryKey(id),
    queryFn: async (): Promise<Lead | null> => {
      // A malformed id in the URL is simply not found; sent as is, the database would answer 400.
      if (!leadId.safeParse(id).success) return null;
      const { data, error } = await supabase.from('leads').select(LEAD_WITH_REFERRER).eq('id', id).maybeSingle();
      if (error) throw error;
      return data;
    },
  });
}
