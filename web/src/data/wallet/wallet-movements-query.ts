// Every movement behind the wallet, newest first (my_wallet_movements): one row per ledger entry on
// the expert's accounts, positive when money arrives in a balance. Each is tied to a payable; the
// payable says whether the expert did the job or referred it, and its lead gives the job's title
// (null when the expert may no longer see the lead).
import { queryOptions } from '@tanstack/react-query';
import { supabase } from '../../lib/supabase.ts';
import type { Database } from '../database.types.ts';
import type { ExpertName } from '../leads/lead-types.ts';

export type WalletMovementRow = Database['public']['Functions']['my_wallet_movements']['Returns'][number];

export interface MovementPayable {
  id: string;
  lead_id: string;
  performer_expert_id: string;
  referrer_expert_id: string | null;
  lead: { id: string; title: string } | null;
  performer: ExpertName | null;
}

export type WalletMovement = WalletMovementRow & { payable: MovementPayable | null };

/** The newest movements shown; the wallet page says when there may be older ones. */
export const WALLET_MOVEMENTS_SHOWN = 200;

export const walletMovementsQueryKey = (expertId: string) => ['wallet', expertId, 'movements'] as const;

export function walletMovementsQueryOptions(expertId: string) {
  return queryOptions({
    queryKey: walletMovementsQueryKey(expertId),
    queryFn: async (): Promise<WalletMovement[]> => {
      const movements = await supabase.rpc('my_wallet_movements', { max_rows: WALLET_MOVEMENTS_SHOWN });
      if (movements.error) throw movements.error;
      const payableIds = [...new Set(movements.data.map((row) => row.payable_id).filter((id): id is string => id !== null))];
      if (payableIds.length === 0) return movements.data.map((row) => ({ ...row, payable: null }));
      const payables = await supabase
        .from('payables')
        .select(
          'id, lead_id, performer_expert_id, referrer_expert_id, lead:leads(id, title), performer:experts!payables_performer_expert_id_fkey(id, display_name)',
        )
        .in('id', payableIds);
      if (payables.error) throw payables.error;
      const byId = new Map(payables.data.map((payable) => [payable.id, payable]));
      return movements.data.map((row) => ({ ...row, payable: byId.get(row.payable_id) ?? null }));
    },
  });
}
