-- Refunds: money going back to a payer, whole or in part, with who decided it and why. A refund is
-- posted to the ledger when it is decided, so every wallet follows at once; the `refunds` function
-- then sends it to Stripe with an idempotency key derived from the refund's id, and charge.refunded
-- confirms it. A reversal (a refund, or later a lost chargeback) takes back the platform commission
-- and the referrer fee pro rata to the amount, the performer's net the remainder, each from wherever
-- that share sits now (escrow, pending, available). Stripe keeps its processing fee: the platform
-- absorbs it in the processor-fee account, where it was booked when the payment settled.

alter table private.ledger_accounts drop constraint ledger_accounts_check;
alter table private.ledger_accounts add constraint ledger_accounts_expert_purpose check (
  (purpose in ('expert_escrow', 'expert_pending', 'expert_available', 'expert_carry')) = (expert_id is not null));

-- What has gone back to the payer so far, and from whose share: the pro-rata split is computed on
-- the cumulative amount, so any sequence of partial refunds ends in exactly the full split.
alter table private.payables
  add column reversed_cents bigint not null default 0,
  add column reversed_platform_cents bigint not null default 0,
  add column reversed_referrer_cents bigint not null default 0,
  add column reversed_performer_cents bigint not null default 0,
  add constraint payables_reversal_within_amount check (
    reversed_cents between 0 and amount_cents
    and reversed_platform_cents between 0 and platform_fee_cents
    and reversed_referrer_cents between 0 and referrer_fee_cents
    and reversed_performer_cents between 0 and performer_net_cents
    and reversed_platform_cents + reversed_referrer_cents + reversed_performer_cents = reversed_cents);

/** Where a payable's shares sit now */
create function private.payable_stage(p private.payables) returns text
language sql immutable set search_path = '' as $$
  select case when p.released_at is not null then 'available' when p.completed_at is not null then 'pending' else 'escrow' end
$$;

-- The shares still owed on a payable: what was split at acceptance, less what went back to the payer.
-- Completion and release move these, so a job partly refunded completes with the rest.
create or replace function private.payable_parties(p private.payables)
returns table (purpose_escrow private.ledger_account_purpose, purpose_next private.ledger_account_purpose, expert_id uuid, amount_cents bigint)
language sql immutable set search_path = '' as $$
  values ('platform_escrow'::private.ledger_account_purpose, 'platform_revenue'::private.ledger_account_purpose, null::uuid,
          p.platform_fee_cents - p.reversed_platform_cents),
         ('expert_escrow', 'expert_pending', p.referrer_expert_id, p.referrer_fee_cents - p.reversed_referrer_cents),
         ('expert_escrow', 'expert_pending', p.performer_expert_id, p.performer_net_cents - p.reversed_performer_cents)
$$;

/**
 * The split of reversing `p_amount` more of a payable: cumulative commission and referrer fee are
 * round-half-up of fee × reversed / amount, the performer takes the remainder, each kept within its
 * share (tiny amounts can round two fees past the total); this reversal is the difference from
 * what was reversed before.
 */
create function private.reversal_split(p private.payables, p_amount bigint)
returns table (platform_cents bigint, referrer_cents bigint, performer_cents bigint)
language plpgsql immutable set search_path = '' as $$
declare
  t bigint := p.reversed_cents + p_amount;
  cp bigint := round(p.platform_fee_cents::numeric * t / p.amount_cents);
  cr bigint := round(p.referrer_fee_cents::numeric * t / p.amount_cents);
  cn bigint := t - cp - cr;
begin
  if cn < 0 then
    cr := cr + cn;
    cn := 0;
    if cr < 0 then
      cp := cp + cr;
      cr := 0;
    end if;
  elsif cn > p.performer_net_cents then
    cr := cr + cn - p.performer_net_cents;
    cn := p.performer_net_cents;
    if cr > p.referrer_fee_cents then
      cp := cp + cr - p.referrer_fee_cents;
      cr := p.referrer_fee_cents;
    end if;
  end if;
  return query select cp - p.reversed_platform_cents, cr - p.reversed_referrer_cents, cn - p.reversed_performer_cents;
end
$$;

-- An expert's part of a reversal, from the bucket the payable is in. Released money may already be
-- paid out: what the available balance cannot cover becomes the expert's carry, netted from later
-- payouts, so available never goes negative.
create function private.expert_reversal_entries(p_expert_id uuid, p_cents bigint, p_stage text, p_currency text) returns jsonb
language plpgsql volatile set search_path = '' as $$
declare
  v_available_account bigint;
  v_available bigint;
  v_covered bigint;
