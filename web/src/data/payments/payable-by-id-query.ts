// One payable by its id, with the performing and referring experts' public names: what the pay-link
// page shows its client, who reaches the payable through the link rather than through a lead.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { PAYABLE_WITH_PARTIES, type PayableWithParties } from './payment-types.ts';

export const payableByIdQueryKey = (payableId: string) => ['payables', payableId] as const;

export function payableByIdQueryOptions(payableId: string) {
  return queryOptions({
    queryKey: payableByIdQueryKey(payableId),
    queryFn: async (): Promise<PayableWithParties | null> => {
      const { data, error } = await supabase.from('payables').select(PAYABLE_WITH_PARTIES).eq('id', payableId).maybeSingle();
      if (error) throw error;
      return data;
    },
  });
}
