// One batch's payouts for an admin's review, in the order the payouts function sends them, each with
// the expert's display name (the public `experts` view, through the payout's expert foreign key).
// While any is still moving, the list is re-read every few seconds (for a few minutes at most).
// `fetchAllBatchPayouts` reads every payout of a batch, page by page, for the CSV export.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { ExpertName } from '../leads/lead-types.ts';
import { PAYOUTS_MAX_POLLS, PAYOUTS_POLL_MS } from './my-payouts-query.ts';
import { fetchAllPages } from './fetch-all-pages.ts';
import { isPayoutInFlight, type Payout } from './payout-types.ts';

export type BatchPayout = Payout & { expert: ExpertName | null };

/** Payouts listed on the review screen; the CSV export has them all. */
export const BATCH_PAYOUTS_SHOWN = 200;

const BATCH_PAYOUT = '*, expert:experts!payouts_expert_id_fkey(id, display_name)' as const;

export const batchPayoutsQueryKey = (batchId: string) => ['payouts', 'batch', batchId] as const;

function batchPayouts(batchId: string) {
  return supabase.from('payouts').select(BATCH_PAYOUT).eq('batch_id', batchId).order('created_at').order('id');
}

export function batchPayoutsQueryOptions(batchId: string) {
  return queryOptions({
    queryKey: batchPayoutsQueryKey(batchId),
    queryFn: async (): Promise<BatchPayout[]> => {
      const { data, error } = await batchPayouts(batchId).limit(BATCH_PAYOUTS_SHOWN);
      if (error) throw error;
      return data;
    },
    refetchInterval: (query) =>
      query.state.data?.some(isPayoutInFlight) && query.state.dataUpdateCount < PAYOUTS_MAX_POLLS ? PAYOUTS_POLL_MS : false,
  });
}

/** Every payout of the batch, however many (the API answers at most 1,000 rows a request). */
export function fetchAllBatchPayouts(batchId: string): Promise<BatchPayout[]> {
  return fetchAllPages(async (from, to) => {
    const { data, error } = await batchPayouts(batchId).range(from, to);
    if (error) throw error;
    return data;
  });
}
