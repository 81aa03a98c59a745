// The lead owner's decisions: accept a proposal (accept_proposal: declines the others, assigns the
// lead, creates the payable and the winner's contact grant) and cancel the lead (cancel_lead). A
// lead cancelled after payment (before the work is marked done) refunds the payer in full: the
// refund is booked by cancel_lead and then pushed to Stripe. Both change everything on the lead
// page, so the whole lead is re-read (and, after a refund, the money around it).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { pushRefunds } from '../refunds/push-refunds.ts';
import { refreshAfterMoneyDecision } from '../refunds/refresh-after-refund.ts';
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

/** `refundsPayableId`: the paid job's payable, whose full refund the cancellation pushes to Stripe. */
export function useCancelLeadMutation(leadId: string, refundsPayableId: string | null = null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['leads', 'cancel', leadId],
    mutationFn: async (): Promise<LeadStatus> => {
      const { data, error } = await supabase.rpc('cancel_lead', { lead_id: leadId });
      if (error) throw error;
      if (refundsPayableId) await pushRefunds(refundsPayableId);
      return data;
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: leadQueryKey(leadId) }),
        queryClient.invalidateQueries({ queryKey: ['leads', 'mine'] }),
        ...(refundsPayableId ? [refreshAfterMoneyDecision(queryClient)] : []),
      ]),
  });
}
