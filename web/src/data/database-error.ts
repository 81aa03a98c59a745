// Maps errors from PostgREST and the RPCs to translated messages. The RPCs refuse bad input with
// SQLSTATE 22023 and a plain English sentence; the sentences we know get a translation, and any
// other 22023 sentence is still shown (it was written for users) inside a translated frame.
import type { MessageKey } from '../i18n/en.ts';
import type { MessageValues } from '../i18n/translate.ts';
import { minorToMajorText } from '../lib/money.ts';

export interface ErrorMessage {
  key: MessageKey;
  values?: MessageValues;
}

/**
 * Parts of 22023 messages that start like a more general one: "the lead is paid : only a job marked
 * done can be confirmed" must not read as "the lead is no longer open". Checked before the prefixes.
 */
const invalidInputByPart: readonly (readonly [string, MessageKey])[] = [
  ['only a paid job can be marked done', 'dbError.notPaidYet'],
  ['only a job marked done can be confirmed', 'dbError.notMarkedDone'],
];

/** Prefixes of the RPCs' 22023 messages (supabase/migrations/*_expert_onboarding.sql, *_leads.sql, *_proposals_referrals_payables.sql, *_payments.sql, *_reviews.sql). */
const invalidInputByPrefix: readonly (readonly [string, MessageKey])[] = [
  ['display name must be', 'validation.displayNameLength'],
  ['bio is required', 'validation.bioRequired'],
  ['headline must be', 'validation.headlineTooLong'],
  ['choose 1 to 10 categories', 'validation.categoriesCount'],
  ['unknown category', 'dbError.unknownCategory'],
  ['unknown city', 'dbError.unknownCity'],
  ['unknown language', 'dbError.unknownLanguage'],
  ['at most 20 specialties', 'validation.specialtiesLimits'],
  ['service radius must be', 'validation.radiusRange'],
  ['hourly rate must be', 'validation.rateInvalid'],
  ['currency must be', 'validation.currencyInvalid'],
  ['public profile text must not contain', 'validation.noContactDetails'],
  ['the note must be', 'validation.noteTooLong'],
  ['the application is not pending', 'dbError.notPending'],
  ['no such expert application', 'dbError.noSuchApplication'],
  // Leads, proposals, referrals.
  ['the title must be', 'validation.titleLength'],
  ['the summary is required', 'validation.summaryRequired'],
  ['the title and summary are public', 'validation.noContactDetails'],
  ['the details must be', 'validation.detailsTooLong'],
  ["the client's name is required", 'validation.clientNameRequired'],
  ["the client's phone must be", 'validation.phoneInvalid'],
  ["the client's email must be", 'validation.emailInvalid'],
  ["the client's address must be", 'validation.addressTooLong'],
  ['the budget must be', 'validation.budgetInvalid'],
  ['the amount must be', 'validation.budgetInvalid'],
  ['the referrer share must be', 'dbError.shareOutOfPolicy'],
  ['the price must be', 'validation.priceInvalid'],
  ['the message is required', 'validation.messageRequired'],
  ['the proposed date cannot be in the past', 'validation.dateInPast'],
  ['you already have a live proposal', 'dbError.liveProposalExists'],
  ['no such lead', 'dbError.noSuchLead'],
  ['no such proposal of yours', 'dbError.noSuchProposal'],
  ['the proposal is', 'dbError.proposalClosed'],
  ['the lead is', 'dbError.leadClosed'],
  ['this expert has already been invited', 'dbError.alreadyInvited'],
  ['no such approved expert', 'dbError.noSuchExpert'],
  ['you cannot refer a lead to yourself', 'dbError.referSelf'],
  ['the referral was already', 'dbError.referralAnswered'],
  // Payments, completion, pay links, reviews.
  ['this is paid and cannot be paid', 'dbError.alreadyPaid'],
  ['this is completed and cannot be paid', 'dbError.alreadyPaid'],
  ['this is cancelled and cannot be paid', 'dbError.notPayable'],
  ['only a due payable of a referral lead gets a pay link', 'dbError.payLinkNotDue'],
  ['the client already opened the pay link', 'dbError.payLinkClaimed'],
  ['only a completed payable still on hold can be released', 'dbError.notOnHold'],
  ['a job is rated once it is completed', 'dbError.notCompletedYet'],
  ['stars must be 1 to 5', 'validation.starsRequired'],
  ['the review is public', 'validation.reviewPublic'],
  ['this job is already rated', 'dbError.alreadyRated'],
  // Refunds, disputes, chargebacks (*_refunds.sql, *_disputes_and_chargebacks.sql).
  ['a dispute is open on this job', 'dbError.disputeOpen'],
  ['the card holder disputed this payment', 'dbError.chargebackOpen'],
  ['a dispute can be opened from payment until the hold ends', 'dbError.disputeWindowClosed'],
  ['this job already has a dispute', 'dbError.disputeExists'],
  ['reason must be one of', 'validation.disputeReasonRequired'],
  ['say what went wrong', 'validation.disputeMessageRequired'],
  ['only an open dispute can be resolved', 'dbError.disputeNotOpen'],
  ['only a paid job can be refunded', 'dbError.notRefundable'],
  ['this job has no payment to refund', 'dbError.notRefundable'],
  ['a refund is a positive amount', 'validation.refundAmountInvalid'],
  ['say why', 'validation.refundNoteRequired'],
  // Payouts and accounting exports (*_payouts.sql).
  ['a payout batch covers a period that has ended', 'dbError.payoutPeriodNotEnded'],
  ['choose a period of at most 400 days', 'dbError.ledgerPeriodTooLong'],
];

