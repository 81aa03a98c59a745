// The payer of a completed job rates its performer once (rate_performer): 1–5 stars, optional public
// text, and whether to show only their first name and the job's city. Every review list and rating
// summary is re-read, since the new review changes the expert's average.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReviewInput } from '../../forms/review-schema.ts';
import { supabase } from '../../lib/supabase.ts';

export function useRatePerformerMutation(leadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['reviews', 'rate', leadId],
    mutationFn: async ({ stars, body, firstNameAndCityOnly }: ReviewInput): Promise<string> => {
      const { data, error } = await supabase.rpc('rate_performer', {
        lead_id: leadId,
        stars,
        ...(body ? { body } : {}),
        first_name_and_city_only: firstNameAndCityOnly,
      });
      if (error) throw error;
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reviews'] }),
  });
}
