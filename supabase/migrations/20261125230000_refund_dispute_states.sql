-- Refunds, disputes and chargebacks add states and ledger accounts. Enum values must be committed
-- before use, so they get a migration of their own.
-- A payable whose whole amount went back to the payer (refunds or a lost chargeback).
alter type public.payable_status add value if not exists 'refunded' after 'completed';
-- A payment Stripe took for a payable that could not take it (cancelled meanwhile, or paid twice):
-- the money is returned in full.
alter type public.payment_status add value if not exists 'returned' after 'failed';
-- What an expert owes back after a chargeback on money already paid out: netted from later payouts.
alter type private.ledger_account_purpose add value if not exists 'expert_carry';
-- Funds Stripe withdrew for an open chargeback, until it is won (returned) or lost (reversed).
alter type private.ledger_account_purpose add value if not exists 'chargebacks_held';
-- Money owed back to a payer that is not a job's split: a returned payment, or a refund the bank bounced.
alter type private.ledger_account_purpose add value if not exists 'payer_refunds_due';
