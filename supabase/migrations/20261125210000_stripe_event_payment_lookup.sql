-- The Stripe webhook at volume (bench/webhook.ts): apply_stripe_event found the event's payment with
-- `p.id::text = metadata ->> 'payment_id'`, which no index serves, so every event read the whole
-- payments table and the RPC slowed with every payment ever made (141 events/s at 120,000 payments).
-- Casting the metadata to uuid uses the primary key (1,630/s). A malformed id must still find nothing
-- rather than raise (Stripe would retry an event that can never apply), hence the guarded cast, which
-- accepts exactly the canonical text form the old comparison matched.
create function private.uuid_or_null(p_text text) returns uuid
language sql immutable set search_path = '' as $$
  select case when p_text ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then p_text::uuid end
$$;
revoke all on function private.uuid_or_null(text) from public;

-- The function as in 20261125190200_payments.sql, but for the payment lookup.
create or replace function private.apply_stripe_event(p_event jsonb, p_processor_fee_cents bigint default null) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_id text := p_event ->> 'id';
  v_type text := p_event ->> 'type';
  v_object jsonb := p_event -> 'data' -> 'object';
  v_payment_id uuid;
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

  if v_type not in ('checkout.session.completed', 'checkout.session.async_payment_succeeded', 'checkout.session.async_payment_failed',
                    'payment_intent.succeeded', 'payment_intent.payment_failed') then
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
