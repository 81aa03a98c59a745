// Message keys for payouts: each payout's state, and what Stripe still needs from an expert before
// it pays them out. Stripe names requirements as field paths (`individual.verification.document`,
// `tos_acceptance.date`); the common ones read in plain words, several paths may share one (the
// terms' date and IP are one step for the expert), and any other is shown as Stripe names it, after
// the ones in plain words.
import type { PayoutStatus } from '../../data/payouts/payout-types.ts';
import type { MessageKey } from '../../i18n/en.ts';

export const payoutStatusLabel = {
  pending: 'payoutStatus.pending',
  transferred: 'payoutStatus.transferred',
  paid: 'payoutStatus.paid',
  payout_failed: 'payoutStatus.payoutFailed',
  failed: 'payoutStatus.failed',
  reversed: 'payoutStatus.reversed',
} as const satisfies Record<PayoutStatus, MessageKey>;

export function payoutStatusKey(status: string): MessageKey | null {
  return Object.hasOwn(payoutStatusLabel, status) ? payoutStatusLabel[status as PayoutStatus] : null;
}

/** Stripe's requirement paths, most specific first: the first pattern that matches names the step. */
const REQUIREMENT_PATTERNS: readonly (readonly [RegExp, MessageKey])[] = [
  [/^external_account$/, 'payoutRequirement.bankAccount'],
  [/^tos_acceptance\./, 'payoutRequirement.terms'],
  [/^business_type$/, 'payoutRequirement.businessType'],
  [/^(individual|representative)\.verification\.additional_document/, 'payoutRequirement.proofOfAddress'],
  [/^(individual|representative)\.verification\./, 'payoutRequirement.identityDocument'],
  [/^(individual|representative)\.(first_name|last_name)$/, 'payoutRequirement.name'],
  [/^(individual|representative)\.dob\./, 'payoutRequirement.dateOfBirth'],
  [/^(individual|representative)\.address\./, 'payoutRequirement.address'],
  [/^(individual|representative)\.email$/, 'payoutRequirement.email'],
  [/^(individual|representative)\.phone$/, 'payoutRequirement.phone'],
  [/^(individual|representative)\.(id_number|ssn_last_4)$/, 'payoutRequirement.idNumber'],
  [/^business_profile\./, 'payoutRequirement.businessProfile'],
  [/^company\./, 'payoutRequirement.company'],
];

export function requirementKey(field: string): MessageKey | null {
  return REQUIREMENT_PATTERNS.find(([pattern]) => pattern.test(field))?.[1] ?? null;
}

export type RequirementItem = { kind: 'known'; key: MessageKey } | { kind: 'raw'; field: string };

/**
 * What Stripe needs, each step once: the ones we can say in plain words first (in the order listed),
 * then the others as Stripe names them.
 */
export function requirementItems(fields: readonly string[]): RequirementItem[] {
  const known = new Set<MessageKey>();
  const raw = new Set<string>();
  for (const field of fields) {
    const key = requirementKey(field);
    if (key) known.add(key);
    else raw.add(field);
  }
  return [...[...known].map((key) => ({ kind: 'known', key }) as const), ...[...raw].map((field) => ({ kind: 'raw', field }) as const)];
}

/** Why Stripe restricted the account (`requirements.disabled_reason`), in plain words where known. */
export function disabledReasonKey(reason: string | null): MessageKey | null {
  if (!reason) return null;
  if (reason === 'requirements.past_due') return 'payoutAccount.disabledPastDue';
  if (reason === 'requirements.pending_verification') return 'payoutAccount.disabledVerifying';
  if (reason.startsWith('rejected.')) return 'payoutAccount.disabledRejected';
  if (reason === 'under_review') return 'payoutAccount.disabledUnderReview';
  return 'payoutAccount.disabledOther';
}
