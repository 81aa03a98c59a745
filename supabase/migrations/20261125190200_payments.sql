-- Payments: a payment per checkout attempt for a payable; Stripe's events land in an inbox and are
-- applied exactly once by apply_stripe_event, in the same transaction as their effects. A paid
-- payable's money enters escrow split as the payable's snapshot says; completion moves the shares
-- to pending and the commission to revenue; after the hold they become available.

alter table private.marketplace_settings
  add column auto_confirm_days integer not null default 7 check (auto_confirm_days between 1 and 60),
  add column hold_days integer not null default 7 check (hold_days between 0 and 90);

create type public.payment_status as enum ('pending', 'paid', 'failed');

create table private.payments (
  id uuid primary key default gen_random_uuid(),
  payable_id uuid not null references private.payables (id),
  payer_user_id uuid not null, -- who started the checkout (the owner, or the client's guest session)
  amount_cents bigint not null check (amount_cents > 0),
  currency text not null check (currency in ('ILS', 'USD', 'EUR')),
  status public.payment_status not null default 'pending',
  checkout_session_id text unique,
  payment_intent_id text unique,
  processor_fee_cents bigint check (processor_fee_cents >= 0),
  created_at timestamptz not null default now(),
  paid_at timestamptz,
  failed_at timestamptz
);
create index payments_payable_idx on private.payments (payable_id);
create unique index payments_one_paid_per_payable on private.payments (payable_id) where status = 'paid';
alter table private.payments enable row level security;

alter table private.payables
  add column paid_at timestamptz,
  add column done_at timestamptz,
  add column completed_at timestamptz,
  add column hold_until timestamptz,
  add column released_at timestamptz;

/** The inbox: every Stripe event once, with what became of it */
create table private.stripe_events (
  id text primary key check (id ~ '^evt_'),
  type text not null,
  object_id text,
  payload jsonb not null,
  processor_fee_cents bigint, -- read by the webhook from the charge's balance transaction, kept for a parked event
  status text not null check (status in ('applied', 'ignored', 'parked')),
  note text,
  received_at timestamptz not null default now(),
  applied_at timestamptz
);
create index stripe_events_parked_idx on private.stripe_events (object_id) where status = 'parked';
alter table private.stripe_events enable row level security;

/** Ledger postings for a payable's life */
create function private.payable_parties(p private.payables)
returns table (purpose_escrow private.ledger_account_purpose, purpose_next private.ledger_account_purpose, expert_id uuid, amount_cents bigint)
language sql immutable set search_path = '' as $$
  values ('platform_escrow'::private.ledger_account_purpose, 'platform_revenue'::private.ledger_account_purpose, null::uuid, p.platform_fee_cents),
         ('expert_escrow', 'expert_pending', p.referrer_expert_id, p.referrer_fee_cents),
         ('expert_escrow', 'expert_pending', p.performer_expert_id, p.performer_net_cents)
$$;

-- Paid: Stripe holds the amount; each party's share is owed in escrow.
create function private.post_payment(p private.payables, payment_id uuid) returns void
language plpgsql volatile set search_path = '' as $$
begin
  perform private.post_ledger_transaction('payment', 'payment:' || payment_id, p.currency,
    jsonb_build_array(jsonb_build_object('account', private.ledger_account('stripe_clearing', p.currency), 'amount_cents', p.amount_cents))
    || coalesce((select jsonb_agg(jsonb_build_object('account', private.ledger_account(x.purpose_escrow, p.currency, x.expert_id),
                                                      'amount_cents', -x.amount_cents))
                   from private.payable_parties(p) x where x.amount_cents > 0), '[]'::jsonb),
    p.id);
end
$$;

-- Completed: the shares move to pending, the commission is earned.
create function private.post_completion(p private.payables) returns void
language plpgsql volatile set search_path = '' as $$
begin
  perform private.post_ledger_transaction('completion', 'completion:' || p.id, p.currency,
    (select jsonb_agg(e) from private.payable_parties(p) x,
       lateral (values (jsonb_build_object('account', private.ledger_account(x.purpose_escrow, p.currency, x.expert_id), 'amount_cents', x.amount_cents)),
                       (jsonb_build_object('account', private.ledger_account(x.purpose_next, p.currency, x.expert_id), 'amount_cents', -x.amount_cents))) v(e)
      where x.amount_cents > 0),
    p.id);
end
$$;

-- After the hold: the experts' shares become available.
create function private.post_release(p private.payables) returns void
language plpgsql volatile set search_path = '' as $$
begin
  perform private.post_ledger_transaction('hold_release', 'release:' || p.id, p.currency,
    (select jsonb_agg(e) from private.payable_parties(p) x,
       lateral (values (jsonb_build_object('account', private.ledger_account('expert_pending', p.currency, x.expert_id), 'amount_cents', x.amount_cents)),
                       (jsonb_build_object('account', private.ledger_account('expert_available', p.currency, x.expert_id), 'amount_cents', -x.amount_cents))) v(e)
      where x.expert_id is not null and x.amount_cents > 0),
    p.id);
end
$$;

/** Settling a payment: forward only; a second settlement of the same payable changes nothing */
create function private.settle_payment(p_payment_id uuid, p_payment_intent_id text, p_amount_cents bigint, p_currency text,
                                       p_fee_cents bigint)
returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_payment private.payments%rowtype;
  v_payable private.payables%rowtype;
begin
  select * into v_payment from private.payments where id = p_payment_id for update;
  if not found then
    return 'unknown_payment';
  end if;
  select * into v_payable from private.payables where id = v_payment.payable_id for update;
  if p_amount_cents is distinct from v_payable.amount_cents or upper(p_currency) is distinct from v_payable.currency then
    return 'amount_mismatch';
  end if;
  if v_payment.payment_intent_id is null and p_payment_intent_id is not null then
    update private.payments set payment_intent_id = p_payment_intent_id where id = v_payment.id;
  end if;
  if p_fee_cents is not null and v_payment.processor_fee_cents is null then
    update private.payments set processor_fee_cents = p_fee_cents where id = v_payment.id;
    if p_fee_cents > 0 then
      perform private.post_ledger_transaction('processor_fee', 'processor_fee:' || v_payment.id, v_payable.currency,
        jsonb_build_array(
          jsonb_build_object('account', private.ledger_account('processor_fees', v_payable.currency), 'amount_cents', p_fee_cents),
          jsonb_build_object('account', private.ledger_account('stripe_clearing', v_payable.currency), 'amount_cents', -p_fee_cents)),
        v_payable.id);
    end if;
  end if;
  if v_payment.status = 'paid' or v_payable.status in ('paid', 'completed') then
    return 'already_settled';
  end if;
  if v_payable.status <> 'due' then
    return 'payable_not_due'; -- e.g. the lead was cancelled meanwhile: the refunds issue handles the money
  end if;
  update private.payments set status = 'paid', paid_at = private.clock() where id = v_payment.id;
  update private.payables set status = 'paid', paid_at = private.clock() where id = v_payable.id;
  update private.leads set status = 'paid' where id = v_payable.lead_id and status = 'assigned';
  perform private.post_payment(v_payable, v_payment.id);
  return 'settled';
end
$$;

/** apply_stripe_event: the webhook's one RPC. Idempotent on the event id, also when two deliveries
    of the same event run at once (the second waits on the first's inbox row, then sees it). Events
    about a payment not known yet are parked and re-applied when a later event links it. */
create function private.apply_stripe_event(p_event jsonb, p_processor_fee_cents bigint default null) returns text
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
    (select p.id from private.payments p where p.id::text = v_object -> 'metadata' ->> 'payment_id'),
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

create function private.fail_payment(p_payment_id uuid) returns text
language plpgsql volatile set search_path = '' as $$
begin
  update private.payments set status = 'failed', failed_at = private.clock() where id = p_payment_id and status = 'pending';
  return case when found then 'failed' else 'already_final' end;
end
$$;

/** Completion: the performer marks the work done, the payer confirms (or it confirms itself) */
create function private.mark_job_done(p_lead_id uuid) returns public.lead_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_payable private.payables%rowtype;
  v_status public.lead_status;
begin
  select l.status into v_status from private.leads l where l.id = p_lead_id for update;
  select * into v_payable from private.payables p where p.lead_id = p_lead_id for update;
  if not found or v_payable.performer_user_id is distinct from auth.uid() then
    raise exception 'only the expert doing the job marks it done' using errcode = '42501';
  end if;
  if v_status <> 'paid' then
    raise exception 'the lead is % : only a paid job can be marked done', v_status using errcode = '22023';
  end if;
  update private.leads set status = 'done' where id = p_lead_id;
  update private.payables set done_at = private.clock() where id = v_payable.id;
  return 'done';
end
$$;

-- Completion as one step, whoever triggers it: payables move to pending, the hold starts.
create function private.complete_job(p_payable private.payables) returns void
language plpgsql volatile set search_path = '' as $$
declare
  v_hold integer := (select s.hold_days from private.marketplace_settings s);
begin
  update private.leads set status = 'completed' where id = p_payable.lead_id;
  update private.payables set status = 'completed', completed_at = private.clock(),
         hold_until = private.clock() + make_interval(days => v_hold)
   where id = p_payable.id;
  perform private.post_completion(p_payable);
end
$$;

create function private.confirm_job_done(p_lead_id uuid) returns public.lead_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_payable private.payables%rowtype;
  v_status public.lead_status;
begin
  select l.status into v_status from private.leads l where l.id = p_lead_id for update;
  select * into v_payable from private.payables p where p.lead_id = p_lead_id for update;
  if not found or v_payable.payer_user_id is distinct from auth.uid() then
    raise exception 'only the payer confirms the job' using errcode = '42501';
  end if;
  if v_status <> 'done' then
    raise exception 'the lead is % : only a job marked done can be confirmed', v_status using errcode = '22023';
  end if;
  perform private.complete_job(v_payable);
  return 'completed';
end
$$;

-- pg_cron: jobs marked done more than auto_confirm_days ago (on the money clock) confirm themselves.
create function private.auto_confirm_jobs() returns integer
language plpgsql volatile set search_path = '' as $$
declare
  v private.payables%rowtype;
  n integer := 0;
begin
  for v in
    select p.* from private.payables p join private.leads l on l.id = p.lead_id
     where l.status = 'done'
       and p.done_at <= private.clock() - make_interval(days => (select s.auto_confirm_days from private.marketplace_settings s))
     order by p.done_at
     for update of p skip locked
  loop
    perform private.complete_job(v);
    n := n + 1;
  end loop;
  return n;
end
$$;

-- pg_cron: completed payables past their hold release the experts' shares to available.
create function private.release_holds() returns integer
language plpgsql volatile set search_path = '' as $$
declare
  v private.payables%rowtype;
  n integer := 0;
begin
  for v in
    select p.* from private.payables p
     where p.status = 'completed' and p.released_at is null and p.hold_until <= private.clock()
     order by p.hold_until
     for update skip locked
  loop
    update private.payables set released_at = private.clock() where id = v.id;
    perform private.post_release(v);
    n := n + 1;
  end loop;
  return n;
end
$$;

-- An admin releases one completed payable before its hold ends; audited.
create function private.release_hold_early(p_payable_id uuid) returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  v private.payables%rowtype;
begin
  perform private.require_admin();
  select * into v from private.payables p where p.id = p_payable_id for update;
  if not found or v.status <> 'completed' or v.released_at is not null then
    raise exception 'only a completed payable still on hold can be released' using errcode = '22023';
  end if;
  update private.payables set released_at = private.clock() where id = v.id;
  perform private.post_release(v);
  perform private.audit_admin_action('payable.release_hold_early', 'private.payables', v.id::text);
end
$$;

select cron.schedule('auto-confirm-jobs', '*/15 * * * *', 'select private.auto_confirm_jobs()');
select cron.schedule('release-holds', '*/15 * * * *', 'select private.release_holds()');

/** Pay links: the client of a referral lead pays as a guest through a one-time link */
create table private.pay_links (
  token_sha256 text primary key,
  payable_id uuid not null unique references private.payables (id),
  created_at timestamptz not null default now(),
  claimed_by uuid,
  claimed_at timestamptz
);
alter table private.pay_links enable row level security;

-- The referral lead's owner creates (or replaces, while unclaimed) the link; the token is shown once.
create function private.create_pay_link(p_payable_id uuid) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  v private.payables%rowtype;
  v_token text := translate(encode(extensions.gen_random_bytes(24), 'base64'), '+/', '-_');
begin
  select * into v from private.payables p where p.id = p_payable_id for update;
  if not found or v.lead_owner_id <> auth.uid() then
    raise exception 'only the lead''s owner creates its pay link' using errcode = '42501';
  end if;
  if v.payer_kind <> 'client' or v.status <> 'due' then
    raise exception 'only a due payable of a referral lead gets a pay link' using errcode = '22023';
  end if;
  if exists (select 1 from private.pay_links l where l.payable_id = v.id and l.claimed_by is not null) then
    raise exception 'the client already opened the pay link' using errcode = '22023';
  end if;
  delete from private.pay_links l where l.payable_id = v.id;
  insert into private.pay_links (token_sha256, payable_id) values (encode(extensions.digest(v_token, 'sha256'), 'hex'), v.id);
  return v_token;
end
$$;

-- The client (a guest session) claims the link and becomes the payable's payer.
create function private.claim_pay_link(p_token text) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  v private.pay_links%rowtype;
begin
  if auth.uid() is null then
    raise exception 'open the pay link in a session (a guest session is enough)' using errcode = '42501';
  end if;
  select * into v from private.pay_links l where l.token_sha256 = encode(extensions.digest(coalesce(p_token, ''), 'sha256'), 'hex') for update;
  if not found or (v.claimed_by is not null and v.claimed_by <> auth.uid()) then
    raise exception 'this pay link is not valid' using errcode = '42501';
  end if;
  if v.claimed_by is null then
    update private.pay_links set claimed_by = auth.uid(), claimed_at = now() where token_sha256 = v.token_sha256;
    update private.payables set payer_user_id = auth.uid() where id = v.payable_id;
  end if;
  return v.payable_id;
end
$$;

/** prepare_payment: the payments function's one RPC, before it creates the Checkout session */
create function private.prepare_payment(p_payable_id uuid)
returns table (payment_id uuid, amount_cents bigint, currency text, description text)
language plpgsql volatile security definer set search_path = '' as $$
declare
  v private.payables%rowtype;
  v_title text;
  v_payment uuid;
begin
  select * into v from private.payables p where p.id = p_payable_id for update;
  if not found or v.payer_user_id is distinct from auth.uid() then
    raise exception 'only the payer pays this' using errcode = '42501';
  end if;
  if v.status <> 'due' then
    raise exception 'this is % and cannot be paid', v.status using errcode = '22023';
  end if;
  select l.title into v_title from private.leads l where l.id = v.lead_id;
  insert into private.payments (payable_id, payer_user_id, amount_cents, currency)
  values (v.id, auth.uid(), v.amount_cents, v.currency)
  returning id into v_payment;
  return query select v_payment, v.amount_cents, v.currency, v_title;
end
$$;

/** What callers read */
create policy payments_visible on private.payments for select to authenticated
  using (payer_user_id = (select auth.uid()) or (select private.is_admin()));
create view public.payments with (security_invoker = true) as
select p.id, p.payable_id, p.status, p.amount_cents, p.currency, p.created_at, p.paid_at, p.failed_at from private.payments p;
comment on view public.payments is 'Checkout attempts: their payer and admins.';
grant select on public.payments to authenticated;
grant select (id, payable_id, payer_user_id, status, amount_cents, currency, created_at, paid_at, failed_at) on private.payments to authenticated;

-- The caller's wallet: balances per currency, from the ledger.
create function private.my_wallet()
returns table (currency text, escrow_cents bigint, pending_cents bigint, available_cents bigint)
language sql stable security definer set search_path = '' as $$
  select a.currency,
         -coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_escrow'), 0)::bigint,
         -coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_pending'), 0)::bigint,
         -coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_available'), 0)::bigint
    from private.ledger_accounts a left join private.ledger_entries e on e.account_id = a.id
   where a.expert_id = (select private.current_expert_id())
   group by a.currency
   order by a.currency
$$;

-- Every movement behind the wallet, newest first: positive amounts are owed to the expert.
create function private.my_wallet_movements(p_max_rows integer)
returns table (transaction_id bigint, kind text, effective_at timestamptz, bucket text, amount_cents bigint, currency text, payable_id uuid)
language sql stable security definer set search_path = '' as $$
  select t.id, t.kind, t.effective_at, replace(a.purpose::text, 'expert_', ''), -e.amount_cents, e.currency, t.payable_id
    from private.ledger_entries e
    join private.ledger_accounts a on a.id = e.account_id
    join private.ledger_transactions t on t.id = e.transaction_id
   where a.expert_id = (select private.current_expert_id())
   order by t.id desc, e.id
   limit least(greatest(coalesce(p_max_rows, 100), 1), 1000)
$$;

-- Admins: revenue net of processing fees, escrow and hold positions, per currency.
create function private.admin_money_positions()
returns table (currency text, revenue_cents bigint, processor_fees_cents bigint, net_revenue_cents bigint,
               platform_escrow_cents bigint, expert_escrow_cents bigint, pending_cents bigint, available_cents bigint, stripe_clearing_cents bigint)
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.require_admin();
  return query
    select b.currency, b.revenue, b.fees, b.revenue - b.fees, b.platform_escrow, b.expert_escrow, b.pending, b.available, b.clearing
      from (select a.currency,
                   -coalesce(sum(e.amount_cents) filter (where a.purpose = 'platform_revenue'), 0)::bigint as revenue,
                   coalesce(sum(e.amount_cents) filter (where a.purpose = 'processor_fees'), 0)::bigint as fees,
                   -coalesce(sum(e.amount_cents) filter (where a.purpose = 'platform_escrow'), 0)::bigint as platform_escrow,
                   -coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_escrow'), 0)::bigint as expert_escrow,
                   -coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_pending'), 0)::bigint as pending,
                   -coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_available'), 0)::bigint as available,
                   coalesce(sum(e.amount_cents) filter (where a.purpose = 'stripe_clearing'), 0)::bigint as clearing
              from private.ledger_accounts a left join private.ledger_entries e on e.account_id = a.id
             group by a.currency) b
     order by b.currency;
end
$$;

/** Grants on the definer halves, and the public contract */
-- The webhook calls with the secret key: service_role needs the schema for its one definer function.
grant usage on schema private to service_role;
revoke all on function private.clock(), private.ledger_account(private.ledger_account_purpose, text, uuid),
  private.post_ledger_transaction(text, text, text, jsonb, uuid), private.account_balance(bigint),
  private.payable_parties(private.payables), private.post_payment(private.payables, uuid), private.post_completion(private.payables),
  private.post_release(private.payables), private.settle_payment(uuid, text, bigint, text, bigint), private.fail_payment(uuid),
  private.complete_job(private.payables), private.auto_confirm_jobs(), private.release_holds() from public;
revoke all on function private.apply_stripe_event(jsonb, bigint), private.mark_job_done(uuid), private.confirm_job_done(uuid),
  private.release_hold_early(uuid), private.create_pay_link(uuid), private.claim_pay_link(text), private.prepare_payment(uuid),
  private.my_wallet(), private.my_wallet_movements(integer), private.admin_money_positions() from public;
grant execute on function private.apply_stripe_event(jsonb, bigint) to service_role;
grant execute on function private.mark_job_done(uuid), private.confirm_job_done(uuid), private.release_hold_early(uuid),
  private.create_pay_link(uuid), private.claim_pay_link(text), private.prepare_payment(uuid),
  private.my_wallet(), private.my_wallet_movements(integer), private.admin_money_positions() to authenticated;

create function public.apply_stripe_event(event jsonb, processor_fee_cents bigint default null) returns text
language sql volatile set search_path = '' as $$ select private.apply_stripe_event(event, processor_fee_cents) $$;
comment on function public.apply_stripe_event is 'The Stripe webhook''s one RPC (secret key only): applies a verified event exactly once.';
create function public.prepare_payment(payable_id uuid)
returns table (payment_id uuid, amount_cents bigint, currency text, description text)
language sql volatile set search_path = '' as $$ select * from private.prepare_payment(payable_id) $$;
create function public.create_pay_link(payable_id uuid) returns text
language sql volatile set search_path = '' as $$ select private.create_pay_link(payable_id) $$;
create function public.claim_pay_link(token text) returns uuid
language sql volatile set search_path = '' as $$ select private.claim_pay_link(token) $$;
create function public.mark_job_done(lead_id uuid) returns public.lead_status
language sql volatile set search_path = '' as $$ select private.mark_job_done(lead_id) $$;
create function public.confirm_job_done(lead_id uuid) returns public.lead_status
language sql volatile set search_path = '' as $$ select private.confirm_job_done(lead_id) $$;
create function public.release_hold_early(payable_id uuid) returns void
language sql volatile set search_path = '' as $$ select private.release_hold_early(payable_id) $$;
create function public.my_wallet()
returns table (currency text, escrow_cents bigint, pending_cents bigint, available_cents bigint)
language sql stable set search_path = '' as $$ select * from private.my_wallet() $$;
create function public.my_wallet_movements(max_rows integer default 100)
returns table (transaction_id bigint, kind text, effective_at timestamptz, bucket text, amount_cents bigint, currency text, payable_id uuid)
language sql stable set search_path = '' as $$ select * from private.my_wallet_movements(max_rows) $$;
create function public.admin_money_positions()
returns table (currency text, revenue_cents bigint, processor_fees_cents bigint, net_revenue_cents bigint,
               platform_escrow_cents bigint, expert_escrow_cents bigint, pending_cents bigint, available_cents bigint, stripe_clearing_cents bigint)
language sql stable set search_path = '' as $$ select * from private.admin_money_positions() $$;

revoke all on function public.apply_stripe_event(jsonb, bigint), public.prepare_payment(uuid), public.create_pay_link(uuid),
  public.claim_pay_link(text), public.mark_job_done(uuid), public.confirm_job_done(uuid), public.release_hold_early(uuid),
  public.my_wallet(), public.my_wallet_movements(integer), public.admin_money_positions() from public;
grant execute on function public.apply_stripe_event(jsonb, bigint) to service_role;
grant execute on function public.prepare_payment(uuid), public.create_pay_link(uuid), public.claim_pay_link(text),
  public.mark_job_done(uuid), public.confirm_job_done(uuid), public.release_hold_early(uuid),
  public.my_wallet(), public.my_wallet_movements(integer), public.admin_money_positions() to authenticated;
