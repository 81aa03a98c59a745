-- Disputes and chargebacks freeze a job's money. A dispute is the platform's own: the payer or the
-- performer opens it from payment until the hold ends, and an admin resolves it (release to the
-- performer, or refund in part or in full; audited). A chargeback is the card network's, reported
-- by Stripe (charge.dispute.*), and may come after the money was released or paid out. While either
-- is open nothing confirms, releases or pays out the job's money, and the owner cannot cancel it.

create table private.disputes (
  id uuid primary key default gen_random_uuid(),
  payable_id uuid not null unique references private.payables (id), -- one dispute per job: its resolution is final
  opened_by uuid not null references auth.users (id) on delete restrict,
  opened_by_role text not null check (opened_by_role in ('payer', 'performer')),
  reason text not null check (reason in ('not_delivered', 'not_as_described', 'poor_quality', 'no_show', 'payment', 'other')),
  message text not null check (char_length(trim(message)) between 1 and 2000),
  status text not null default 'open' check (status in ('open', 'resolved')),
  outcome text check (outcome in ('released', 'refunded')),
  refund_cents bigint check (refund_cents >= 0),
  resolution_note text check (char_length(resolution_note) <= 1000),
  resolved_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  check ((status = 'open') = (outcome is null))
);
alter table private.disputes enable row level security;

alter table private.refunds add column dispute_id uuid references private.disputes (id);

create table private.chargebacks (
  id text primary key check (id ~ '^(dp|du)_'),
  payment_id uuid not null references private.payments (id),
  payable_id uuid not null references private.payables (id),
  amount_cents bigint not null check (amount_cents > 0),
  currency text not null check (currency in ('ILS', 'USD', 'EUR')),
  reason text,
  stripe_status text not null,
  outcome text check (outcome in ('won', 'lost')),
  reversed_cents bigint not null default 0 check (reversed_cents >= 0), -- what a lost one took back from the job
  opened_at timestamptz not null default now(),
  closed_at timestamptz
);
create index chargebacks_payable_idx on private.chargebacks (payable_id);
alter table private.chargebacks enable row level security;

create function private.payable_frozen(p_payable_id uuid) returns boolean
language sql stable set search_path = '' as $$
  select exists (select 1 from private.disputes d where d.payable_id = p_payable_id and d.status = 'open')
      or exists (select 1 from private.chargebacks c where c.payable_id = p_payable_id and c.outcome is null)
$$;

create function private.refuse_if_frozen(p_payable_id uuid) returns void
language plpgsql stable set search_path = '' as $$
begin
  if exists (select 1 from private.disputes d where d.payable_id = p_payable_id and d.status = 'open') then
    raise exception 'a dispute is open on this job: its money stays frozen until an admin resolves it' using errcode = '22023';
  end if;
  if exists (select 1 from private.chargebacks c where c.payable_id = p_payable_id and c.outcome is null) then
    raise exception 'the card holder disputed this payment with their bank: its money stays frozen until the bank decides'
      using errcode = '22023';
  end if;
end
$$;

/** Opening a dispute */
create function private.open_dispute(p_payable_id uuid, p_reason text, p_message text) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  v private.payables%rowtype;
  v_role text;
  v_id uuid;
begin
  select * into v from private.payables p where p.id = p_payable_id for update;
  v_role := case when not found then null
                 when v.payer_user_id = auth.uid() then 'payer'
                 when v.performer_user_id = auth.uid() then 'performer' end;
  if v_role is null then
    raise exception 'only the payer or the expert doing the job opens a dispute on it' using errcode = '42501';
  end if;
  if not (v.status = 'paid' or (v.status = 'completed' and v.released_at is null and v.hold_until > private.clock())) then
    raise exception 'a dispute can be opened from payment until the hold ends' using errcode = '22023';
  end if;
  if exists (select 1 from private.disputes d where d.payable_id = v.id) then
    raise exception 'this job already has a dispute' using errcode = '22023';
  end if;
  if p_reason is null or p_reason not in ('not_delivered', 'not_as_described', 'poor_quality', 'no_show', 'payment', 'other') then
    raise exception 'reason must be one of not_delivered, not_as_described, poor_quality, no_show, payment, other' using errcode = '22023';
  end if;
  if p_message is null or char_length(trim(p_message)) not between 1 and 2000 then
    raise exception 'say what went wrong (up to 2,000 characters)' using errcode = '22023';
  end if;
  insert into private.disputes (payable_id, opened_by, opened_by_role, reason, message)
  values (v.id, auth.uid(), v_role, p_reason, trim(p_message))
  returning id into v_id;
  return v_id;
