// Posts a lead through create_lead: a customer's job request (consumer, always on the board) or an
// approved expert's referral lead (with a referrer share, on the board or private). Returns the id.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { ClientContact, ReferralBasics } from '../../forms/lead-schema.ts';
import type { LeadKind } from './lead-types.ts';

export type CreateLeadInput = Omit<ReferralBasics, 'budget'> &
  ClientContact & {
    kind: LeadKind;
    /** Minor units; null when the customer gave no budget. */
    budget: number | null;
    sharePercent?: number;
    visibility?: 'board' | 'private';
  };

export function useCreateLeadMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['leads', 'create'],
    mutationFn: async (input: CreateLeadInput): Promise<string> => {
      const { data, error } = await supabase.rpc('create_lead', {
        kind: input.kind,
        title: input.title,
        summary: input.summary,
        details: input.details,
        category: input.category,
        city: input.city,
        // create_lead reads null as "no budget given", but the generated Args type has no null for an
        // argument without a default (and leaving it out would not match the function at all).
        budget_cents: input.budget as number,
        currency: input.currency,
        client_name: input.clientName,
        client_phone: input.clientPhone,
        // Empty optional text is sent as '': create_lead stores it as null.
        client_email: input.clientEmail,
        client_address: input.clientAddress,
        ...(input.kind === 'referral' ? { referrer_share_percent: input.sharePercent ?? 0, visibility: input.visibility ?? 'board' } : {}),
      });
      if (error) throw error;
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['leads'] }),
  });
}
