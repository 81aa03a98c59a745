// Approved experts' public names and cities, for choosing whom to invite to a referral lead.
// Experts' public profiles are public; only approved ones can be invited (refer_lead checks too).
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';

export interface ExpertChoice {
  id: string;
  display_name: string;
  city: string;
}

export function approvedExpertsQueryOptions() {
  return queryOptions({
    queryKey: ['experts', 'approved-names'],
    queryFn: async (): Promise<ExpertChoice[]> => {
      const { data, error } = await supabase
        .from('experts')
        .select('id, display_name, city')
        .eq('status', 'approved')
        .order('display_name')
        .order('id');
      if (error) throw error;
      return data;
    },
  });
}
