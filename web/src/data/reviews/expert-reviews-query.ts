// An expert's reviews for their public profile, newest first. Public to everyone, like the profile.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { Review } from './review-types.ts';

/** The newest reviews shown on a profile; the summary counts all of them. */
export const PROFILE_REVIEWS_SHOWN = 20;

export function expertReviewsQueryOptions(expertId: string) {
  return queryOptions({
    queryKey: ['reviews', 'expert', expertId],
    queryFn: async (): Promise<Review[]> => {
      const { data, error } = await supabase
        .from('reviews')
        .select('*')
        .eq('expert_id', expertId)
        .order('created_at', { ascending: false })
        .order('id')
        .limit(PROFILE_REVIEWS_SHOWN);
      if (error) throw error;
      return data;
    },
  });
}
