// The shapes the lead screens read. Leads come from the `leads` view (public part only, `is_mine`
// instead of the owner); proposals and the access log embed the expert's public profile, so a name
// can link to /experts/$expertId.
import type { Database, Enums, Tables } from '../database.types.ts';

export type LeadKind = Enums<'lead_kind'>;
export type LeadStatus = Enums<'lead_status'>;
export type ProposalStatus = Enums<'proposal_status'>;
export type ReferralStatus = Enums<'referral_status'>;

/** An expert's public name, embedded through a foreign key. */
export interface ExpertName {
  id: string;
  display_name: string;
}

export type LeadRow = Tables<'leads'>;

/** A lead with the referring expert's public name (referral leads only). */
export type Lead = LeadRow & { referrer: ExpertName | null };

export const LEAD_WITH_REFERRER = '*, referrer:experts(id, display_name)' as const;

export type Proposal = Tables<'proposals'>;

export type ProposalWithExpert = Proposal & { expert: (ExpertName & { headline: string | null; city: string }) | null };

export const PROPOSAL_WITH_EXPERT = '*, expert:experts(id, display_name, headline, city)' as const;

export type Payable = Tables<'payables'>;

export type AccessLogEntry = Pick<Tables<'contact_access_logs'>, 'id' | 'revealer_role' | 'revealer_expert_id' | 'fields' | 'created_at'> & {
  expert: ExpertName | null;
};

/** What reveal_lead_contact returns. Kept in component state only, never in the query cache. */
export type LeadContact = Database['public']['Functions']['reveal_lead_contact']['Returns'][number];

/** A live proposal can still be edited or withdrawn (submitted) or has won (accepted). */
export function isLiveProposal(proposal: Pick<Proposal, 'status'>): boolean {
  return proposal.status === 'submitted' || proposal.status === 'accepted';
}