begin
  if p_expert_id is null or p_cents = 0 then
    return '[]';
  end if;
  if p_stage <> 'available' then
    return jsonb_build_array(jsonb_build_object(
      'account', private.ledger_account(('expert_' || p_stage)::private.ledger_account_purpose, p_currency, p_expert_id),
      'amount_cents', p_cents));
  end if;
  v_available_account := private.ledger_account('expert_available', p_currency, p_expert_id);
  -- Serialise with anything else reading this balance to take from it (payouts, other reversals).
  perform 1 from private.ledger_accounts a where a.id = v_available_account for update;
  if p_cents < 0 then
    -- Rounding can hand a cent back: it first settles what the expert owes.
    v_covered := least(greatest(private.account_balance(private.ledger_account('expert_carry', p_currency, p_expert_id)), 0), -p_cents);
    return jsonb_build_array(
      jsonb_build_object('account', private.ledger_account('expert_carry', p_currency, p_expert_id), 'amount_cents', -v_covered),
      jsonb_build_object('account', v_available_account, 'amount_cents', p_cents + v_covered));
  end if;
  v_available := -private.account_balance(v_available_account);
  v_covered := least(greatest(v_available, 0), p_cents);
  return jsonb_build_array(
    jsonb_build_object('account', v_available_account, 'amount_cents', v_covered),
    jsonb_build_object('account', private.ledger_account('expert_carry', p_currency, p_expert_id), 'amount_cents', p_cents - v_covered));
end
$$;

/**
 * Reverses `p_amount` of a paid payable: the shares come back from where they are, `p_source` (the
 * Stripe clearing account for a refund, the held funds for a lost chargeback) pays it out. Posting
 * the same key again changes nothing. The whole amount reversed makes the payable `refunded`.
 */
create function private.post_reversal(p_payable_id uuid, p_amount bigint, p_kind text, p_key text,
                                      p_source private.ledger_account_purpose)
returns bigint
language plpgsql volatile set search_path = '' as $$
declare
  p private.payables%rowtype;
  s record;
  v_stage text;
  v_tx bigint;
begin
  select * into p from private.payables where id = p_payable_id for update;
  select t.id into v_tx from private.ledger_transactions t where t.idempotency_key = p_key;
  if found then
    return v_tx;
  end if;
  if p.status not in ('paid', 'completed') then
    raise exception 'only a paid job can be refunded (this one is %)', p.status using errcode = '22023';
  end if;
  if p_amount is null or p_amount <= 0 or p_amount > p.amount_cents - p.reversed_cents then
    raise exception 'the amount must be between 1 and %, what is left of the payment in minor units', p.amount_cents - p.reversed_cents
      using errcode = '22023';
  end if;
  select * into s from private.reversal_split(p, p_amount);
  v_stage := private.payable_stage(p);
  v_tx := private.post_ledger_transaction(p_kind, p_key, p.currency,
    jsonb_build_array(
      jsonb_build_object('account', private.ledger_account(p_source, p.currency), 'amount_cents', -p_amount),
      jsonb_build_object('account', private.ledger_account(case when v_stage = 'escrow' then 'platform_escrow'
                                                                else 'platform_revenue' end::private.ledger_account_purpose, p.currency),
                         'amount_cents', s.platform_cents))
    || private.expert_reversal_entries(p.referrer_expert_id, s.referrer_cents, v_stage, p.currency)
    || private.expert_reversal_entries(p.performer_expert_id, s.performer_cents, v_stage, p.currency),
    p.id);
  update private.payables
     set reversed_cents = reversed_cents + p_amount,
         reversed_platform_cents = reversed_platform_cents + s.platform_cents,
         reversed_referrer_cents = reversed_referrer_cents + s.referrer_cents,
         reversed_performer_cents = reversed_performer_cents + s.performer_cents,
         status = case when reversed_cents + p_amount = amount_cents then 'refunded'::public.payable_status else status end
   where id = p.id;
  -- Nothing left of the job: the performer's access to the client's contact ends, and a job not yet
  -- completed is off.
  if p.reversed_cents + p_amount = p.amount_cents then
    update private.contact_access_grants g set revoked_at = now(), revoked_reason = 'refunded'
     where g.lead_id = p.lead_id and g.revoked_at is null;
    update private.leads l set status = 'cancelled', cancelled_at = now() where l.id = p.lead_id and l.status in ('paid', 'done');
  end if;
  return v_tx;
