// An admin releases a completed job's hold before it ends (release_hold_early, audited): the
// experts' shares move from pending to available at once. The positions are re-read afterwards.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';

export function useReleaseHoldMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['money', 'release-hold'],
    mutationFn: async (payableId: string): Promise<void> => {
      const { error } = await supabase.rpc('release_hold_early', { payable_id: payableId });
      if (error) throw error;
    },
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['money'] }), queryClient.invalidateQueries({ queryKey: ['wallet'] })]),
  });
}
