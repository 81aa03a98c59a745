// An expert's own proposal on a lead: submit, update, withdraw. Each re-reads the expert's
// proposals and the lead (its proposal count changes).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProposalInput } from '../../forms/proposal-schema.ts';
import { supabase } from '../../lib/supabase.ts';
import { leadQueryKey } from './lead-query.ts';

function useInvalidateLead(leadId: string) {
  const queryClient = useQueryClient();
  // The lead's key prefixes its proposals and payable, so one call refreshes the whole page.
  return () => queryClient.invalidateQueries({ queryKey: leadQueryKey(leadId) });
}

export function useSubmitProposalMutation(leadId: string) {
  const invalidate = useInvalidateLead(leadId);
  return useMutation({
    mutationKey: ['proposals', 'submit', leadId],
    mutationFn: async ({ price, message, proposedDate }: ProposalInput): Promise<string> => {
      const { data, error } = await supabase.rpc('submit_proposal', {
        lead_id: leadId,
        price_cents: price,
        message,
        ...(proposedDate ? { proposed_date: proposedDate } : {}),
      });
      if (error) throw error;
      return data;
    },
    onSuccess: invalidate,
  });
}

export function useUpdateProposalMutation(leadId: string, proposalId: string) {
  const invalidate = useInvalidateLead(leadId);
  return useMutation({
    mutationKey: ['proposals', 'update', proposalId],
    mutationFn: async ({ price, message, proposedDate }: ProposalInput): Promise<string> => {
      // update_proposal keeps a saved date when none is sent: a date can be changed, not removed.
      const { data, error } = await supabase.rpc('update_proposal', {
        proposal_id: proposalId,
        price_cents: price,
        message,
        ...(proposedDate ? { proposed_date: proposedDate } : {}),
      });
      if (error) throw error;
      return data;
    },
    onSuccess: invalidate,
  });
}

export function useWithdrawProposalMutation(leadId: string, proposalId: string) {
  const invalidate = useInvalidateLead(leadId);
  return useMutation({
    mutationKey: ['proposals', 'withdraw', proposalId],
    mutationFn: async (): Promise<void> => {
      const { error } = await supabase.rpc('withdraw_proposal', { proposal_id: proposalId });
      if (error) throw error;
    },
    onSuccess: invalidate,
  });
}
