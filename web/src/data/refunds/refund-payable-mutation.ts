// An admin refunds a paid job outside a dispute (refund_payable, audited; the note is shown to both
// parties), then pushes it to Stripe. The job's money, the lists and wallets are re-read.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { pushRefunds, type PushOutcome } from './push-refunds.ts';
import { refreshAfterMoneyDecision } from './refresh-after-refund.ts';

export interface RefundPayableInput {
  payableId: string;
  amountCents: number;
  note: string;
}

export function useRefundPayableMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['refunds', 'refund-payable'],
    mutationFn: async ({ payableId, amountCents, note }: RefundPayableInput): Promise<PushOutcome> => {
      const { error } = await supabase.rpc('refund_payable', { payable_id: payableId, amount_cents: amountCents, note });
      if (error) throw error;
      return pushRefunds(payableId);
    },
    // Not awaited: TanStack Query would hold the caller's onSuccess until the lists are re-read, and
    // by then the card that called may be gone (a resolved dispute leaves the open list), so the
    // admin's notice would be lost.
    onSettled: () => {
      void refreshAfterMoneyDecision(queryClient);
    },
  });
}
