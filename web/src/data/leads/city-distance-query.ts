// The distance between two city centres (the expert's base city and the lead's city), as the lead
// board measures it. Reference data written by migrations, so it never goes stale in a session.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';

export function cityDistanceQueryOptions(fromCity: string, toCity: string) {
  return queryOptions({
    queryKey: ['reference', 'distance', fromCity, toCity],
    queryFn: async (): Promise<number | null> => {
      const { data, error } = await supabase.from('city_distances').select('km').eq('from_city', fromCity).eq('to_city', toCity).maybeSingle();
      if (error) throw error;
      return data?.km ?? null;
    },
    staleTime: Infinity,
  });
}
