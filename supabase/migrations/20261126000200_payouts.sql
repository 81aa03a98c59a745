-- Payouts: a batch per period takes each ready expert's available balance (as of the period's end,
-- never more than is available now), nets what they owe (carry) from it, and moves the net into
-- `expert_payout_in_flight`; a negative net is carried forward, never transferred. The `payouts`
-- function then executes the batch: a transfer to the expert's connected account (transfer_group =
-- the payout's id), recorded here, and a payout from that account to their bank. A transfer refused
-- or reversed returns the money to available.

alter table private.marketplace_settings
  add column payout_cadence text not null default 'weekly' check (payout_cadence in ('weekly', 'monthly'));
grant select (payout_cadence) on private.marketplace_settings to authenticated;

create table private.payout_batches (
  id uuid primary key default gen_random_uuid(),
  period_end date not null unique, -- one batch per period: creating it twice is refused, not doubled
  created_by uuid references auth.users (id) on delete set null, -- null: the scheduler
  created_at timestamptz not null default now(),
  executed_at timestamptz
);
alter table private.payout_batches enable row level security;

create table private.payouts (
  id uuid primary key default gen_random_uuid(),
  batch_id uuid not null references private.payout_batches (id),
  expert_id uuid not null references public.experts (id),
  currency text not null check (currency in ('ILS', 'USD', 'EUR')),
  amount_cents bigint not null check (amount_cents > 0),       -- what is transferred
  available_cents bigint not null check (available_cents > 0), -- what left available
  carry_netted_cents bigint not null default 0 check (carry_netted_cents >= 0),
  stripe_account_id text not null,
  -- pending → transferred → paid; payout_failed: the bank refused (the money waits in the expert's
  -- Stripe balance); failed: the transfer was refused; reversed: the transfer was taken back.
  status text not null default 'pending' check (status in ('pending', 'transferred', 'paid', 'payout_failed', 'failed', 'reversed')),
  transfer_id text unique,
  bank_payout_id text unique,
  reversed_cents bigint not null default 0 check (reversed_cents >= 0),
  attempts integer not null default 0, -- times handed to the payouts function: a retry looks before it pays
  claimed_until timestamptz,           -- handed to a run: another run at the same time leaves it alone
  failure_reason text,
  created_at timestamptz not null default now(),
  transferred_at timestamptz,
  paid_at timestamptz,
  failed_at timestamptz,
  unique (batch_id, expert_id, currency),
  check (amount_cents = available_cents - carry_netted_cents)
);
create index payouts_expert_idx on private.payouts (expert_id, created_at desc);
create index payouts_to_execute_idx on private.payouts (batch_id, created_at) where status in ('pending', 'transferred');
alter table private.payouts enable row level security;

/** Building a batch, set-based: 10,000 experts over a million ledger entries in seconds */
create function private.build_payout_batch(p_period_end date, p_created_by uuid) returns uuid
language plpgsql volatile set search_path = '' as $$
declare
  v_batch uuid;
  v_cutoff timestamptz := (p_period_end + 1)::timestamp at time zone 'UTC';
