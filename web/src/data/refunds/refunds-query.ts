// Every refund of one job, oldest first: the payer's receipt lists them under the payment, the
// performer and the referrer see them beside their share. A refund is booked the moment it is
// decided and confirmed when Stripe's charge.refunded reaches the database a little later, so while
// any is still on its way the list is re-read every few seconds (for a few minutes at most: the
// refunds sweep retries a refund that could not be sent at once, and a reload shows it).
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { isRefundInFlight, type Refund } from './refund-types.ts';

export const REFUNDS_POLL_MS = 2_000;
/** About three minutes of polling, counted in reads. */
const REFUNDS_MAX_POLLS = 90;

export const refundsQueryKey = (payableId: string) => ['refunds', 'for-payable', payableId] as const;

export function refundsQueryOptions(payableId: string) {
  return queryOptions({
    queryKey: refundsQueryKey(payableId),
    queryFn: async (): Promise<Refund[]> => {
      const { data, error } = await supabase
        .from('refunds')
        .select('*')
        .eq('payable_id', payableId)
        .order('created_at', { ascending: true })
        .order('id');
      if (error) throw error;
      return data;
    },
    refetchInterval: (query) =>
      query.state.data?.some(isRefundInFlight) && query.state.dataUpdateCount < REFUNDS_MAX_POLLS ? REFUNDS_POLL_MS : false,
  });
}
