// After payment: the performing expert marks the work done (mark_job_done, lead paid → done), then
// the payer confirms it (confirm_job_done, done → completed), which moves the experts' shares from
// escrow to the hold. Both change the lead, the payable and wallets, so all of those are re-read.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { leadQueryKey } from '../leads/lead-query.ts';
import type { LeadStatus } from '../leads/lead-types.ts';

function refreshAfterCompletionStep(queryClient: QueryClient, leadId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: leadQueryKey(leadId) }),
    queryClient.invalidateQueries({ queryKey: ['leads', 'mine'] }),
    queryClient.invalidateQueries({ queryKey: ['payables'] }),
    queryClient.invalidateQueries({ queryKey: ['wallet'] }),
  ]);
}

export function useMarkJobDoneMutation(leadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['leads', 'mark-done', leadId],
    mutationFn: async (): Promise<LeadStatus> => {
      const { data, error } = await supabase.rpc('mark_job_done', { lead_id: leadId });
      if (error) throw error;
      return data;
    },
    onSuccess: () => refreshAfterCompletionStep(queryClient, leadId),
  });
}

export function useConfirmJobDoneMutation(leadId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['leads', 'confirm-done', leadId],
    mutationFn: async (): Promise<LeadStatus> => {
      const { data, error } = await supabase.rpc('confirm_job_done', { lead_id: leadId });
      if (error) throw error;
      return data;
    },
    onSuccess: () => refreshAfterCompletionStep(queryClient, leadId),
  });
}
