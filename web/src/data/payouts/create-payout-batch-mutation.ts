// An admin creates the payout batch for a period that has ended (create_payout_batch, audited): each
// ready expert's available balance as of the period's end, less what they owe, set aside to be sent.
// The database refuses a period that has not ended (on its money clock) or one that has a batch
// already, with a sentence the screen translates. Batches, wallets and positions are re-read.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';

export function useCreatePayoutBatchMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['payouts', 'create-batch'],
    mutationFn: async (periodEnd: string): Promise<string> => {
      const { data, error } = await supabase.rpc('create_payout_batch', { period_end: periodEnd });
      if (error) throw error;
      return data;
    },
    onSettled: () => Promise.all([['payouts'], ['money'], ['wallet']].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
