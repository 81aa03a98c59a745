-- Stripe's side of refunds and chargebacks, through the same inbox as payments:
-- - charge.refunded, with the charge's current refunds read from Stripe by the webhook: confirms
--   ours by id and records any other as a refund made in Stripe itself (reason `provider`),
--   reversed like ours.
-- - refund.failed: the bank bounced a refund; the money is back in Stripe and owed to the payer
--   (payer_refunds_due) until an admin settles it.
-- - charge.dispute.created / .closed: Stripe withdraws the disputed amount and its fee; a won
--   chargeback returns the amount, a lost one reverses the job like a refund (from available, and
--   past it into the expert's carry when the money was already paid out).
-- And a payment that arrives for a payable that cannot take it (cancelled meanwhile, or paid in a
-- second tab) is returned in full instead of sitting in Stripe unbooked.

/** A payment the payable cannot take is returned */
create or replace function private.settle_payment(p_payment_id uuid, p_payment_intent_id text, p_amount_cents bigint, p_currency text,
                                                  p_fee_cents bigint)
returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_payment private.payments%rowtype;
  v_payable private.payables%rowtype;
  v_refund uuid;
begin
  select * into v_payment from private.payments where id = p_payment_id for update;
  if not found then
    return 'unknown_payment';
  end if;
  select * into v_payable from private.payables where id = v_payment.payable_id for update;
  if p_amount_cents is distinct from v_payment.amount_cents or upper(p_currency) is distinct from v_payment.currency then
    return 'amount_mismatch';
  end if;
  if v_payment.payment_intent_id is null and p_payment_intent_id is not null then
    update private.payments set payment_intent_id = p_payment_intent_id where id = v_payment.id;
  end if;
  if p_fee_cents is not null and v_payment.processor_fee_cents is null then
    update private.payments set processor_fee_cents = p_fee_cents where id = v_payment.id;
    if p_fee_cents > 0 then
      perform private.post_ledger_transaction('processor_fee', 'processor_fee:' || v_payment.id, v_payment.currency,
        jsonb_build_array(
          jsonb_build_object('account', private.ledger_account('processor_fees', v_payment.currency), 'amount_cents', p_fee_cents),
          jsonb_build_object('account', private.ledger_account('stripe_clearing', v_payment.currency), 'amount_cents', -p_fee_cents)),
        v_payable.id);
    end if;
  end if;
  if v_payment.status in ('paid', 'returned') then
    return 'already_settled';
  end if;
  if v_payable.status <> 'due' then
    -- Paid by another attempt, or cancelled meanwhile: Stripe has the money, the job cannot take it.
    update private.payments set status = 'returned', paid_at = private.clock() where id = v_payment.id;
    perform private.post_ledger_transaction('payment_returned', 'payment:' || v_payment.id, v_payment.currency,
      jsonb_build_array(
        jsonb_build_object('account', private.ledger_account('stripe_clearing', v_payment.currency), 'amount_cents', v_payment.amount_cents),
        jsonb_build_object('account', private.ledger_account('payer_refunds_due', v_payment.currency), 'amount_cents', -v_payment.amount_cents)),
      v_payable.id);
    insert into private.refunds (payable_id, payment_id, amount_cents, currency, reason)
    values (v_payable.id, v_payment.id, v_payment.amount_cents, v_payment.currency, 'payment_returned')
    returning id into v_refund;
    perform private.post_ledger_transaction('refund', 'refund:' || v_refund, v_payment.currency,
      jsonb_build_array(
        jsonb_build_object('account', private.ledger_account('payer_refunds_due', v_payment.currency), 'amount_cents', v_payment.amount_cents),
        jsonb_build_object('account', private.ledger_account('stripe_clearing', v_payment.currency), 'amount_cents', -v_payment.amount_cents)),
      v_payable.id);
    return 'returned';
  end if;
  update private.payments set status = 'paid', paid_at = private.clock() where id = v_payment.id;
  update private.payables set status = 'paid', paid_at = private.clock() where id = v_payable.id;
  update private.leads set status = 'paid' where id = v_payable.lead_id and status = 'assigned';
  perform private.post_payment(v_payable, v_payment.id);
  return 'settled';
end
$$;

/** charge.refunded: the charge's refunds, as the webhook read them from Stripe */
-- The webhook replaces the event's charge with its current list of refunds (`refunds.data`), so
-- each Stripe refund is matched by id: ours carry our refund id in their metadata; any other was
-- made in Stripe itself and is recorded (`provider`) and reversed like ours. Each refund's status
-- only moves forward (succeeded, or failed: the money owed back to the payer).
create function private.apply_charge_refunded(p_payment_id uuid, p_charge jsonb) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_payment private.payments%rowtype;
  v_payable private.payables%rowtype;
  r jsonb;
  v private.refunds%rowtype;
  v_new uuid;
  v_recorded integer := 0;
  v_unmatched integer := 0;
begin
  if jsonb_typeof(p_charge -> 'refunds' -> 'data') is distinct from 'array' then
    raise exception 'charge.refunded without the charge''s refunds: the webhook reads them from Stripe' using errcode = '22023';
  end if;
  -- One payment's refund events apply one at a time.
  select * into v_payment from private.payments where id = p_payment_id for update;
  for r in select x from jsonb_array_elements(p_charge -> 'refunds' -> 'data') x order by (x ->> 'created')::bigint, x ->> 'id'
  loop
    select * into v from private.refunds f
     where f.payment_id = v_payment.id
       and (f.id = private.uuid_or_null(r -> 'metadata' ->> 'refund_id') or f.stripe_refund_id = r ->> 'id')
     for update;
    if not found then
      select * into v_payable from private.payables where id = v_payment.payable_id for update;
      if v_payment.status <> 'paid' or v_payable.status not in ('paid', 'completed')
         or (r ->> 'amount')::bigint > v_payable.amount_cents - v_payable.reversed_cents then
        v_unmatched := v_unmatched + 1; -- nothing of the job left to reverse: an admin looks at it
        continue;
      end if;
      insert into private.refunds (payable_id, payment_id, amount_cents, currency, reason, note, status, stripe_refund_id, submitted_at)
      values (v_payable.id, v_payment.id, (r ->> 'amount')::bigint, v_payment.currency, 'provider', 'refunded in Stripe, not through the product',
              'submitted', r ->> 'id', now())
      returning id into v_new;
      perform private.post_reversal(v_payable.id, (r ->> 'amount')::bigint, 'refund', 'refund:' || v_new, 'stripe_clearing');
      select * into v from private.refunds where id = v_new;
      v_recorded := v_recorded + 1;
    end if;
    update private.refunds set stripe_refund_id = coalesce(stripe_refund_id, r ->> 'id') where id = v.id;
    if r ->> 'status' = 'succeeded' and v.status in ('pending', 'submitted') then
      update private.refunds set status = 'succeeded', succeeded_at = now() where id = v.id;
    elsif r ->> 'status' in ('failed', 'canceled') then
      perform private.fail_refund(v.id, coalesce(r ->> 'failure_reason', r ->> 'status'));
    end if;
  end loop;
  return case when v_unmatched > 0 then 'refund_unmatched' when v_recorded > 0 then 'refund_recorded' else 'refunds_confirmed' end;
end
$$;

/** refund.failed: one of the charge's refunds bounced, ours or one made in Stripe */
create function private.apply_refund_failed(p_payment_id uuid, p_refund jsonb) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_refund uuid;
begin
  perform 1 from private.payments where id = p_payment_id for update;
  select r.id into v_refund from private.refunds r
   where r.payment_id = p_payment_id
     and (r.id = private.uuid_or_null(p_refund -> 'metadata' ->> 'refund_id') or r.stripe_refund_id = p_refund ->> 'id');
  if v_refund is null then
    -- Not known yet (its charge.refunded has not come): charge.refunded will record it as failed.
    return 'refund_unmatched';
  end if;
  update private.refunds set stripe_refund_id = coalesce(stripe_refund_id, p_refund ->> 'id') where id = v_refund;
  return private.fail_refund(v_refund, coalesce(p_refund ->> 'failure_reason', 'failed'));
end
$$;

/** charge.dispute.created / charge.dispute.closed */
create function private.apply_chargeback(p_payment_id uuid, p_dispute jsonb) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_payment private.payments%rowtype;
  v_payable private.payables%rowtype;
  v private.chargebacks%rowtype;
  v_status text := p_dispute ->> 'status';
  v_bt jsonb;
  v_reverse bigint;
begin
  select * into v_payment from private.payments where id = p_payment_id for update;
  insert into private.chargebacks (id, payment_id, payable_id, amount_cents, currency, reason, stripe_status)
  values (p_dispute ->> 'id', v_payment.id, v_payment.payable_id, (p_dispute ->> 'amount')::bigint, upper(p_dispute ->> 'currency'),
          p_dispute ->> 'reason', v_status)
  on conflict (id) do nothing;
  select * into v from private.chargebacks where id = p_dispute ->> 'id' for update;
  -- Stripe withdrew the amount, and charged its fee on each balance transaction; each posts once.
  perform private.post_ledger_transaction('chargeback', 'chargeback:' || v.id, v.currency,
    jsonb_build_array(
      jsonb_build_object('account', private.ledger_account('chargebacks_held', v.currency), 'amount_cents', v.amount_cents),
      jsonb_build_object('account', private.ledger_account('stripe_clearing', v.currency), 'amount_cents', -v.amount_cents)),
    v.payable_id);
  for v_bt in select b from jsonb_array_elements(coalesce(p_dispute -> 'balance_transactions', '[]')) b
               where coalesce((b ->> 'fee')::bigint, 0) <> 0
  loop
    perform private.post_ledger_transaction('chargeback_fee', 'chargeback_fee:' || (v_bt ->> 'id'), v.currency,
      jsonb_build_array(
        jsonb_build_object('account', private.ledger_account('processor_fees', v.currency), 'amount_cents', (v_bt ->> 'fee')::bigint),
        jsonb_build_object('account', private.ledger_account('stripe_clearing', v.currency), 'amount_cents', -(v_bt ->> 'fee')::bigint)),
      v.payable_id);
  end loop;
  if v.outcome is not null then
    return 'chargeback_' || v.outcome; -- decided already: a late or repeated event changes nothing
  end if;
  if v_status not in ('won', 'lost') then
    update private.chargebacks set stripe_status = v_status where id = v.id;
    return 'chargeback_open';
  end if;
  update private.chargebacks set stripe_status = v_status, outcome = v_status, closed_at = now() where id = v.id;
  if v_status = 'won' then
    perform private.post_ledger_transaction('chargeback_won', 'chargeback_won:' || v.id, v.currency,
      jsonb_build_array(
        jsonb_build_object('account', private.ledger_account('stripe_clearing', v.currency), 'amount_cents', v.amount_cents),
        jsonb_build_object('account', private.ledger_account('chargebacks_held', v.currency), 'amount_cents', -v.amount_cents)),
      v.payable_id);
    return 'chargeback_won';
  end if;
  -- Lost: the card holder keeps the money; the job gives it back pro rata, as a refund would.
  select * into v_payable from private.payables where id = v.payable_id for update;
  v_reverse := case when v_payment.status = 'paid' and v_payable.status in ('paid', 'completed')
                    then least(v.amount_cents, v_payable.amount_cents - v_payable.reversed_cents) else 0 end;
  if v_reverse > 0 then
    perform private.post_reversal(v_payable.id, v_reverse, 'chargeback', 'chargeback_lost:' || v.id, 'chargebacks_held');
    update private.chargebacks set reversed_cents = v_reverse where id = v.id;
  end if;
  -- Anything not reversed (the job was refunded meanwhile) stays in chargebacks_held for an admin.
  return 'chargeback_lost';
end
$$;

/** Connect events (payouts, experts' accounts): the payouts issue gives this its body */
create function private.apply_connect_event(p_type text, p_object jsonb, p_event_at timestamptz) returns text
language plpgsql volatile set search_path = '' as $$
begin
  return 'not_handled';
end
$$;

/** apply_stripe_event, with the new types */
create or replace function private.apply_stripe_event(p_event jsonb, p_processor_fee_cents bigint default null) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_id text := p_event ->> 'id';
  v_type text := p_event ->> 'type';
  v_object jsonb := p_event -> 'data' -> 'object';
  v_payment_id uuid;
  v_payment_status public.payment_status;
  v_intent text;
  v_outcome text;
  v_parked record;
begin
  if v_id is null or v_id !~ '^evt_' or v_type is null or v_object is null then
    raise exception 'not a Stripe event' using errcode = '22023';
  end if;
  insert into private.stripe_events (id, type, object_id, payload, processor_fee_cents, status)
  values (v_id, v_type, v_object ->> 'id', p_event, p_processor_fee_cents, 'parked')
  on conflict (id) do nothing;
  if not found then
    return 'duplicate';
  end if;

  -- Connected accounts and payouts concern experts, not a customer's payment: their own handler.
  if v_type in ('account.updated', 'transfer.created', 'transfer.reversed', 'payout.paid', 'payout.failed') then
    v_outcome := private.apply_connect_event(v_type, v_object, to_timestamp(coalesce((p_event ->> 'created')::double precision, 0)));
    update private.stripe_events set status = 'applied', applied_at = now(), note = v_outcome where id = v_id;
    return v_outcome;
  end if;

  if v_type not in ('checkout.session.completed', 'checkout.session.async_payment_succeeded', 'checkout.session.async_payment_failed',
                    'payment_intent.succeeded', 'payment_intent.payment_failed',
                    'charge.refunded', 'refund.failed', 'charge.dispute.created', 'charge.dispute.closed') then
    update private.stripe_events set status = 'ignored', applied_at = now() where id = v_id;
    return 'ignored';
  end if;

  -- Which payment: our id in the metadata, else the payment intent we already linked.
  v_intent := case when v_type like 'payment_intent.%' then v_object ->> 'id' else v_object ->> 'payment_intent' end;
  v_payment_id := coalesce(
    (select p.id from private.payments p where p.id = private.uuid_or_null(v_object -> 'metadata' ->> 'payment_id')),
    (select p.id from private.payments p where p.payment_intent_id = v_intent));
  if v_payment_id is null then
    update private.stripe_events set object_id = coalesce(v_intent, v_object ->> 'id'), note = 'payment not known yet' where id = v_id;
    return 'parked';
  end if;

  if v_type in ('charge.refunded', 'refund.failed', 'charge.dispute.created', 'charge.dispute.closed') then
    -- Money going back presumes money that came in: wait for the payment's own event.
    select p.status into v_payment_status from private.payments p where p.id = v_payment_id;
    if v_payment_status not in ('paid', 'returned') then
      update private.stripe_events set object_id = v_intent, note = 'payment not settled yet' where id = v_id;
      return 'parked';
    end if;
    v_outcome := case v_type
      when 'charge.refunded' then private.apply_charge_refunded(v_payment_id, v_object)
      when 'refund.failed' then private.apply_refund_failed(v_payment_id, v_object)
      else private.apply_chargeback(v_payment_id, v_object)
    end;
    update private.stripe_events set status = 'applied', applied_at = now(), note = v_outcome where id = v_id;
    return v_outcome;
  end if;

  -- Link what this event tells us, so later (and parked) events about the intent find the payment.
  update private.payments
     set checkout_session_id = coalesce(checkout_session_id, case when v_type like 'checkout.session.%' then v_object ->> 'id' end),
         payment_intent_id = coalesce(payment_intent_id, v_intent)
   where id = v_payment_id;

  v_outcome := case
    when v_type in ('checkout.session.completed', 'checkout.session.async_payment_succeeded')
         and v_object ->> 'payment_status' = 'paid'
      then private.settle_payment(v_payment_id, v_intent, (v_object ->> 'amount_total')::bigint, v_object ->> 'currency', null)
    when v_type = 'payment_intent.succeeded'
      then private.settle_payment(v_payment_id, v_intent, (v_object ->> 'amount_received')::bigint, v_object ->> 'currency', p_processor_fee_cents)
    when v_type in ('checkout.session.async_payment_failed', 'payment_intent.payment_failed')
      then private.fail_payment(v_payment_id)
    else 'waiting' -- a completed session still being paid (async): its outcome event follows
  end;
  update private.stripe_events set status = 'applied', applied_at = now(), note = v_outcome where id = v_id;

  -- Events that waited for this payment intent are applied now, in the order they arrived.
  for v_parked in
    select e.id, e.payload, e.processor_fee_cents from private.stripe_events e
     where e.status = 'parked' and e.object_id = v_intent and v_intent is not null and e.id <> v_id
     order by e.received_at, e.id
  loop
    -- Still parked? (A nested application may have handled it already.)
    delete from private.stripe_events where id = v_parked.id and status = 'parked';
    if found then
      perform private.apply_stripe_event(v_parked.payload, v_parked.processor_fee_cents);
    end if;
  end loop;
  return v_outcome;
end
$$;

/** Wallets and the admin's positions show the new accounts */
drop function public.my_wallet();
drop function private.my_wallet();
-- carry_cents: what the expert owes back after a chargeback on money already paid out (positive),
-- netted from the next payouts.
create function private.my_wallet()
returns table (currency text, escrow_cents bigint, pending_cents bigint, available_cents bigint, carry_cents bigint)
language sql stable security definer set search_path = '' as $$
  select a.currency,
         -coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_escrow'), 0)::bigint,
         -coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_pending'), 0)::bigint,
         -coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_available'), 0)::bigint,
         coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_carry'), 0)::bigint
    from private.ledger_accounts a left join private.ledger_entries e on e.account_id = a.id
   where a.expert_id = (select private.current_expert_id())
   group by a.currency
   order by a.currency
$$;
create function public.my_wallet()
returns table (currency text, escrow_cents bigint, pending_cents bigint, available_cents bigint, carry_cents bigint)
language sql stable set search_path = '' as $$ select * from private.my_wallet() $$;

drop function public.admin_money_positions();
drop function private.admin_money_positions();
create function private.admin_money_positions()
returns table (currency text, revenue_cents bigint, processor_fees_cents bigint, net_revenue_cents bigint,
               platform_escrow_cents bigint, expert_escrow_cents bigint, pending_cents bigint, available_cents bigint,
               stripe_clearing_cents bigint, chargebacks_held_cents bigint, payer_refunds_due_cents bigint, expert_carry_cents bigint,
               payouts_in_flight_cents bigint, open_disputes integer, open_chargebacks integer)
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.require_admin();
  return query
    select b.currency, b.revenue, b.fees, b.revenue - b.fees, b.platform_escrow, b.expert_escrow, b.pending, b.available, b.clearing,
           b.held, b.refunds_due, b.carry, b.in_flight,
           (select count(*)::integer from private.disputes d join private.payables p on p.id = d.payable_id
             where d.status = 'open' and p.currency = b.currency),
           (select count(*)::integer from private.chargebacks c where c.outcome is null and c.currency = b.currency)
      from (select a.currency,
                   -coalesce(sum(e.amount_cents) filter (where a.purpose = 'platform_revenue'), 0)::bigint as revenue,
                   coalesce(sum(e.amount_cents) filter (where a.purpose = 'processor_fees'), 0)::bigint as fees,
                   -coalesce(sum(e.amount_cents) filter (where a.purpose = 'platform_escrow'), 0)::bigint as platform_escrow,
                   -coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_escrow'), 0)::bigint as expert_escrow,
                   -coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_pending'), 0)::bigint as pending,
                   -coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_available'), 0)::bigint as available,
                   coalesce(sum(e.amount_cents) filter (where a.purpose = 'stripe_clearing'), 0)::bigint as clearing,
                   coalesce(sum(e.amount_cents) filter (where a.purpose = 'chargebacks_held'), 0)::bigint as held,
                   -coalesce(sum(e.amount_cents) filter (where a.purpose = 'payer_refunds_due'), 0)::bigint as refunds_due,
                   coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_carry'), 0)::bigint as carry,
                   -- The payouts issue's account (20261126000000): compared as text, the value comes later.
                   -coalesce(sum(e.amount_cents) filter (where a.purpose::text = 'expert_payout_in_flight'), 0)::bigint as in_flight
              from private.ledger_accounts a left join private.ledger_entries e on e.account_id = a.id
             group by a.currency) b
     order by b.currency;
end
$$;
create function public.admin_money_positions()
returns table (currency text, revenue_cents bigint, processor_fees_cents bigint, net_revenue_cents bigint,
               platform_escrow_cents bigint, expert_escrow_cents bigint, pending_cents bigint, available_cents bigint,
               stripe_clearing_cents bigint, chargebacks_held_cents bigint, payer_refunds_due_cents bigint, expert_carry_cents bigint,
               payouts_in_flight_cents bigint, open_disputes integer, open_chargebacks integer)
language sql stable set search_path = '' as $$ select * from private.admin_money_positions() $$;

revoke all on function private.apply_connect_event(text, jsonb, timestamptz), private.apply_charge_refunded(uuid, jsonb), private.apply_refund_failed(uuid, jsonb),
  private.apply_chargeback(uuid, jsonb), private.my_wallet(), public.my_wallet(),
  private.admin_money_positions(), public.admin_money_positions() from public;
grant execute on function private.my_wallet(), public.my_wallet(), private.admin_money_positions(), public.admin_money_positions()
  to authenticated;