end
$$;

/** Refunds */
create table private.refunds (
  id uuid primary key default gen_random_uuid(),
  payable_id uuid not null references private.payables (id),
  payment_id uuid not null references private.payments (id),
  amount_cents bigint not null check (amount_cents > 0),
  currency text not null check (currency in ('ILS', 'USD', 'EUR')),
  -- lead_cancelled: the owner cancelled after paying; dispute: an admin's resolution; admin: an
  -- admin's refund outside a dispute; payment_returned: a payment the payable could not take;
  -- provider: made in Stripe, not by the product (recorded from charge.refunded).
  reason text not null check (reason in ('lead_cancelled', 'dispute', 'admin', 'payment_returned', 'provider')),
  note text check (char_length(note) <= 1000),
  requested_by uuid references auth.users (id) on delete set null,
  status text not null default 'pending' check (status in ('pending', 'submitted', 'succeeded', 'failed')),
  stripe_refund_id text unique,
  failure_reason text,
  created_at timestamptz not null default now(),
  submitted_at timestamptz,
  succeeded_at timestamptz,
  failed_at timestamptz
);
create index refunds_payable_idx on private.refunds (payable_id);
create index refunds_payment_idx on private.refunds (payment_id);
create index refunds_to_submit_idx on private.refunds (created_at) where status = 'pending';
alter table private.refunds enable row level security;

-- Records a refund of a paid payable and posts its reversal. Callers check who may.
create function private.create_refund(p_payable_id uuid, p_amount bigint, p_reason text, p_note text) returns uuid
language plpgsql volatile set search_path = '' as $$
declare
  v_payment private.payments%rowtype;
  v_refund uuid;
begin
  if p_amount is null or p_amount <= 0 then
    raise exception 'a refund is a positive amount in minor units' using errcode = '22023';
  end if;
  select * into v_payment from private.payments p where p.payable_id = p_payable_id and p.status = 'paid';
  if not found then
    raise exception 'this job has no payment to refund' using errcode = '22023';
  end if;
  insert into private.refunds (payable_id, payment_id, amount_cents, currency, reason, note, requested_by)
  values (p_payable_id, v_payment.id, p_amount, v_payment.currency, p_reason, nullif(trim(p_note), ''), auth.uid())
  returning id into v_refund;
  perform private.post_reversal(p_payable_id, p_amount, 'refund', 'refund:' || v_refund, 'stripe_clearing');
  return v_refund;
end
$$;

/** What the refunds function sends to Stripe */
-- Refunds decided but not yet acknowledged by Stripe: one payable's for a party to it (the screen
-- that just cancelled or resolved pushes them at once), every payable's for the secret key (the sweep).
create function private.refunds_to_submit(p_payable_id uuid)
returns table (refund_id uuid, payable_id uuid, payment_id uuid, payment_intent_id text, amount_cents bigint, currency text)
language plpgsql stable security definer set search_path = '' as $$
begin
  if (select auth.role()) is distinct from 'service_role' then
    if p_payable_id is null or not exists (
        select 1 from private.payables p where p.id = p_payable_id
           and ((select auth.uid()) in (p.lead_owner_id, p.payer_user_id, p.performer_user_id) or (select private.is_admin()))) then
      raise exception 'only the parties to a job send its refunds' using errcode = '42501';
    end if;
  end if;
  return query
    select r.id, r.payable_id, r.payment_id, pay.payment_intent_id, r.amount_cents, r.currency
      from private.refunds r join private.payments pay on pay.id = r.payment_id
     where r.status = 'pending' and (p_payable_id is null or r.payable_id = p_payable_id)
     order by r.created_at
     limit 100;
end
$$;

-- A refund that will not reach the payer (the bank bounced it, or Stripe refused to send it): the
-- money stays in Stripe, owed to the payer (payer_refunds_due) until an admin settles it. Once.
create function private.fail_refund(p_refund_id uuid, p_reason text) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v private.refunds%rowtype;
begin
  select * into v from private.refunds where id = p_refund_id for update;
  if not found then
    return 'unknown_refund';
  end if;
  if v.status = 'failed' then
    return 'already_failed';
  end if;
  update private.refunds set status = 'failed', failed_at = now(), failure_reason = left(p_reason, 500) where id = v.id;
  perform private.post_ledger_transaction('refund_failed', 'refund_failed:' || v.id, v.currency,
    jsonb_build_array(
      jsonb_build_object('account', private.ledger_account('stripe_clearing', v.currency), 'amount_cents', v.amount_cents),
      jsonb_build_object('account', private.ledger_account('payer_refunds_due', v.currency), 'amount_cents', -v.amount_cents)),
    v.payable_id);
  return 'refund_failed';
