import { PostgrestError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { databaseErrorMessage } from './database-error.ts';

const dbError = (code: string, message: string) => new PostgrestError({ code, message, details: '', hint: '' });

describe('databaseErrorMessage', () => {
  it('translates the 22023 sentences the RPCs send', () => {
    expect(databaseErrorMessage(dbError('22023', 'display name must be 2 to 80 characters'))).toEqual({ key: 'validation.displayNameLength' });
    expect(databaseErrorMessage(dbError('22023', 'unknown city: atlantis'))).toEqual({ key: 'dbError.unknownCity' });
    expect(databaseErrorMessage(dbError('22023', 'public profile text must not contain email addresses or phone numbers'))).toEqual({
      key: 'validation.noContactDetails',
    });
    expect(databaseErrorMessage(dbError('22023', 'the application is not pending (it is approved)'))).toEqual({ key: 'dbError.notPending' });
  });

  it('translates the lead, proposal and referral sentences', () => {
    expect(databaseErrorMessage(dbError('22023', 'the title must be 3 to 120 characters'))).toEqual({ key: 'validation.titleLength' });
    expect(
      databaseErrorMessage(
        dbError(
          '22023',
          'the title and summary are public: they must not contain phone numbers or email addresses (put those in the contact details)',
        ),
      ),
    ).toEqual({ key: 'validation.noContactDetails' });
    expect(databaseErrorMessage(dbError('22023', "the client's phone must be a valid phone number"))).toEqual({ key: 'validation.phoneInvalid' });
    expect(databaseErrorMessage(dbError('22023', 'the lead is assigned and takes no proposals'))).toEqual({ key: 'dbError.leadClosed' });
    expect(databaseErrorMessage(dbError('22023', 'the proposal is declined and can no longer change'))).toEqual({ key: 'dbError.proposalClosed' });
    expect(databaseErrorMessage(dbError('22023', 'you already have a live proposal on this lead: edit or withdraw it'))).toEqual({
      key: 'dbError.liveProposalExists',
    });
    expect(databaseErrorMessage(dbError('22023', 'this expert has already been invited to the lead'))).toEqual({ key: 'dbError.alreadyInvited' });
  });

  it('translates the payment, completion, pay-link and review sentences', () => {
    expect(databaseErrorMessage(dbError('22023', 'the lead is assigned : only a paid job can be marked done'))).toEqual({
      key: 'dbError.notPaidYet',
    });
    expect(databaseErrorMessage(dbError('22023', 'the lead is paid : only a job marked done can be confirmed'))).toEqual({
      key: 'dbError.notMarkedDone',
    });
    expect(databaseErrorMessage(dbError('22023', 'this is paid and cannot be paid'))).toEqual({ key: 'dbError.alreadyPaid' });
    expect(databaseErrorMessage(dbError('22023', 'the client already opened the pay link'))).toEqual({ key: 'dbError.payLinkClaimed' });
    expect(databaseErrorMessage(dbError('22023', 'only a completed payable still on hold can be released'))).toEqual({ key: 'dbError.notOnHold' });
    expect(databaseErrorMessage(dbError('22023', 'this job is already rated'))).toEqual({ key: 'dbError.alreadyRated' });
    expect(databaseErrorMessage(dbError('22023', 'the review is public: at most 2000 characters and no phone numbers or email addresses'))).toEqual({
      key: 'validation.reviewPublic',
    });
  });

  it('translates the refund and dispute sentences', () => {
    expect(databaseErrorMessage(dbError('22023', 'a dispute is open on this job: its money stays frozen until an admin resolves it'))).toEqual({
      key: 'dbError.disputeOpen',
    });
    expect(
      databaseErrorMessage(dbError('22023', 'the card holder disputed this payment with their bank: its money stays frozen until the bank decides')),
    ).toEqual({ key: 'dbError.chargebackOpen' });
    expect(databaseErrorMessage(dbError('22023', 'a dispute can be opened from payment until the hold ends'))).toEqual({
      key: 'dbError.disputeWindowClosed',
    });
    expect(databaseErrorMessage(dbError('22023', 'this job already has a dispute'))).toEqual({ key: 'dbError.disputeExists' });
    expect(databaseErrorMessage(dbError('22023', 'say what went wrong (up to 2,000 characters)'))).toEqual({
      key: 'validation.disputeMessageRequired',
    });
    expect(databaseErrorMessage(dbError('22023', 'say why (the note is shown to both parties)'))).toEqual({ key: 'validation.refundNoteRequired' });
    expect(databaseErrorMessage(dbError('22023', 'only an open dispute can be resolved'))).toEqual({ key: 'dbError.disputeNotOpen' });
    expect(databaseErrorMessage(dbError('22023', 'only a paid job can be refunded (this one is refunded)'))).toEqual({
      key: 'dbError.notRefundable',
    });
  });

  it('translates the payout and accounting export sentences', () => {
    expect(databaseErrorMessage(dbError('22023', 'a payout batch covers a period that has ended'))).toEqual({ key: 'dbError.payoutPeriodNotEnded' });
    expect(databaseErrorMessage(dbError('22023', 'there is already a payout batch for the period ending 2026-12-03'))).toEqual({
      key: 'dbError.payoutBatchExists',
      values: { period: '2026-12-03' },
    });
    expect(databaseErrorMessage(dbError('22023', 'choose a period of at most 400 days'))).toEqual({ key: 'dbError.ledgerPeriodTooLong' });
  });

  it('shows what is left to refund in major units, not as a budget problem', () => {
    expect(databaseErrorMessage(dbError('22023', 'the amount must be between 1 and 50000, what is left of the payment in minor units'))).toEqual({
      key: 'dbError.refundAboveRemaining',
      values: { max: '500.00' },
    });
    expect(databaseErrorMessage(dbError('22023', 'the amount must be a whole number of minor units'))).toEqual({ key: 'validation.budgetInvalid' });
  });

  it('shows the minimum job amount in major units', () => {
    expect(databaseErrorMessage(dbError('22023', 'the amount is under the minimum job amount of 5000 minor units of ILS'))).toEqual({
      key: 'dbError.belowMinimum',
      values: { amount: '50.00', currency: 'ILS' },
    });
  });

  it('still shows a 22023 sentence it has no translation for', () => {
    expect(databaseErrorMessage(dbError('22023', 'a brand new rule'))).toEqual({
      key: 'dbError.invalidInput',
      values: { detail: 'a brand new rule' },
    });
  });

  it('reports permission and session problems', () => {
    expect(databaseErrorMessage(dbError('42501', 'only an admin can do this'))).toEqual({ key: 'dbError.notAllowed' });
    expect(databaseErrorMessage(dbError('PGRST303', 'JWT expired'))).toEqual({ key: 'authError.sessionExpired' });
  });

  it('recognises a failed fetch', () => {
    expect(databaseErrorMessage(dbError('', 'TypeError: Failed to fetch'))).toEqual({ key: 'authError.network' });
    expect(databaseErrorMessage(new TypeError('Failed to fetch'))).toEqual({ key: 'authError.network' });
  });

  it('never shows other server text: it can be technical', () => {
    expect(databaseErrorMessage(dbError('XX000', 'internal error in relation "experts"'))).toEqual({ key: 'dbError.unknown' });
    expect(databaseErrorMessage('nope')).toEqual({ key: 'dbError.unknown' });
    expect(databaseErrorMessage(null)).toEqual({ key: 'dbError.unknown' });
  });
});
