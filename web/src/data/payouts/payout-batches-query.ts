// Payout batches for admins (the `payout_batches` view; RLS: admins only), newest period first, each
// with how many payouts it holds, how many are still moving and its totals per currency. While a
// batch that has been run still has payouts moving, the list is re-read every few seconds (for a
// few minutes at most).
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { PAYOUTS_MAX_POLLS, PAYOUTS_POLL_MS } from './my-payouts-query.ts';
import type { PayoutBatch } from './payout-types.ts';

/** The newest batches listed. */
export const PAYOUT_BATCHES_SHOWN = 20;

export const payoutBatchesQueryKey = ['payouts', 'batches'] as const;

/** Run, and not everything in it has settled yet. */
export function isBatchMoving(batch: Pick<PayoutBatch, 'executed_at' | 'in_progress'>): boolean {
  return batch.executed_at !== null && (batch.in_progress ?? 0) > 0;
}

export function payoutBatchesQueryOptions() {
  return queryOptions({
    queryKey: payoutBatchesQueryKey,
    queryFn: async (): Promise<PayoutBatch[]> => {
      const { data, error } = await supabase
        .from('payout_batches')
        .select('*')
        .order('period_end', { ascending: false })
        .order('id')
        .limit(PAYOUT_BATCHES_SHOWN);
      if (error) throw error;
      return data;
    },
    refetchInterval: (query) => (query.state.data?.some(isBatchMoving) && query.state.dataUpdateCount < PAYOUTS_MAX_POLLS ? PAYOUTS_POLL_MS : false),
  });
}
