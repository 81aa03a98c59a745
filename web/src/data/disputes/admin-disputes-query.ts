// Every dispute, for admins: open ones first (oldest first: they have waited longest), then resolved
// ones (newest first), each with its job's amount, currency, what was refunded so far, the job's
// title and the performer's name. RLS shows admins all of them.
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { ExpertName, Payable } from '../leads/lead-types.ts';
import type { Dispute } from '../refunds/refund-types.ts';

export type AdminDispute = Dispute & {
  payable:
    | (Pick<Payable, 'id' | 'lead_id' | 'amount_cents' | 'currency' | 'refunded_cents' | 'status' | 'payer_kind'> & {
        lead: { id: string; title: string } | null;
        performer: ExpertName | null;
      })
    | null;
};

/** Resolved disputes shown under the open ones. */
export const RESOLVED_DISPUTES_SHOWN = 20;

const ADMIN_DISPUTE =
  '*, payable:payables(id, lead_id, amount_cents, currency, refunded_cents, status, payer_kind, lead:leads(id, title), performer:experts!payables_performer_expert_id_fkey(id, display_name))' as const;

export function adminDisputesQueryOptions() {
  return queryOptions({
    queryKey: ['disputes', 'admin'],
    queryFn: async (): Promise<{ open: AdminDispute[]; resolved: AdminDispute[] }> => {
      const [open, resolved] = await Promise.all([
        supabase.from('disputes').select(ADMIN_DISPUTE).eq('status', 'open').order('created_at', { ascending: true }).order('id'),
        supabase
          .from('disputes')
          .select(ADMIN_DISPUTE)
          .eq('status', 'resolved')
          .order('resolved_at', { ascending: false })
          .order('id')
          .limit(RESOLVED_DISPUTES_SHOWN),
      ]);
      if (open.error) throw open.error;
      if (resolved.error) throw resolved.error;
      return { open: open.data, resolved: resolved.data };
    },
  });
}