begin
  if p_period_end is null or v_cutoff > private.clock() then
    raise exception 'a payout batch covers a period that has ended' using errcode = '22023';
  end if;
  insert into private.payout_batches (period_end, created_by) values (p_period_end, p_created_by)
  on conflict (period_end) do nothing
  returning id into v_batch;
  if v_batch is null then
    raise exception 'there is already a payout batch for the period ending %', p_period_end using errcode = '22023';
  end if;

  -- Lock the available accounts of ready experts, as reversals do before taking from them.
  perform 1 from private.ledger_accounts a join private.payout_accounts pa on pa.expert_id = a.expert_id
   where a.purpose = 'expert_available' and private.payout_account_ready(pa)
   order by a.id
   for update of a;

  drop table if exists pg_temp.batch_lines;
  create temp table batch_lines on commit drop as
  with balances as (
    select a.expert_id, a.currency,
           -coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_available' and t.effective_at < v_cutoff), 0) as available_then,
           -coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_available'), 0) as available_now,
           coalesce(sum(e.amount_cents) filter (where a.purpose = 'expert_carry'), 0) as carry
      from private.ledger_accounts a
      join private.payout_accounts pa on pa.expert_id = a.expert_id and private.payout_account_ready(pa)
      join private.ledger_entries e on e.account_id = a.id
      join private.ledger_transactions t on t.id = e.transaction_id
     where a.purpose in ('expert_available', 'expert_carry')
     group by a.expert_id, a.currency)
  select b.expert_id, b.currency, least(b.available_then, b.available_now) as take, least(b.carry, least(b.available_then, b.available_now)) as netted,
         gen_random_uuid() as payout_id
    from balances b
   where least(b.available_then, b.available_now) > 0;

  insert into private.ledger_accounts (purpose, expert_id, currency)
  select x.purpose, l.expert_id, l.currency from pg_temp.batch_lines l,
         (values ('expert_payout_in_flight'::private.ledger_account_purpose), ('expert_carry')) x(purpose)
  on conflict (purpose, expert_id, currency) do nothing;

  insert into private.payouts (id, batch_id, expert_id, currency, amount_cents, available_cents, carry_netted_cents, stripe_account_id)
  select l.payout_id, v_batch, l.expert_id, l.currency, l.take - l.netted, l.take, l.netted, pa.stripe_account_id
    from pg_temp.batch_lines l join private.payout_accounts pa on pa.expert_id = l.expert_id
   where l.take > l.netted;

  -- One ledger transaction per line: available out; the carry settled from it; the rest in flight.
  with tx as (
    insert into private.ledger_transactions (kind, idempotency_key, effective_at)
    select case when l.take > l.netted then 'payout' else 'carry_offset' end,
           'payout:' || v_batch || ':' || l.expert_id || ':' || l.currency, private.clock()
      from pg_temp.batch_lines l
    returning id, idempotency_key)
  insert into private.ledger_entries (transaction_id, account_id, amount_cents, currency)
  select tx.id, a.id, x.amount, l.currency
    from pg_temp.batch_lines l
    join tx on tx.idempotency_key = 'payout:' || v_batch || ':' || l.expert_id || ':' || l.currency
    cross join lateral (values ('expert_available'::private.ledger_account_purpose, l.take),
                               ('expert_carry', -l.netted),
                               ('expert_payout_in_flight', -(l.take - l.netted))) x(purpose, amount)
    join private.ledger_accounts a on a.purpose = x.purpose and a.expert_id = l.expert_id and a.currency = l.currency
   where x.amount <> 0;
  return v_batch;
end
$$;

create function private.create_payout_batch(p_period_end date) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_batch uuid;
begin
  perform private.require_admin();
  v_batch := private.build_payout_batch(p_period_end, auth.uid());
  perform private.audit_admin_action('payout_batch.create', 'private.payout_batches', v_batch::text,
    jsonb_build_object('period_end', p_period_end));
  return v_batch;
end
$$;

-- pg_cron, daily: on the cadence's day (Mondays for weekly, the 1st for monthly) the batch for the
-- period that just ended, once.
create function private.scheduled_payout_batch() returns uuid
language plpgsql volatile set search_path = '' as $$
declare
  v_today date := (private.clock() at time zone 'UTC')::date;
  v_cadence text := (select s.payout_cadence from private.marketplace_settings s);
begin
  if (v_cadence = 'weekly' and extract(isodow from v_today) <> 1) or (v_cadence = 'monthly' and extract(day from v_today) <> 1)
     or exists (select 1 from private.payout_batches b where b.period_end = v_today - 1) then
    return null;
  end if;
  return private.build_payout_batch(v_today - 1, null);
end
$$;
select cron.schedule('payout-batch', '15 2 * * *', 'select private.scheduled_payout_batch()');

/** Executing: what the payouts function reads and records */
create function private.can_run_payouts() returns boolean
language sql stable set search_path = '' as $$
  select (select auth.role()) = 'service_role' or private.is_admin()
$$;