/** "the amount is under the minimum job amount of 5000 minor units of ILS": the values are worth showing. */
const BELOW_MINIMUM = /^the amount is under the minimum job amount of (\d+) minor units of ([A-Z]{3})/;

/** "the amount must be between 1 and 50000, what is left of the payment in minor units": a refund larger than what is left. */
const REFUND_ABOVE_REMAINING = /^the amount must be between 1 and (\d+), what is left of the payment/;

/** "there is already a payout batch for the period ending 2026-12-03": the day is worth showing. */
const BATCH_EXISTS = /^there is already a payout batch for the period ending (\d{4}-\d{2}-\d{2})/;

interface ErrorShape {
  code?: unknown;
  message?: unknown;
}

export function databaseErrorMessage(error: unknown): ErrorMessage {
  if (typeof error !== 'object' || error === null) return { key: 'dbError.unknown' };
  const { code, message } = error as ErrorShape;
  const text = typeof message === 'string' ? message : '';
  if (code === '22023') {
    const minimum = BELOW_MINIMUM.exec(text);
    if (minimum) return { key: 'dbError.belowMinimum', values: { amount: minorToMajorText(Number(minimum[1])), currency: minimum[2]! } };
    const remaining = REFUND_ABOVE_REMAINING.exec(text);
    if (remaining) return { key: 'dbError.refundAboveRemaining', values: { max: minorToMajorText(Number(remaining[1])) } };
    const batchExists = BATCH_EXISTS.exec(text);
    if (batchExists) return { key: 'dbError.payoutBatchExists', values: { period: batchExists[1]! } };
    const known = invalidInputByPart.find(([part]) => text.includes(part)) ?? invalidInputByPrefix.find(([prefix]) => text.startsWith(prefix));
    return known ? { key: known[1] } : { key: 'dbError.invalidInput', values: { detail: text } };
  }
  // 42501: RLS or an RPC's own check. PGRST301/303: the token is missing, expired or invalid.
  if (code === '42501') return { key: 'dbError.notAllowed' };
  if (code === 'PGRST301' || code === 'PGRST303') return { key: 'authError.sessionExpired' };
  // 23514: a check constraint the client-side validation did not foresee.
  if (code === '23514') return { key: 'validation.invalid' };
  // supabase-js turns a failed fetch into an error with an empty code and "TypeError: …" text.
  if ((code === '' || code === undefined) && /fetch|network/i.test(text)) return { key: 'authError.network' };
  if (error instanceof TypeError) return { key: 'authError.network' };
  return { key: 'dbError.unknown' };
}
