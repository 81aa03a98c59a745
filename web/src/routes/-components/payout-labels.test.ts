import { describe, expect, it } from 'vitest';
import { disabledReasonKey, payoutStatusKey, requirementItems, requirementKey } from './payout-labels.ts';

describe('requirementKey', () => {
  it.each([
    ['external_account', 'payoutRequirement.bankAccount'],
    ['tos_acceptance.date', 'payoutRequirement.terms'],
    ['tos_acceptance.ip', 'payoutRequirement.terms'],
    ['business_type', 'payoutRequirement.businessType'],
    ['individual.verification.document', 'payoutRequirement.identityDocument'],
    ['individual.verification.additional_document', 'payoutRequirement.proofOfAddress'],
    ['individual.first_name', 'payoutRequirement.name'],
    ['individual.dob.year', 'payoutRequirement.dateOfBirth'],
    ['individual.address.city', 'payoutRequirement.address'],
    ['individual.id_number', 'payoutRequirement.idNumber'],
    ['business_profile.url', 'payoutRequirement.businessProfile'],
    ['company.tax_id', 'payoutRequirement.company'],
  ])('reads %s in plain words', (field, key) => {
    expect(requirementKey(field)).toBe(key);
  });

  it('knows nothing of other fields', () => {
    expect(requirementKey('settings.card_issuing.tos_acceptance.date')).toBeNull();
  });
});

describe('requirementItems', () => {
  it('lists each step once, plain words first, then other fields as Stripe names them', () => {
    expect(requirementItems(['business_type', 'external_account', 'something.new', 'tos_acceptance.date', 'tos_acceptance.ip'])).toEqual([
      { kind: 'known', key: 'payoutRequirement.businessType' },
      { kind: 'known', key: 'payoutRequirement.bankAccount' },
      { kind: 'known', key: 'payoutRequirement.terms' },
      { kind: 'raw', field: 'something.new' },
    ]);
  });
});

describe('labels', () => {
  it('names payout states and falls back for new ones', () => {
    expect(payoutStatusKey('paid')).toBe('payoutStatus.paid');
    expect(payoutStatusKey('payout_failed')).toBe('payoutStatus.payoutFailed');
    expect(payoutStatusKey('toString')).toBeNull();
    expect(payoutStatusKey('something_new')).toBeNull();
  });

  it('names why Stripe restricted an account', () => {
    expect(disabledReasonKey(null)).toBeNull();
    expect(disabledReasonKey('requirements.past_due')).toBe('payoutAccount.disabledPastDue');
    expect(disabledReasonKey('rejected.fraud')).toBe('payoutAccount.disabledRejected');
    expect(disabledReasonKey('platform_paused')).toBe('payoutAccount.disabledOther');
  });
});
