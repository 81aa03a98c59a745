// One payout batch for the admins' review (the `payout_batches` view), null when there is no such
// batch. Re-read every few seconds while it has been run and payouts are still moving.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { PAYOUTS_MAX_POLLS, PAYOUTS_POLL_MS } from './my-payouts-query.ts';
import { isBatchMoving } from './payout-batches-query.ts';
import type { PayoutBatch } from './payout-types.ts';

export const payoutBatchQueryKey = (batchId: string) => ['payouts', 'batch', batchId, 'summary'] as const;

export function payoutBatchQueryOptions(batchId: string) {
  return queryOptions({
    queryKey: payoutBatchQueryKey(batchId),
    queryFn: async (): Promise<PayoutBatch | null> => {
      const { data, error } = await supabase.from('payout_batches').select('*').eq('id', batchId).maybeSingle();
      if (error) throw error;
      return data;
    },
    refetchInterval: (query) =>
      query.state.data && isBatchMoving(query.state.data) && query.state.dataUpdateCount < PAYOUTS_MAX_POLLS ? PAYOUTS_POLL_MS : false,
  });
}
