// The signed-in expert's payouts, newest first (the `payouts` view; RLS: their own), each with its
// transfer id, state and what was netted from it. While any is still moving (pending or
// transferred: Stripe's payout.paid has not arrived yet) the list is re-read every few seconds, for
// a few minutes at most; a reload shows anything later.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { isPayoutInFlight, type Payout } from './payout-types.ts';

export const PAYOUTS_POLL_MS = 2_000;
/** About three minutes of polling, counted in reads. */
export const PAYOUTS_MAX_POLLS = 90;
/** The newest payouts shown in the wallet. */
export const MY_PAYOUTS_SHOWN = 50;

export const myPayoutsQueryKey = (expertId: string) => ['payouts', 'mine', expertId] as const;

export function myPayoutsQueryOptions(expertId: string) {
  return queryOptions({
    queryKey: myPayoutsQueryKey(expertId),
    queryFn: async (): Promise<Payout[]> => {
      const { data, error } = await supabase
        .from('payouts')
        .select('*')
        .eq('expert_id', expertId)
        .order('created_at', { ascending: false })
        .order('id')
        .limit(MY_PAYOUTS_SHOWN);
      if (error) throw error;
      return data;
    },
    refetchInterval: (query) =>
      query.state.data?.some(isPayoutInFlight) && query.state.dataUpdateCount < PAYOUTS_MAX_POLLS ? PAYOUTS_POLL_MS : false,
  });
}
