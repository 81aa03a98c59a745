// The payer or the performer opens a dispute on a job (open_dispute), from payment until the hold
// ends. It freezes the job's money, so the job's state is re-read with the dispute.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { DisputeReason } from '../refunds/refund-types.ts';

export interface OpenDisputeInput {
  reason: DisputeReason;
  message: string;
}

export function useOpenDisputeMutation(payableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['disputes', 'open', payableId],
    mutationFn: async ({ reason, message }: OpenDisputeInput): Promise<string> => {
      const { data, error } = await supabase.rpc('open_dispute', { payable_id: payableId, reason, message });
      if (error) throw error;
      return data;
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['disputes'] }),
        queryClient.invalidateQueries({ queryKey: ['payables'] }),
        queryClient.invalidateQueries({ queryKey: ['leads', 'detail'] }),
      ]),
  });
}
