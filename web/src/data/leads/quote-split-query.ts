// The live commission quote: how an amount splits between the platform, the referrer and the
// performer under the current policy (quote_lead_split). Amounts in minor units; the database does
// the rounding, so the quote is exactly what a payable would be.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { LeadKind } from './lead-types.ts';

export interface QuoteInput {
  kind: LeadKind;
  amountCents: number;
  sharePercent: number;
  currency: string;
}

export interface SplitQuote {
  platform_fee_cents: number;
  referrer_fee_cents: number;
  performer_net_cents: number;
}

export function quoteSplitQueryOptions({ kind, amountCents, sharePercent, currency }: QuoteInput) {
  return queryOptions({
    queryKey: ['fee-policy', 'quote', kind, amountCents, sharePercent, currency],
    queryFn: async (): Promise<SplitQuote> => {
      const { data, error } = await supabase
        .rpc('quote_lead_split', { kind, amount_cents: amountCents, referrer_share_percent: sharePercent, currency })
        .single();
      if (error) throw error;
      return data;
    },
    // Keep showing the last quote while the next one loads, so the numbers do not flicker as the user types.
    placeholderData: keepPreviousData,
    // A refused amount (under the minimum) will be refused again.
    retry: false,
    staleTime: 60_000,
  });
}
