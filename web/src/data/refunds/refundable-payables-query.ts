// Paid jobs an admin may refund outside a dispute, newest payment first: paid (in escrow) or
// completed (on hold or released), with the job's title, the performer's name and what was
// refunded already. A fully refunded job is `refunded` and drops off the list; one with an open
// dispute or chargeback is listed, and refund_payable refuses it with a message.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { ExpertName, Payable } from '../leads/lead-types.ts';

export type RefundablePayable = Pick<Payable, 'id' | 'lead_id' | 'amount_cents' | 'currency' | 'refunded_cents' | 'status' | 'paid_at'> & {
  lead: { id: string; title: string } | null;
  performer: ExpertName | null;
};

export const REFUNDABLE_PAYABLES_SHOWN = 20;

export function refundablePayablesQueryOptions() {
  return queryOptions({
    queryKey: ['money', 'refundable-payables'],
    queryFn: async (): Promise<RefundablePayable[]> => {
      const { data, error } = await supabase
        .from('payables')
        .select(
          'id, lead_id, amount_cents, currency, refunded_cents, status, paid_at, lead:leads(id, title), performer:experts!payables_performer_expert_id_fkey(id, display_name)',
        )
        .in('status', ['paid', 'completed'])
        .order('paid_at', { ascending: false, nullsFirst: false })
        .order('id')
        .limit(REFUNDABLE_PAYABLES_SHOWN);
      if (error) throw error;
      return data;
    },
  });
}
