// The platform's money per currency, for admins (admin_money_positions, which refuses anyone else):
// commission earned, Stripe's processing fees and the net; what is held in escrow for paid jobs
// (the platform's commission and the experts' shares), what waits out the hold, what experts may be
// paid out, and what Stripe holds for us. All from the ledger.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { Database } from '../database.types.ts';

export type MoneyPosition = Database['public']['Functions']['admin_money_positions']['Returns'][number];

export function moneyPositionsQueryOptions() {
  return queryOptions({
    queryKey: ['money', 'positions'],
    queryFn: async (): Promise<MoneyPosition[]> => {
      const { data, error } = await supabase.rpc('admin_money_positions');
      if (error) throw error;
      return data;
    },
  });
}