end
$$;

/** Finishing a job's money after a decision: complete it if needed, then release it now */
create function private.release_now(p_payable_id uuid) returns void
language plpgsql volatile set search_path = '' as $$
declare
  v private.payables%rowtype;
begin
  select * into v from private.payables p where p.id = p_payable_id for update;
  if v.status = 'paid' then
    perform private.complete_job(v);
    select * into v from private.payables p where p.id = p_payable_id;
  end if;
  if v.status = 'completed' and v.released_at is null then
    update private.payables set released_at = private.clock() where id = v.id;
    perform private.post_release(v);
  end if;
end
$$;

/** Resolving a dispute (admins, audited) */
create function private.resolve_dispute(p_dispute_id uuid, p_outcome text, p_refund_cents bigint, p_note text) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  d private.disputes%rowtype;
  v private.payables%rowtype;
  v_refund bigint;
  v_refund_id uuid;
begin
  perform private.require_admin();
  select * into d from private.disputes where id = p_dispute_id for update;
  if not found or d.status <> 'open' then
    raise exception 'only an open dispute can be resolved' using errcode = '22023';
  end if;
  select * into v from private.payables p where p.id = d.payable_id for update;
  -- The bank's decision comes first: Stripe refuses refunds on a disputed charge, and releasing
  -- money the card holder may win back would pay the experts twice.
  if exists (select 1 from private.chargebacks c where c.payable_id = v.id and c.outcome is null) then
    raise exception 'the card holder disputed this payment with their bank: resolve after the bank decides' using errcode = '22023';
  end if;
  if p_outcome = 'release' then
    if coalesce(p_refund_cents, 0) <> 0 then
      raise exception 'a release refunds nothing: resolve with refund to return money' using errcode = '22023';
    end if;
    v_refund := 0;
  elsif p_outcome = 'refund' then
    v_refund := coalesce(p_refund_cents, v.amount_cents - v.reversed_cents);
    if v_refund <= 0 then
      raise exception 'a refund returns a positive amount: resolve with release to refund nothing' using errcode = '22023';
    end if;
  else
    raise exception 'outcome must be release or refund' using errcode = '22023';
  end if;
  update private.disputes
     set status = 'resolved', outcome = case when p_outcome = 'release' then 'released' else 'refunded' end,
         refund_cents = v_refund, resolution_note = nullif(trim(p_note), ''), resolved_by = auth.uid(), resolved_at = now()
   where id = d.id;
  if v_refund > 0 then
    v_refund_id := private.create_refund(v.id, v_refund, 'dispute', p_note);
    update private.refunds set dispute_id = d.id where id = v_refund_id;
  end if;
  -- What the payer does not get back goes to the experts now: the dispute was the hold's purpose.
  perform private.release_now(v.id);
  perform private.audit_admin_action('dispute.resolve', 'private.disputes', d.id::text,
    jsonb_build_object('outcome', p_outcome, 'refund_cents', v_refund));
  return case when p_outcome = 'release' then 'released' else 'refunded' end;
end
$$;

/** A refund outside a dispute (admins, audited) */
create function private.refund_payable(p_payable_id uuid, p_amount_cents bigint, p_note text) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_refund uuid;
begin
  perform private.require_admin();
  perform 1 from private.payables p where p.id = p_payable_id for update;
  if not found then
    raise exception 'no such payable' using errcode = '22023';
  end if;
  if p_note is null or trim(p_note) = '' then
    raise exception 'say why (the note is shown to both parties)' using errcode = '22023';
  end if;
  perform private.refuse_if_frozen(p_payable_id);
  v_refund := private.create_refund(p_payable_id, p_amount_cents, 'admin', p_note);
  perform private.audit_admin_action('payable.refund', 'private.payables', p_payable_id::text,
    jsonb_build_object('refund_id', v_refund, 'amount_cents', p_amount_cents));
  return v_refund;
