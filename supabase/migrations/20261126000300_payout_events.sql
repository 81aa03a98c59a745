-- Stripe's Connect events, through the same inbox as payments (apply_stripe_event hands them here):
-- account.updated keeps an expert's payout account current; transfer.created, transfer.reversed,
-- payout.paid and payout.failed move each payout forward (see 20261126000200_payouts.sql).
create or replace function private.apply_connect_event(p_type text, p_object jsonb, p_event_at timestamptz) returns text
language plpgsql volatile set search_path = '' as $$
begin
  return case p_type
    when 'account.updated' then private.apply_account_updated(p_object, p_event_at)
    when 'transfer.created' then private.record_payout_transfer(private.uuid_or_null(p_object ->> 'transfer_group'), p_object ->> 'id')
    when 'transfer.reversed' then private.apply_transfer_reversed(p_object)
    when 'payout.paid' then private.apply_bank_payout(p_type, p_object)
    when 'payout.failed' then private.apply_bank_payout(p_type, p_object)
    else 'not_handled'
  end;
end
$$;
