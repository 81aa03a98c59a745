// The fee policy in force: the newest version whose effective_from has passed (as
// private.current_fee_policy_version picks it). The referral form reads the share limit and the
// platform rate from it rather than repeating the numbers in code.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { Tables } from '../database.types.ts';

export type FeePolicy = Tables<'fee_policies'>;

export function feePolicyQueryOptions() {
  return queryOptions({
    queryKey: ['fee-policy', 'current'],
    queryFn: async (): Promise<FeePolicy | null> => {
      const { data, error } = await supabase
        .from('fee_policies')
        .select('*')
        .lte('effective_from', new Date().toISOString())
        .order('version', { ascending: false })
        .limit(1)
        .maybeSingle();
      if (error) throw error;
      return data;
    },
  });
}
