// Message keys for the lead, proposal and referral enums, shared by every lead screen.
import type { LeadKind, LeadStatus, ProposalStatus, ReferralStatus } from '../../data/leads/lead-types.ts';

export const leadStatusLabel = {
  open: 'leadStatus.open',
  assigned: 'leadStatus.assigned',
  paid: 'leadStatus.paid',
  done: 'leadStatus.done',
  completed: 'leadStatus.completed',
  cancelled: 'leadStatus.cancelled',
  expired: 'leadStatus.expired',
} as const satisfies Record<LeadStatus, string>;

export const leadKindLabel = {
  consumer: 'leadKind.consumer',
  referral: 'leadKind.referral',
} as const satisfies Record<LeadKind, string>;

export const proposalStatusLabel = {
  submitted: 'proposalStatus.submitted',
  withdrawn: 'proposalStatus.withdrawn',
  accepted: 'proposalStatus.accepted',
  declined: 'proposalStatus.declined',
} as const satisfies Record<ProposalStatus, string>;

export const referralStatusLabel = {
  pending: 'referralStatus.pending',
  accepted: 'referralStatus.accepted',
  declined: 'referralStatus.declined',
} as const satisfies Record<ReferralStatus, string>;

/** Accepted and not cancelled: the job is being paid for, done or confirmed. */
export function isJobUnderway(status: LeadStatus): boolean {
  return status === 'assigned' || status === 'paid' || status === 'done' || status === 'completed';
}

/** The fields reveal_lead_contact logs, as the access log names them. Unknown ones show as they are. */
export const contactFieldLabel: Readonly<
  Record<string, 'contactField.name' | 'contactField.phone' | 'contactField.email' | 'contactField.address' | 'contactField.details'>
> = {
  client_name: 'contactField.name',
  client_phone: 'contactField.phone',
  client_email: 'contactField.email',
  client_address: 'contactField.address',
  details: 'contactField.details',
};
