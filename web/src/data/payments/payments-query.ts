// The payer's checkout attempts for one payable, newest first: each Pay click that reached Checkout
// is one row (pending until Stripe's webhook settles it as paid or failed). RLS shows a payer only
// their own attempts; the lead owner of a referral lead, who does not pay, sees none.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { Payment } from './payment-types.ts';

export const paymentsQueryKey = (payableId: string) => ['payments', 'for-payable', payableId] as const;

export function paymentsQueryOptions(payableId: string) {
  return queryOptions({
    queryKey: paymentsQueryKey(payableId),
    queryFn: async (): Promise<Payment[]> => {
      const { data, error } = await supabase
        .from('payments')
        .select('*')
        .eq('payable_id', payableId)
        .order('created_at', { ascending: false })
        .order('id');
      if (error) throw error;
      return data;
    },
  });
}
