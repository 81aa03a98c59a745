// Categories, cities and languages: small tables written only by migrations, so one fetch per
// page load is enough. Every expert screen needs all three to show names instead of slugs.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { Tables } from '../database.types.ts';

export type Category = Tables<'categories'>;
export type City = Tables<'cities'>;
export type Language = Tables<'languages'>;

export interface ReferenceData {
  categories: Category[];
  cities: City[];
  languages: Language[];
}

export function referenceDataQueryOptions() {
  return queryOptions({
    queryKey: ['reference'],
    queryFn: async (): Promise<ReferenceData> => {
      const [categories, cities, languages] = await Promise.all([
        supabase.from('categories').select('*').order('sort_order').order('slug'),
        supabase.from('cities').select('*').order('sort_order').order('slug'),
        supabase.from('languages').select('*').order('sort_order').order('code'),
      ]);
      if (categories.error) throw categories.error;
      if (cities.error) throw cities.error;
      if (languages.error) throw languages.error;
      return { categories: categories.data, cities: cities.data, languages: languages.data };
    },
    staleTime: Infinity,
  });
}
