-- Experts are paid out to a Stripe Express account they connect from their wallet. The `payments`
-- function creates the account (with the expert's id in its metadata) and an onboarding link; from
-- then on Stripe's account.updated events keep what we know of it: details submitted, charges and
-- payouts enabled, the transfers capability, and what Stripe still needs. An expert is ready for
-- payouts when payouts are enabled and transfers active.

alter table private.ledger_accounts drop constraint ledger_accounts_expert_purpose;
alter table private.ledger_accounts add constraint ledger_accounts_expert_purpose check (
  (purpose in ('expert_escrow', 'expert_pending', 'expert_available', 'expert_carry', 'expert_payout_in_flight')) = (expert_id is not null));

create table private.payout_accounts (
  expert_id uuid primary key references public.experts (id),
  stripe_account_id text not null unique check (stripe_account_id ~ '^acct_'),
  details_submitted boolean not null default false,
  charges_enabled boolean not null default false,
  payouts_enabled boolean not null default false,
  transfers_active boolean not null default false,
  requirements_due text[] not null default '{}',
  disabled_reason text,
  last_event_at timestamptz, -- the newest account.updated applied: older ones arriving late change nothing
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table private.payout_accounts enable row level security;

create function private.payout_account_ready(a private.payout_accounts) returns boolean
language sql immutable set search_path = '' as $$ select a.payouts_enabled and a.transfers_active $$;

-- When an expert first asked for an account: if the answer to creating it was lost and Stripe has
-- since forgotten the idempotency key (after 24 hours), the function finds the account by the
-- expert's id among the accounts created around then instead of creating a second one.
create table private.payout_onboardings (
  expert_id uuid primary key references public.experts (id),
  started_at timestamptz not null default now()
);
alter table private.payout_onboardings enable row level security;

-- The payments function's first step: who the caller is as an expert, their account if any, and
-- when they first asked for one.
create function private.payout_onboarding() returns table (expert_id uuid, stripe_account_id text, started_at timestamptz)
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_expert uuid := private.approved_expert_id();
begin
  if v_expert is null then
    raise exception 'only an approved expert connects a payout account' using errcode = '42501';
  end if;
  insert into private.payout_onboardings as o (expert_id) values (v_expert) on conflict on constraint payout_onboardings_pkey do nothing;
  return query select v_expert, (select a.stripe_account_id from private.payout_accounts a where a.expert_id = v_expert),
                      (select o.started_at from private.payout_onboardings o where o.expert_id = v_expert);
end
$$;

-- The payments function records the account it created (secret key only: a caller could otherwise
-- attach any account id to themselves). An expert keeps their first account.
create function private.link_payout_account(p_expert_id uuid, p_stripe_account_id text) returns text
language plpgsql volatile security definer set search_path = '' as $$
begin
  -- Any conflict, not only the expert's: two requests at once both link the same new account, and the
  -- account id's own unique index would otherwise fail the second.
  insert into private.payout_accounts (expert_id, stripe_account_id) values (p_expert_id, p_stripe_account_id)
  on conflict do nothing;
  return (select a.stripe_account_id from private.payout_accounts a where a.expert_id = p_expert_id);
end
$$;

-- account.updated: what Stripe says of the account now. An account not linked yet (the event can
-- beat the function's own call) is linked from the expert id in its metadata.
create function private.apply_account_updated(p_account jsonb, p_event_at timestamptz) returns text
language plpgsql volatile set search_path = '' as $$
declare
  v_expert uuid := private.uuid_or_null(p_account -> 'metadata' ->> 'expert_id');
  v_row private.payout_accounts%rowtype;
begin
  select * into v_row from private.payout_accounts a where a.stripe_account_id = p_account ->> 'id' for update;
  if not found then
    if v_expert is null or not exists (select 1 from public.experts e where e.id = v_expert) then
      return 'unknown_account';
    end if;
    insert into private.payout_accounts (expert_id, stripe_account_id) values (v_expert, p_account ->> 'id')
    on conflict do nothing;
    select * into v_row from private.payout_accounts a where a.stripe_account_id = p_account ->> 'id' for update;
    if not found then
      return 'expert_has_another_account';
    end if;
  end if;
  if v_row.last_event_at is not null and p_event_at < v_row.last_event_at then
    return 'stale';
  end if;
  update private.payout_accounts
     set details_submitted = coalesce((p_account ->> 'details_submitted')::boolean, false),
         charges_enabled = coalesce((p_account ->> 'charges_enabled')::boolean, false),
         payouts_enabled = coalesce((p_account ->> 'payouts_enabled')::boolean, false),
         transfers_active = coalesce(p_account -> 'capabilities' ->> 'transfers' = 'active', false),
         requirements_due = coalesce((select array_agg(distinct r order by r) from (
             select jsonb_array_elements_text(coalesce(p_account -> 'requirements' -> 'currently_due', '[]'))
             union select jsonb_array_elements_text(coalesce(p_account -> 'requirements' -> 'past_due', '[]'))) x(r)), '{}'),
         disabled_reason = p_account -> 'requirements' ->> 'disabled_reason',
         last_event_at = p_event_at,
         updated_at = now()
   where expert_id = v_row.expert_id;
  return 'account_updated';
end
$$;

/** What callers read: their own account, admins every account */
create policy payout_accounts_visible on private.payout_accounts for select to authenticated using (
  expert_id = (select private.current_expert_id()) or (select private.is_admin())
);
create view public.payout_accounts with (security_invoker = true) as
select a.expert_id, a.stripe_account_id, a.details_submitted, a.charges_enabled, a.payouts_enabled, a.transfers_active,
       a.requirements_due, a.disabled_reason, a.payouts_enabled and a.transfers_active as ready, a.updated_at
  from private.payout_accounts a;
comment on view public.payout_accounts is 'Experts'' Stripe payout accounts and what Stripe still needs: the expert and admins.';
grant select on public.payout_accounts to authenticated;
grant select (expert_id, stripe_account_id, details_submitted, charges_enabled, payouts_enabled, transfers_active, requirements_due,
              disabled_reason, updated_at)
  on private.payout_accounts to authenticated;

revoke all on function private.payout_account_ready(private.payout_accounts), private.payout_onboarding(),
  private.link_payout_account(uuid, text), private.apply_account_updated(jsonb, timestamptz) from public;
grant execute on function private.payout_onboarding() to authenticated;
grant execute on function private.link_payout_account(uuid, text) to service_role;

create function public.payout_onboarding() returns table (expert_id uuid, stripe_account_id text, started_at timestamptz)
language sql volatile set search_path = '' as $$ select * from private.payout_onboarding() $$;
comment on function public.payout_onboarding is 'The payments function: the calling expert and their payout account, if any.';
create function public.link_payout_account(expert_id uuid, stripe_account_id text) returns text
language sql volatile set search_path = '' as $$ select private.link_payout_account(expert_id, stripe_account_id) $$;
comment on function public.link_payout_account is 'The payments function records the Stripe account it created (secret key only).';
revoke all on function public.payout_onboarding(), public.link_payout_account(uuid, text) from public;
grant execute on function public.payout_onboarding() to authenticated;
grant execute on function public.link_payout_account(uuid, text) to service_role;
