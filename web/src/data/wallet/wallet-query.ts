// The signed-in expert's wallet (my_wallet): per currency, what is in escrow (paid, work not yet
// confirmed), pending (confirmed, waiting out the hold) and available (may be paid out). The
// database derives each from the ledger; nothing here adds anything up.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { Database } from '../database.types.ts';

export type WalletBalance = Database['public']['Functions']['my_wallet']['Returns'][number];

export const walletQueryKey = (expertId: string) => ['wallet', expertId, 'balances'] as const;

export function walletQueryOptions(expertId: string) {
  return queryOptions({
    queryKey: walletQueryKey(expertId),
    queryFn: async (): Promise<WalletBalance[]> => {
      const { data, error } = await supabase.rpc('my_wallet');
      if (error) throw error;
      return data;
    },
  });
}
