// An admin resolves a dispute (resolve_dispute, audited): release the money to the experts, or
// refund the payer an amount (what is not refunded is released at once). A refund is then pushed to
// Stripe. Everything showing the job's money is re-read.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import { pushRefunds, type PushOutcome } from '../refunds/push-refunds.ts';
import { refreshAfterMoneyDecision } from '../refunds/refresh-after-refund.ts';

export type ResolveDisputeInput =
  | { disputeId: string; payableId: string; outcome: 'release'; note: string | null }
  | { disputeId: string; payableId: string; outcome: 'refund'; refundCents: number; note: string | null };

export function useResolveDisputeMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['disputes', 'resolve'],
    mutationFn: async (input: ResolveDisputeInput): Promise<PushOutcome | null> => {
      const { error } = await supabase.rpc('resolve_dispute', {
        dispute_id: input.disputeId,
        outcome: input.outcome,
        ...(input.outcome === 'refund' ? { refund_cents: input.refundCents } : {}),
        ...(input.note ? { note: input.note } : {}),
      });
      if (error) throw error;
      return input.outcome === 'refund' ? pushRefunds(input.payableId) : null;
    },
    // Not awaited: TanStack Query would hold the caller's onSuccess until the lists are re-read, and
    // by then the card that called may be gone (a resolved dispute leaves the open list), so the
    // admin's notice would be lost.
    onSettled: () => {
      void refreshAfterMoneyDecision(queryClient);
    },
  });
}
