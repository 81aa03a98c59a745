-- Payments add three lead states after `assigned`: paid (the money is in escrow), done (the
-- performer marked the work done) and completed (the payer confirmed, or it confirmed itself).
-- Enum values must be committed before use, so they get a migration of their own.
alter type public.lead_status add value if not exists 'paid' after 'assigned';
alter type public.lead_status add value if not exists 'done' after 'paid';
alter type public.lead_status add value if not exists 'completed' after 'done';
alter type public.payable_status add value if not exists 'paid' after 'due';
alter type public.payable_status add value if not exists 'completed' after 'paid';
