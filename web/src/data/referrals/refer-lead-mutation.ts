// The owner of a referral lead invites a chosen expert (refer_lead). The invitation list and the
// owner's sent referrals are re-read afterwards.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { leadReferralsQueryKey } from './lead-referrals-query.ts';

export function useReferLeadMutation(leadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['referrals', 'refer', leadId],
    mutationFn: async (expertId: string): Promise<string> => {
      const { data, error } = await supabase.rpc('refer_lead', { lead_id: leadId, expert_id: expertId });
      if (error) throw error;
      return data;
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: leadReferralsQueryKey(leadId) }),
        queryClient.invalidateQueries({ queryKey: ['referrals'] }),
      ]),
  });
}