end
$$;

/** Cancelling after payment: the owner, before the work is marked done → a full refund */
create or replace function private.cancel_lead(p_lead_id uuid) returns public.lead_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_lead private.leads%rowtype;
  v_payable private.payables%rowtype;
begin
  select * into v_lead from private.leads l where l.id = p_lead_id for update;
  if not found or v_lead.owner_id <> auth.uid() then
    raise exception 'only the lead''s owner cancels it' using errcode = '42501';
  end if;
  if v_lead.status not in ('open', 'assigned', 'paid') then
    raise exception 'the lead is % and cannot be cancelled', v_lead.status using errcode = '22023';
  end if;
  if v_lead.status = 'paid' then
    select * into v_payable from private.payables p where p.lead_id = v_lead.id for update;
    perform private.refuse_if_frozen(v_payable.id);
    perform private.create_refund(v_payable.id, v_payable.amount_cents - v_payable.reversed_cents, 'lead_cancelled', null);
  end if;
  update private.leads l set status = 'cancelled', cancelled_at = now(), proposal_count = 0 where l.id = v_lead.id;
  update public.proposals p set status = 'declined', decided_at = now() where p.lead_id = v_lead.id and p.status = 'submitted';
  update private.contact_access_grants g set revoked_at = now(), revoked_reason = 'lead_cancelled'
   where g.lead_id = v_lead.id and g.revoked_at is null;
  update private.payables p set status = 'cancelled' where p.lead_id = v_lead.id and p.status = 'due';
  return 'cancelled';
end
$$;

/** Frozen money does not move: completing a job and releasing its hold refuse while it is frozen,
    whoever asks (the payer's confirmation, an admin's early release, any later path); the cron jobs
    skip frozen jobs rather than fail their whole run */
create or replace function private.complete_job(p_payable private.payables) returns void
language plpgsql volatile set search_path = '' as $$
declare
  v_hold integer := (select s.hold_days from private.marketplace_settings s);
begin
  perform private.refuse_if_frozen(p_payable.id);
  update private.leads set status = 'completed' where id = p_payable.lead_id;
  update private.payables set status = 'completed', completed_at = private.clock(),
         hold_until = private.clock() + make_interval(days => v_hold)
   where id = p_payable.id;
  perform private.post_completion(p_payable);
end
$$;

create or replace function private.post_release(p private.payables) returns void
language plpgsql volatile set search_path = '' as $$
begin
  perform private.refuse_if_frozen(p.id);
  perform private.post_ledger_transaction('hold_release', 'release:' || p.id, p.currency,
    (select jsonb_agg(e) from private.payable_parties(p) x,
       lateral (values (jsonb_build_object('account', private.ledger_account('expert_pending', p.currency, x.expert_id), 'amount_cents', x.amount_cents)),
                       (jsonb_build_object('account', private.ledger_account('expert_available', p.currency, x.expert_id), 'amount_cents', -x.amount_cents))) v(e)
      where x.expert_id is not null and x.amount_cents > 0),
    p.id);
end
$$;

create or replace function private.auto_confirm_jobs() returns integer
language plpgsql volatile set search_path = '' as $$
declare
  v private.payables%rowtype;
  n integer := 0;
begin
  for v in
    select p.* from private.payables p join private.leads l on l.id = p.lead_id
     where l.status = 'done' and p.status = 'paid'
       and p.done_at <= private.clock() - make_interval(days => (select s.auto_confirm_days from private.marketplace_settings s))
       and not private.payable_frozen(p.id)
     order by p.done_at
     for update of p skip locked
  loop
    perform private.complete_job(v);
    n := n + 1;
  end loop;
  return n;
