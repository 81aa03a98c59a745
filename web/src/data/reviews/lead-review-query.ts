// The review of one job, if its payer has rated it: a job is rated once, so the rating form gives
// way to the review once this exists.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { Review } from './review-types.ts';

export function leadReviewQueryOptions(leadId: string) {
  return queryOptions({
    queryKey: ['reviews', 'lead', leadId],
    queryFn: async (): Promise<Review | null> => {
      const { data, error } = await supabase.from('reviews').select('*').eq('lead_id', leadId).maybeSingle();
      if (error) throw error;
      return data;
    },
  });
}