end
$$;

-- What Stripe answered the refunds function: its refund's id (never moving a refund back, as
-- charge.refunded may have confirmed it already), or a final refusal (the charge was refunded or
-- disputed at Stripe meanwhile), which fails the refund so no sweep retries it forever.
create function private.record_refund_sent(p_refund_id uuid, p_stripe_refund_id text, p_refused_reason text) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_status text;
begin
  if p_refused_reason is not null then
    return private.fail_refund(p_refund_id, 'refused by Stripe: ' || p_refused_reason);
  end if;
  update private.refunds
     set stripe_refund_id = coalesce(stripe_refund_id, p_stripe_refund_id),
         submitted_at = coalesce(submitted_at, now()),
         status = case when status = 'pending' then 'submitted' else status end
   where id = p_refund_id
  returning status into v_status;
  if v_status is null then
    raise exception 'no such refund' using errcode = '22023';
  end if;
  return v_status;
end
$$;

/** What callers read: the parties to the payable (RLS on payables decides) and admins */
create policy refunds_visible on private.refunds for select to authenticated using (
  payable_id in (select p.id from private.payables p) or (select private.is_admin())
);
create view public.refunds with (security_invoker = true) as
select r.id, r.payable_id, r.amount_cents, r.currency, r.reason, r.note, r.status, r.created_at, r.succeeded_at, r.failed_at
  from private.refunds r;
comment on view public.refunds is 'Money returned to payers, and why: the parties to the job and admins.';
grant select on public.refunds to authenticated;
grant select (id, payable_id, amount_cents, currency, reason, note, status, created_at, succeeded_at, failed_at) on private.refunds to authenticated;
grant select (reversed_cents) on private.payables to authenticated;

create or replace view public.payables with (security_invoker = true) as
select p.id, p.lead_id, p.proposal_id, p.payer_kind, p.payer_user_id = (select auth.uid()) as is_payer,
       p.performer_expert_id, p.referrer_expert_id, p.amount_cents, p.currency, p.fee_policy_version,
       p.platform_percent, p.referrer_share_percent, p.platform_fee_cents, p.referrer_fee_cents, p.performer_net_cents,
       p.status, p.created_at, p.paid_at, p.done_at, p.completed_at, p.hold_until, p.released_at,
       p.done_at + make_interval(days => (select s.auto_confirm_days from private.marketplace_settings s)) as auto_confirm_at,
       p.reversed_cents as refunded_cents
  from private.payables p;

revoke all on function private.payable_stage(private.payables), private.reversal_split(private.payables, bigint),
  private.expert_reversal_entries(uuid, bigint, text, text),
  private.post_reversal(uuid, bigint, text, text, private.ledger_account_purpose),
  private.create_refund(uuid, bigint, text, text), private.refunds_to_submit(uuid), private.fail_refund(uuid, text),
  private.record_refund_sent(uuid, text, text) from public;
grant execute on function private.refunds_to_submit(uuid) to authenticated, service_role;
grant execute on function private.record_refund_sent(uuid, text, text) to service_role;

create function public.refunds_to_submit(payable_id uuid default null)
returns table (refund_id uuid, payable_id uuid, payment_id uuid, payment_intent_id text, amount_cents bigint, currency text)
language sql stable set search_path = '' as $$ select * from private.refunds_to_submit(payable_id) $$;
comment on function public.refunds_to_submit is 'The refunds function''s list: refunds decided but not yet sent to Stripe.';
create function public.record_refund_sent(refund_id uuid, stripe_refund_id text default null, refused_reason text default null) returns text
language sql volatile set search_path = '' as $$ select private.record_refund_sent(refund_id, stripe_refund_id, refused_reason) $$;
comment on function public.record_refund_sent is 'The refunds function records Stripe''s refund id, or its final refusal (secret key only).';
revoke all on function public.refunds_to_submit(uuid), public.record_refund_sent(uuid, text, text) from public;
grant execute on function public.refunds_to_submit(uuid) to authenticated, service_role;
grant execute on function public.record_refund_sent(uuid, text, text) to service_role;
