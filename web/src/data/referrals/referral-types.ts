// Referrals as the screens read them: the invitation with both experts' public names and the
// lead's public part. The lead is null when the caller may no longer see it (a declined invitation).
import type { Tables } from '../database.types.ts';
import type { ExpertName } from '../leads/lead-types.ts';

export type ReferralLead = Pick<
  Tables<'leads'>,
  'id' | 'title' | 'summary' | 'status' | 'category' | 'city' | 'budget_cents' | 'currency' | 'visibility' | 'created_at'
>;

export type Referral = Tables<'referrals'> & {
  lead: ReferralLead | null;
  from_expert: ExpertName | null;
  to_expert: ExpertName | null;
};

export const REFERRAL_WITH_PARTIES =
  '*, lead:leads(id, title, summary, status, category, city, budget_cents, currency, visibility, created_at), from_expert:experts!referrals_from_expert_id_fkey(id, display_name), to_expert:experts!referrals_to_expert_id_fkey(id, display_name)' as const;
