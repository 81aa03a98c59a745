// The signed-in expert's payout account (the `payout_accounts` view; RLS shows an expert only their
// own): null until they first ask to connect, then what Stripe last told us in account.updated.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { PayoutAccount } from './payout-types.ts';

export const payoutAccountQueryKey = (expertId: string) => ['payouts', 'account', expertId] as const;

export function payoutAccountQueryOptions(expertId: string) {
  return queryOptions({
    queryKey: payoutAccountQueryKey(expertId),
    queryFn: async (): Promise<PayoutAccount | null> => {
      const { data, error } = await supabase.from('payout_accounts').select('*').eq('expert_id', expertId).maybeSingle();
      if (error) throw error;
      return data;
    },
  });
}
