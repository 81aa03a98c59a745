// Creates or updates the caller's application through apply_as_expert (a rejected one goes back
// to pending). Resolves only after the application is re-read, so the form can show its new status.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExpertApplication } from '../../forms/expert-application-schema.ts';
import { supabase } from '../../lib/supabase.ts';
import { myApplicationQueryKey } from './my-application-query.ts';

export function useApplyAsExpertMutation(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['experts', 'apply'],
    mutationFn: async (application: ExpertApplication): Promise<string> => {
      const { data, error } = await supabase.rpc('apply_as_expert', {
        display_name: application.displayName,
        headline: application.headline,
        bio: application.bio,
        categories: application.categories,
        specialties: application.specialties,
        languages: application.languages,
        city: application.city,
        service_radius_km: application.serviceRadiusKm,
        // Omitted, not null, when empty: the generated Args type has no null, and the RPC defaults it to null.
        hourly_rate: application.hourlyRate ?? undefined,
        currency: application.currency,
      });
      if (error) throw error;
      return data;
    },
    onSuccess: async () => {
      // An approved expert's changes are live at once, so directory pages are stale too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: myApplicationQueryKey(userId) }),
        queryClient.invalidateQueries({ queryKey: ['experts', 'search'] }),
        queryClient.invalidateQueries({ queryKey: ['experts', 'detail'] }),
      ]);
    },
  });
}