end
$$;

create or replace function private.release_holds() returns integer
language plpgsql volatile set search_path = '' as $$
declare
  v private.payables%rowtype;
  n integer := 0;
begin
  for v in
    select p.* from private.payables p
     where p.status = 'completed' and p.released_at is null and p.hold_until <= private.clock()
       and not private.payable_frozen(p.id)
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

/** What callers read */
create policy disputes_visible on private.disputes for select to authenticated using (
  exists (select 1 from private.payables p
           where p.id = payable_id and (select auth.uid()) in (p.payer_user_id, p.performer_user_id))
  or (select private.is_admin())
);
create view public.disputes with (security_invoker = true) as
select d.id, d.payable_id, d.opened_by_role, d.reason, d.message, d.status, d.outcome, d.refund_cents, d.resolution_note,
       d.created_at, d.resolved_at
  from private.disputes d;
comment on view public.disputes is 'Disputes over a job''s money: the payer, the expert doing the job, and admins.';
grant select on public.disputes to authenticated;
grant select (id, payable_id, opened_by_role, reason, message, status, outcome, refund_cents, resolution_note, created_at, resolved_at)
  on private.disputes to authenticated;
grant select (dispute_id) on private.refunds to authenticated;

create or replace view public.refunds with (security_invoker = true) as
select r.id, r.payable_id, r.amount_cents, r.currency, r.reason, r.note, r.status, r.created_at, r.succeeded_at, r.failed_at,
       r.dispute_id
  from private.refunds r;

create policy chargebacks_visible on private.chargebacks for select to authenticated using (
  payable_id in (select p.id from private.payables p) or (select private.is_admin())
);
create view public.chargebacks with (security_invoker = true) as
select c.id, c.payable_id, c.amount_cents, c.currency, c.reason, c.stripe_status, c.outcome, c.reversed_cents, c.opened_at, c.closed_at
  from private.chargebacks c;
comment on view public.chargebacks is 'Card holders'' disputes with their bank, as Stripe reports them: the parties to the job and admins.';
grant select on public.chargebacks to authenticated;
grant select (id, payable_id, amount_cents, currency, reason, stripe_status, outcome, reversed_cents, opened_at, closed_at)
  on private.chargebacks to authenticated;

/** Grants and the public contract */
revoke all on function private.payable_frozen(uuid), private.refuse_if_frozen(uuid), private.open_dispute(uuid, text, text),
  private.release_now(uuid), private.resolve_dispute(uuid, text, bigint, text), private.refund_payable(uuid, bigint, text) from public;
grant execute on function private.open_dispute(uuid, text, text), private.resolve_dispute(uuid, text, bigint, text),
  private.refund_payable(uuid, bigint, text) to authenticated;

create function public.open_dispute(payable_id uuid, reason text, message text) returns uuid
language sql volatile set search_path = '' as $$ select private.open_dispute(payable_id, reason, message) $$;
comment on function public.open_dispute is 'The payer or the performer disputes a job''s money, from payment until the hold ends.';
create function public.resolve_dispute(dispute_id uuid, outcome text, refund_cents bigint default null, note text default null) returns text
language sql volatile set search_path = '' as $$ select private.resolve_dispute(dispute_id, outcome, refund_cents, note) $$;
comment on function public.resolve_dispute is 'Admins: release to the performer, or refund in part (refund_cents) or in full; audited.';
create function public.refund_payable(payable_id uuid, amount_cents bigint, note text) returns uuid
language sql volatile set search_path = '' as $$ select private.refund_payable(payable_id, amount_cents, note) $$;
comment on function public.refund_payable is 'Admins: refund a paid job outside a dispute; audited.';
revoke all on function public.open_dispute(uuid, text, text), public.resolve_dispute(uuid, text, bigint, text),
  public.refund_payable(uuid, bigint, text) from public;
grant execute on function public.open_dispute(uuid, text, text), public.resolve_dispute(uuid, text, bigint, text),
  public.refund_payable(uuid, bigint, text) to authenticated;
