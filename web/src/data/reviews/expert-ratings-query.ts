// Review count and average stars per expert (the public expert_ratings view), for several experts at
// once: the proposals on a lead, or one profile. Experts without reviews have no row.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { ExpertRating } from './review-types.ts';

export type RatingsByExpert = ReadonlyMap<string, ExpertRating>;

export function expertRatingsQueryOptions(expertIds: readonly string[]) {
  // Sorted and deduplicated, so the same experts in another order share one cache entry.
  const ids = [...new Set(expertIds)].sort();
  return queryOptions({
    queryKey: ['reviews', 'ratings', ids],
    queryFn: async (): Promise<RatingsByExpert> => {
      if (ids.length === 0) return new Map();
      const { data, error } = await supabase.from('expert_ratings').select('*').in('expert_id', ids);
      if (error) throw error;
      return new Map(data.map((rating) => [rating.expert_id, rating]));
    },
  });
}
