// The dispute on one job, if any (there is at most one): its payer and performer see it, and admins.
// Anyone else (the referrer of a referral lead) reads null, as if there were none.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { Dispute } from '../refunds/refund-types.ts';

export const disputeQueryKey = (payableId: string) => ['disputes', 'for-payable', payableId] as const;

export function disputeQueryOptions(payableId: string) {
  return queryOptions({
    queryKey: disputeQueryKey(payableId),
    queryFn: async (): Promise<Dispute | null> => {
      const { data, error } = await supabase.from('disputes').select('*').eq('payable_id', payableId).maybeSingle();
      if (error) throw error;
      return data;
    },
  });
}
