-- Payouts add one ledger account: an expert's money on its way to their Stripe account, between the
-- batch that takes it out of available and the transfer that moves it. Enum values must be
-- committed before use, so this is a migration of its own.
alter type private.ledger_account_purpose add value if not exists 'expert_payout_in_flight';
