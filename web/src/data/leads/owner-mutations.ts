// The lead owner's decisions: accept a proposal (accept_proposal: declines the others, assigns the
// lead, creates the payable and the winner's contact grant) and cancel the lead (cancel_lead).
// Both change everything on the lead page, so the whole lead is re-read.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { leadQueryKey } from './lead-query.ts';
import type { LeadStatus } from './lead-types.ts';

export function useAcceptProposalMutation(leadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['proposals', 'accept', leadId],
    mutationFn: async (proposalId: string): Promise<string> => {
      const { data, error } = await supabase.rpc('accept_proposal', { proposal_id: proposalId });
      if (error) throw error;
      return data;
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: leadQueryKey(leadId) }),
        queryClient.invalidateQueries({ queryKey: ['leads', 'mine'] }),
      ]),
  });
}

export function useCancelLeadMutation(leadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['leads', 'cancel', leadId],
    mutationFn: async (): Promise<LeadStatus> => {
      const { data, error } = await supabase.rpc('cancel_lead', { lead_id: leadId });
      if (error) throw error;
      return data;
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: leadQueryKey(leadId) }),
        queryClient.invalidateQueries({ queryKey: ['leads', 'mine'] }),
      ]),
  });
}