-- The next payouts to transfer or pay out, counted as an attempt each: a payout handed out before
-- is a retry, and the function then looks for what an earlier attempt may have done at Stripe. Each
-- is claimed for two minutes, so runs at the same time (a second screen, the sweep) share the work
-- instead of repeating it; a run that dies leaves its payouts to the next after the claim lapses.
create function private.payouts_to_execute(p_batch_id uuid, p_limit integer)
returns table (payout_id uuid, expert_id uuid, currency text, amount_cents bigint, stripe_account_id text, status text, transfer_id text,
               attempts integer, remaining bigint)
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_remaining bigint;
begin
  if not private.can_run_payouts() then
    raise exception 'only an admin runs payouts' using errcode = '42501';
  end if;
  -- An admin's run is audited once, not once per chunk: the screen calls again and again.
  if (select auth.role()) is distinct from 'service_role' and not exists (
      select 1 from audit.admin_actions x
       where x.action = 'payout_batch.run' and x.target_id = coalesce(p_batch_id::text, 'all') and x.actor_id = auth.uid()
         and x.created_at > now() - interval '10 minutes') then
    perform private.audit_admin_action('payout_batch.run', 'private.payout_batches', coalesce(p_batch_id::text, 'all'));
  end if;
  select count(*) into v_remaining from private.payouts p
   where (p_batch_id is null or p.batch_id = p_batch_id) and (p.status = 'pending' or (p.status = 'transferred' and p.bank_payout_id is null));
  return query
    with next as (
      select p.id from private.payouts p
       where (p_batch_id is null or p.batch_id = p_batch_id)
         and (p.status = 'pending' or (p.status = 'transferred' and p.bank_payout_id is null))
         and (p.claimed_until is null or p.claimed_until < now())
       order by p.created_at, p.id
       limit least(greatest(coalesce(p_limit, 20), 1), 100)
       for update skip locked),
    counted as (
      update private.payouts p set attempts = p.attempts + 1, claimed_until = now() + interval '2 minutes' from next where p.id = next.id
      returning p.*),
    -- Whoever runs them (an admin, or the secret key's sweep), their batches have now been run.
    stamped as (
      update private.payout_batches b set executed_at = now()
       where b.executed_at is null and b.id in (select c.batch_id from counted c)
      returning b.id)
    -- What is left to move: a transfer reversed in part before its bank payout leaves less to pay out.
    select c.id, c.expert_id, c.currency, c.amount_cents - c.reversed_cents, c.stripe_account_id, c.status, c.transfer_id, c.attempts,
           v_remaining
      from counted c
     order by c.created_at, c.id;
end
$$;

-- The transfer exists (the function's call, or transfer.created): the money left the platform.
create function private.record_payout_transfer(p_payout_id uuid, p_transfer_id text) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v private.payouts%rowtype;
begin
  select * into v from private.payouts where id = p_payout_id for update;
  if not found then
    return 'unknown_payout';
  end if;
  if v.status <> 'pending' then
    return 'already_' || v.status;
  end if;
  update private.payouts set status = 'transferred', transfer_id = p_transfer_id, transferred_at = now() where id = v.id;
  perform private.post_ledger_transaction('payout_transfer', 'transfer:' || v.id, v.currency, jsonb_build_array(
    jsonb_build_object('account', private.ledger_account('expert_payout_in_flight', v.currency, v.expert_id), 'amount_cents', v.amount_cents),
    jsonb_build_object('account', private.ledger_account('stripe_clearing', v.currency), 'amount_cents', -v.amount_cents)));
  return 'transferred';
end
$$;

-- Stripe refused the transfer for good (the account cannot receive it): the money is available again.
create function private.record_payout_failed(p_payout_id uuid, p_reason text) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v private.payouts%rowtype;
begin
  select * into v from private.payouts where id = p_payout_id for update;
  if not found or v.status <> 'pending' then
    return coalesce('already_' || v.status, 'unknown_payout');
  end if;
  update private.payouts set status = 'failed', failure_reason = left(p_reason, 500), failed_at = now() where id = v.id;
  perform private.post_ledger_transaction('payout_failed', 'payout_failed:' || v.id, v.currency, jsonb_build_array(
    jsonb_build_object('account', private.ledger_account('expert_payout_in_flight', v.currency, v.expert_id), 'amount_cents', v.amount_cents),
    jsonb_build_object('account', private.ledger_account('expert_available', v.currency, v.expert_id), 'amount_cents', -v.amount_cents)));
  return 'failed';
end
$$;

-- The whole payout step from the function (service role): a transfer, a refusal, or the bank payout's id.
create function private.record_payout_step(p_payout_id uuid, p_step text, p_stripe_id text, p_reason text) returns text
language plpgsql volatile security definer set search_path = '' as $$
begin
  -- Executable by the secret key only (the grants below).
  case p_step
    when 'transferred' then return private.record_payout_transfer(p_payout_id, p_stripe_id);
    when 'refused' then return private.record_payout_failed(p_payout_id, p_reason);
    when 'bank_payout' then
      update private.payouts set bank_payout_id = coalesce(bank_payout_id, p_stripe_id), claimed_until = null where id = p_payout_id;
      return 'bank_payout_recorded';
    when 'released' then -- the run could not finish it: the next run may take it at once
      update private.payouts set claimed_until = null where id = p_payout_id;
      return 'released';
    else raise exception 'step must be transferred, refused, bank_payout or released' using errcode = '22023';
  end case;
end
$$;

-- transfer.reversed: Stripe took back (part of) a transfer; that much is available again.
create function private.apply_transfer_reversed(p_transfer jsonb) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v private.payouts%rowtype;
  v_reversed bigint := coalesce((p_transfer ->> 'amount_reversed')::bigint, 0);
begin
  select * into v from private.payouts
   where id = private.uuid_or_null(p_transfer ->> 'transfer_group') or transfer_id = p_transfer ->> 'id'
   for update;
  if not found then
    return 'unknown_payout';
  end if;
  if v.status = 'pending' then
    perform private.record_payout_transfer(v.id, p_transfer ->> 'id');
  end if;
  if v_reversed <= v.reversed_cents then
    return 'already_reversed';
  end if;
  perform private.post_ledger_transaction('payout_reversed', 'payout_reversed:' || v.id || ':' || v_reversed, v.currency, jsonb_build_array(
    jsonb_build_object('account', private.ledger_account('stripe_clearing', v.currency), 'amount_cents', v_reversed - v.reversed_cents),
    jsonb_build_object('account', private.ledger_account('expert_available', v.currency, v.expert_id),
                       'amount_cents', -(v_reversed - v.reversed_cents))));
  update private.payouts set reversed_cents = v_reversed,
         status = case when v_reversed >= amount_cents then 'reversed' else status end
   where id = v.id;
  return 'reversed';
end
$$;

-- payout.paid / payout.failed on the expert's account: the bank leg. A failed one leaves the money
-- in the expert's Stripe balance (Stripe pays it with their next payout once the bank is fixed).
create function private.apply_bank_payout(p_type text, p_payout jsonb) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v private.payouts%rowtype;
begin
  select * into v from private.payouts
   where id = private.uuid_or_null(p_payout -> 'metadata' ->> 'payout_id') or bank_payout_id = p_payout ->> 'id'
   for update;
  if not found then
    return 'unknown_payout';
  end if;
  if v.status not in ('transferred', 'payout_failed') then
    return 'already_' || v.status; -- paid stays paid; reversed and failed are final
  end if;
  if p_type = 'payout.paid' then
    update private.payouts set status = 'paid', paid_at = now(), bank_payout_id = coalesce(bank_payout_id, p_payout ->> 'id') where id = v.id;
    return 'paid';
  end if;
  update private.payouts set status = 'payout_failed', failed_at = now(), bank_payout_id = coalesce(bank_payout_id, p_payout ->> 'id'),
         failure_reason = left(coalesce(p_payout ->> 'failure_message', p_payout ->> 'failure_code'), 500)
   where id = v.id;
  return 'payout_failed';
end
$$;

/** Accounting export: ledger movements in a period (admins, audited) */
-- Read in pages of up to 1,000 entries after a cursor (the last entry id of the previous page), so an
-- export is one audited call and its pages never overlap or skip. Audited on the first page.
create function private.admin_ledger_movements(p_from timestamptz, p_to timestamptz, p_after_entry_id bigint)
returns table (entry_id bigint, transaction_id bigint, kind text, effective_at timestamptz, account text, expert_id uuid, currency text,
               amount_cents bigint, payable_id uuid)
language plpgsql volatile security definer set search_path = '' as $$
begin
  perform private.require_admin();
  if p_from is null or p_to is null or p_to <= p_from or p_to - p_from > interval '400 days' then
    raise exception 'choose a period of at most 400 days' using errcode = '22023';
  end if;
  if p_after_entry_id is null then
    perform private.audit_admin_action('ledger.export', 'private.ledger_entries', p_from::text || '/' || p_to::text,
      jsonb_build_object('from', p_from, 'to', p_to));
  end if;
  return query
    select e.id, t.id, t.kind, t.effective_at, a.purpose::text, a.expert_id, e.currency, e.amount_cents, t.payable_id
      from private.ledger_entries e
      join private.ledger_transactions t on t.id = e.transaction_id
      join private.ledger_accounts a on a.id = e.account_id
     where t.effective_at >= p_from and t.effective_at < p_to and e.id > coalesce(p_after_entry_id, 0)
     order by e.id
     limit 1000;
end
$$;

/** What callers read: admins every batch and payout, each expert their own payouts */
create policy payout_batches_visible on private.payout_batches for select to authenticated using ((select private.is_admin()));
create policy payouts_visible on private.payouts for select to authenticated using (
  expert_id = (select private.current_expert_id()) or (select private.is_admin())
);
create view public.payouts with (security_invoker = true) as
select p.id, p.batch_id, p.expert_id, p.currency, p.amount_cents, p.available_cents, p.carry_netted_cents, p.status, p.transfer_id,
       p.reversed_cents, p.failure_reason, p.created_at, p.transferred_at, p.paid_at, p.failed_at
  from private.payouts p;
comment on view public.payouts is 'Payouts to experts: each expert their own, admins all.';
create view public.payout_batches with (security_invoker = true) as
select b.id, b.period_end, b.created_at, b.executed_at, b.created_by is null as scheduled,
       (select count(*) from private.payouts p where p.batch_id = b.id)::integer as payouts,
       (select count(*) from private.payouts p where p.batch_id = b.id and p.status in ('pending', 'transferred'))::integer as in_progress,
       (select coalesce(jsonb_object_agg(x.currency, x.total), '{}') from (
          select p.currency, sum(p.amount_cents) as total from private.payouts p where p.batch_id = b.id group by p.currency) x) as totals
  from private.payout_batches b;
comment on view public.payout_batches is 'Payout batches with their counts and totals per currency: admins.';
grant select on public.payouts, public.payout_batches to authenticated;
grant select (id, batch_id, expert_id, currency, amount_cents, available_cents, carry_netted_cents, status, transfer_id, reversed_cents,
              failure_reason, created_at, transferred_at, paid_at, failed_at) on private.payouts to authenticated;
grant select (id, period_end, created_by, created_at, executed_at) on private.payout_batches to authenticated;

/** Grants and the public contract */
revoke all on function private.build_payout_batch(date, uuid), private.create_payout_batch(date), private.scheduled_payout_batch(),
  private.can_run_payouts(), private.payouts_to_execute(uuid, integer), private.record_payout_transfer(uuid, text),
  private.record_payout_failed(uuid, text), private.record_payout_step(uuid, text, text, text), private.apply_transfer_reversed(jsonb),
  private.apply_bank_payout(text, jsonb), private.admin_ledger_movements(timestamptz, timestamptz, bigint) from public;
grant execute on function private.create_payout_batch(date), private.payouts_to_execute(uuid, integer),
  private.admin_ledger_movements(timestamptz, timestamptz, bigint) to authenticated;
grant execute on function private.payouts_to_execute(uuid, integer), private.record_payout_step(uuid, text, text, text) to service_role;

create function public.create_payout_batch(period_end date) returns uuid
language sql volatile set search_path = '' as $$ select private.create_payout_batch(period_end) $$;
comment on function public.create_payout_batch is 'Admins: the payout batch for a period that has ended (the scheduler calls the same); audited.';
create function public.payouts_to_execute(batch_id uuid default null, max_rows integer default 20)
returns table (payout_id uuid, expert_id uuid, currency text, amount_cents bigint, stripe_account_id text, status text, transfer_id text,
               attempts integer, remaining bigint)
language sql volatile set search_path = '' as $$ select * from private.payouts_to_execute(batch_id, max_rows) $$;
comment on function public.payouts_to_execute is 'The payouts function: the next payouts of a batch still to transfer or pay out.';
create function public.record_payout_step(payout_id uuid, step text, stripe_id text default null, reason text default null) returns text
language sql volatile set search_path = '' as $$ select private.record_payout_step(payout_id, step, stripe_id, reason) $$;
comment on function public.record_payout_step is 'The payouts function records a transfer, a refusal or a bank payout (secret key only).';
create function public.admin_ledger_movements(from_at timestamptz, to_at timestamptz, after_entry_id bigint default null)
returns table (entry_id bigint, transaction_id bigint, kind text, effective_at timestamptz, account text, expert_id uuid, currency text,
               amount_cents bigint, payable_id uuid)
language sql volatile set search_path = '' as $$ select * from private.admin_ledger_movements(from_at, to_at, after_entry_id) $$;
comment on function public.admin_ledger_movements is 'Admins: the ledger entries of a period for accounting (CSV), 1,000 after a cursor; audited.';
revoke all on function public.create_payout_batch(date), public.payouts_to_execute(uuid, integer),
  public.record_payout_step(uuid, text, text, text), public.admin_ledger_movements(timestamptz, timestamptz, bigint) from public;
grant execute on function public.create_payout_batch(date), public.payouts_to_execute(uuid, integer),
  public.admin_ledger_movements(timestamptz, timestamptz, bigint) to authenticated;
grant execute on function public.payouts_to_execute(uuid, integer), public.record_payout_step(uuid, text, text, text) to service_role;
