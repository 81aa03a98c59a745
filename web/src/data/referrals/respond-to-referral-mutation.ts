// The invited expert accepts or declines an invitation (respond_to_referral). Accepting lets them
// see the lead and propose even when it is not on the board; declining hides it again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { ReferralStatus } from '../leads/lead-types.ts';

export interface RespondInput {
  referralId: string;
  accept: boolean;
}

export function useRespondToReferralMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['referrals', 'respond'],
    mutationFn: async ({ referralId, accept }: RespondInput): Promise<ReferralStatus> => {
      const { data, error } = await supabase.rpc('respond_to_referral', { referral_id: referralId, accept });
      if (error) throw error;
      return data;
    },
    // What the expert may see changed: their referrals, and any lead they had open.
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: ['referrals'] }), queryClient.invalidateQueries({ queryKey: ['leads'] })]),
  });
}
