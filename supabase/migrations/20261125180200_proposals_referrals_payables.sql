-- Proposals, referrals, acceptance (payables and contact-access grants), the audited reveal of a
-- lead's contact details, cancellation and expiry. Every lead transition is one RPC; anything else
-- gets a clear error. No API role writes these tables.

create type public.proposal_status as enum ('submitted', 'withdrawn', 'accepted', 'declined');
create type public.referral_status as enum ('pending', 'accepted', 'declined');
create type public.payable_status as enum ('due', 'cancelled');

/** Proposals: the same columns for everyone who may see them */
create table public.proposals (
  id uuid primary key default gen_random_uuid(),
  lead_id uuid not null references private.leads (id) on delete cascade,
  expert_id uuid not null references public.experts (id),
  price_cents bigint not null check (price_cents between 1 and 100000000000),
  currency text not null check (currency in ('ILS', 'USD', 'EUR')),
  message text not null check (char_length(message) between 1 and 2000),
  proposed_date date,
  status public.proposal_status not null default 'submitted',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  decided_at timestamptz
);
create unique index proposals_one_live_per_expert on public.proposals (lead_id, expert_id) where status in ('submitted', 'accepted');
create index proposals_lead_idx on public.proposals (lead_id, created_at);
create index proposals_expert_idx on public.proposals (expert_id, created_at desc);
alter table public.proposals enable row level security;
grant select on public.proposals to authenticated;
create trigger proposals_touch_updated_at before update on public.proposals for each row execute function private.touch_updated_at();

/** Referrals: a referral lead's owner inviting one chosen expert */
create table public.referrals (
  id uuid primary key default gen_random_uuid(),
  lead_id uuid not null references private.leads (id) on delete cascade,
  from_expert_id uuid not null references public.experts (id),
  to_expert_id uuid not null references public.experts (id),
  referrer_share_percent numeric(5, 2) not null, -- the lead's share when the invitation was made
  status public.referral_status not null default 'pending',
  created_at timestamptz not null default now(),
  responded_at timestamptz,
  unique (lead_id, to_expert_id),
  check (from_expert_id <> to_expert_id)
);
create index referrals_to_expert_idx on public.referrals (to_expert_id, status);
create index referrals_from_expert_idx on public.referrals (from_expert_id);
alter table public.referrals enable row level security;
grant select on public.referrals to authenticated;

/** Payables: what is owed for an accepted proposal, with the policy and rates it was priced with */
create table private.payables (
  id uuid primary key default gen_random_uuid(),
  lead_id uuid not null unique references private.leads (id) on delete cascade,
  proposal_id uuid not null unique references public.proposals (id),
  lead_owner_id uuid not null references auth.users (id) on delete restrict,
  payer_kind text not null check (payer_kind in ('lead_owner', 'client')),
  payer_user_id uuid references auth.users (id) on delete set null, -- null until the client pays through a link
  performer_expert_id uuid not null references public.experts (id),
  performer_user_id uuid not null references auth.users (id) on delete restrict,
  referrer_expert_id uuid references public.experts (id),
  amount_cents bigint not null check (amount_cents > 0),
  currency text not null check (currency in ('ILS', 'USD', 'EUR')),
  fee_policy_version integer not null references public.fee_policies (version),
  platform_percent numeric(5, 2) not null,
  referrer_share_percent numeric(5, 2) not null,
  platform_fee_cents bigint not null check (platform_fee_cents >= 0),
  referrer_fee_cents bigint not null check (referrer_fee_cents >= 0),
  performer_net_cents bigint not null check (performer_net_cents >= 0),
  status public.payable_status not null default 'due',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (platform_fee_cents + referrer_fee_cents + performer_net_cents = amount_cents)
);
alter table private.payables enable row level security;
create trigger payables_touch_updated_at before update on private.payables for each row execute function private.touch_updated_at();

/** Contact-access grants: the winner's right to reveal; cancelling (later a refund) revokes it */
create table private.contact_access_grants (
  id uuid primary key default gen_random_uuid(),
  lead_id uuid not null references private.leads (id) on delete cascade,
  expert_id uuid not null references public.experts (id),
  user_id uuid not null references auth.users (id) on delete restrict,
  granted_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_reason text
);
create unique index contact_access_grants_one_live on private.contact_access_grants (lead_id) where revoked_at is null;
alter table private.contact_access_grants enable row level security;

/** Every successful reveal; append-only for everyone */
create table private.contact_access_logs (
  id bigint generated always as identity primary key,
  lead_id uuid not null references private.leads (id) on delete restrict,
  revealer_user_id uuid not null, -- no foreign key: the log keeps the id of an account that is gone
  revealer_role text not null check (revealer_role in ('owner', 'winner', 'admin')),
  revealer_expert_id uuid references public.experts (id),
  fields text[] not null,
  ip inet,
  user_agent text,
  created_at timestamptz not null default now()
);
create index contact_access_logs_lead_idx on private.contact_access_logs (lead_id, id desc);
alter table private.contact_access_logs enable row level security;
create trigger contact_access_logs_append_only before update or delete on private.contact_access_logs
  for each row execute function audit.refuse_change();
create trigger contact_access_logs_no_truncate before truncate on private.contact_access_logs
  for each statement execute function audit.refuse_change();

/** Visibility helpers (definer, evaluated once per query) */
create function private.my_referred_lead_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(r.lead_id), '{}') from public.referrals r
   where r.to_expert_id = (select private.approved_expert_id()) and r.status in ('pending', 'accepted')
$$;

create function private.my_proposed_lead_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(distinct p.lead_id), '{}') from public.proposals p
   where p.expert_id = (select private.current_expert_id())
$$;
revoke all on function private.my_referred_lead_ids(), private.my_proposed_lead_ids() from public;
grant execute on function private.my_referred_lead_ids(), private.my_proposed_lead_ids() to authenticated;

/** Policies */
create policy leads_visible on private.leads for select to authenticated using (
  owner_id = (select auth.uid())
  -- The board shows open leads only; a lead an expert proposed on stays visible to them (below).
  or ((select private.approved_expert_id()) is not null and visibility = 'board' and status = 'open')
  or id = any ((select private.my_referred_lead_ids())::uuid[])
  or id = any ((select private.my_proposed_lead_ids())::uuid[])
  or (select private.is_admin())
);
create policy proposals_visible on public.proposals for select to authenticated using (
  expert_id = (select private.current_expert_id())
  or lead_id = any ((select private.my_lead_ids())::uuid[])
  or (select private.is_admin())
);
create policy referrals_visible on public.referrals for select to authenticated using (
  (select private.current_expert_id()) in (from_expert_id, to_expert_id)
  or (select private.is_admin())
);
create policy payables_visible on private.payables for select to authenticated using (
  (select auth.uid()) in (lead_owner_id, payer_user_id, performer_user_id)
  or (select private.is_admin())
);
create policy contact_access_logs_visible on private.contact_access_logs for select to authenticated using (
  lead_id = any ((select private.my_lead_ids())::uuid[])
  or (select private.is_admin())
);

/** Views that show each caller only their columns */
create view public.payables with (security_invoker = true) as
select p.id, p.lead_id, p.proposal_id, p.payer_kind, p.payer_user_id = (select auth.uid()) as is_payer,
       p.performer_expert_id, p.referrer_expert_id, p.amount_cents, p.currency, p.fee_policy_version,
       p.platform_percent, p.referrer_share_percent, p.platform_fee_cents, p.referrer_fee_cents, p.performer_net_cents,
       p.status, p.created_at
  from private.payables p;
comment on view public.payables is 'What is owed for accepted proposals: the payer, the lead owner, the performer and admins.';
grant select on public.payables to authenticated;
grant select (id, lead_id, proposal_id, lead_owner_id, payer_kind, payer_user_id, performer_expert_id, performer_user_id,
              referrer_expert_id, amount_cents, currency, fee_policy_version, platform_percent, referrer_share_percent,
              platform_fee_cents, referrer_fee_cents, performer_net_cents, status, created_at)
  on private.payables to authenticated;

-- Owners see who revealed which fields and when; only admins see the revealer's account, IP and user agent.
create view public.contact_access_logs with (security_invoker = true) as
select l.id, l.lead_id, l.revealer_role, l.revealer_expert_id, l.fields, l.created_at,
       case when (select private.is_admin()) then l.revealer_user_id end as revealer_user_id,
       case when (select private.is_admin()) then l.ip end as ip,
       case when (select private.is_admin()) then l.user_agent end as user_agent
  from private.contact_access_logs l;
comment on view public.contact_access_logs is 'Reveals of lead contact details: lead owners (who, which fields, when) and admins (everything).';
grant select on public.contact_access_logs to authenticated;
grant select (id, lead_id, revealer_role, revealer_expert_id, fields, created_at, revealer_user_id, ip, user_agent)
  on private.contact_access_logs to authenticated;

/** Proposals */
-- A price under the minimum job amount in force could never be accepted: refuse it up front.
create function private.require_minimum_job_amount(amount_cents bigint, currency text) returns void
language plpgsql stable set search_path = '' as $$
declare
  minimum bigint := (select m.minimum_job_cents from public.fee_policy_minimums m
                      where m.policy_version = private.current_fee_policy_version() and m.currency = require_minimum_job_amount.currency);
begin
  if amount_cents < minimum then
    raise exception 'the price is under the minimum job amount of % minor units of %', minimum, currency using errcode = '22023';
  end if;
end
$$;

create function private.submit_proposal(p_lead_id uuid, p_price_cents bigint, p_message text, p_proposed_date date) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_expert uuid := private.approved_expert_id();
  v_lead private.leads%rowtype;
  v_message text := trim(coalesce(p_message, ''));
  v_id uuid;
begin
  if v_expert is null then
    raise exception 'only approved experts submit proposals' using errcode = '42501';
  end if;
  select * into v_lead from private.leads l where l.id = p_lead_id for update;
  if not found or not (v_lead.visibility = 'board' or v_lead.owner_id = auth.uid() or exists (
        select 1 from public.referrals r where r.lead_id = v_lead.id and r.to_expert_id = v_expert and r.status = 'accepted')) then
    raise exception 'no such lead' using errcode = '22023';
  end if;
  if v_lead.owner_id = auth.uid() or v_lead.referrer_expert_id = v_expert then
    raise exception 'you cannot propose on your own lead' using errcode = '42501';
  end if;
  if v_lead.status <> 'open' then
    raise exception 'the lead is % and takes no proposals', v_lead.status using errcode = '22023';
  end if;
  if p_price_cents is null or p_price_cents < 1 or p_price_cents > 100000000000 then
    raise exception 'the price must be a positive amount in minor units' using errcode = '22023';
  end if;
  if v_message = '' or char_length(v_message) > 2000 then
    raise exception 'the message is required (at most 2000 characters)' using errcode = '22023';
  end if;
  if p_proposed_date is not null and p_proposed_date < current_date then
    raise exception 'the proposed date cannot be in the past' using errcode = '22023';
  end if;
  perform private.require_minimum_job_amount(p_price_cents, v_lead.currency);
  if exists (select 1 from public.proposals p where p.lead_id = v_lead.id and p.expert_id = v_expert and p.status = 'submitted') then
    raise exception 'you already have a live proposal on this lead: edit or withdraw it' using errcode = '22023';
  end if;
  insert into public.proposals (lead_id, expert_id, price_cents, currency, message, proposed_date)
  values (v_lead.id, v_expert, p_price_cents, v_lead.currency, v_message, p_proposed_date)
  returning id into v_id;
  update private.leads l set proposal_count = l.proposal_count + 1, share_locked_at = coalesce(l.share_locked_at, now())
   where l.id = v_lead.id;
  return v_id;
end
$$;

-- The caller's own proposal, still submitted, on a lead that is still open. Locks the lead first,
-- then the proposal: the order every proposal and lead transition takes, so two never deadlock.
create function private.own_live_proposal(p_proposal_id uuid) returns public.proposals
language plpgsql volatile set search_path = '' as $$
declare
  v public.proposals%rowtype;
  v_lead_status public.lead_status;
begin
  select * into v from public.proposals p where p.id = p_proposal_id and p.expert_id = private.current_expert_id();
  if not found then
    raise exception 'no such proposal of yours' using errcode = '22023';
  end if;
  select l.status into v_lead_status from private.leads l where l.id = v.lead_id for update;
  select * into v from public.proposals p where p.id = p_proposal_id for update;
  if v.status <> 'submitted' then
    raise exception 'the proposal is % and can no longer change', v.status using errcode = '22023';
  end if;
  if v_lead_status <> 'open' then
    raise exception 'the lead is % and its proposals can no longer change', v_lead_status using errcode = '22023';
  end if;
  return v;
end
$$;

create function private.update_proposal(p_proposal_id uuid, p_price_cents bigint, p_message text, p_proposed_date date) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  v public.proposals := private.own_live_proposal(p_proposal_id);
  v_message text := trim(coalesce(p_message, v.message));
begin
  if p_price_cents is not null and (p_price_cents < 1 or p_price_cents > 100000000000) then
    raise exception 'the price must be a positive amount in minor units' using errcode = '22023';
  end if;
  if p_price_cents is not null then
    perform private.require_minimum_job_amount(p_price_cents, v.currency);
  end if;
  if v_message = '' or char_length(v_message) > 2000 then
    raise exception 'the message is required (at most 2000 characters)' using errcode = '22023';
  end if;
  if p_proposed_date is not null and p_proposed_date < current_date then
    raise exception 'the proposed date cannot be in the past' using errcode = '22023';
  end if;
  update public.proposals p set price_cents = coalesce(p_price_cents, p.price_cents), message = v_message,
         proposed_date = coalesce(p_proposed_date, p.proposed_date)
   where p.id = v.id;
  return v.id;
end
$$;

create function private.withdraw_proposal(p_proposal_id uuid) returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  v public.proposals := private.own_live_proposal(p_proposal_id);
begin
  update public.proposals p set status = 'withdrawn', decided_at = now() where p.id = v.id;
  update private.leads l set proposal_count = l.proposal_count - 1 where l.id = v.lead_id;
end
$$;

/** Acceptance: one winner, a payable priced with the current policy, and a contact-access grant */
create function private.accept_proposal(p_proposal_id uuid) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_proposal public.proposals%rowtype;
  v_lead private.leads%rowtype;
  v_performer_user uuid;
  v_policy integer := private.current_fee_policy_version();
  v_split record;
  v_payable uuid;
begin
  select * into v_proposal from public.proposals p where p.id = p_proposal_id;
  if found then
    select * into v_lead from private.leads l where l.id = v_proposal.lead_id for update;
  end if;
  if not found or v_lead.owner_id is distinct from auth.uid() then
    raise exception 'only the lead''s owner accepts its proposals' using errcode = '42501';
  end if;
  if v_lead.status <> 'open' then
    raise exception 'the lead is % and can no longer accept a proposal', v_lead.status using errcode = '22023';
  end if;
  select * into v_proposal from public.proposals p where p.id = p_proposal_id for update;
  if v_proposal.status <> 'submitted' then
    raise exception 'the proposal is % and cannot be accepted', v_proposal.status using errcode = '22023';
  end if;
  select x.user_id into v_performer_user from public.expert_private x where x.expert_id = v_proposal.expert_id;
  if v_performer_user = v_lead.owner_id then
    raise exception 'you cannot accept your own proposal' using errcode = '42501';
  end if;
  select * into v_split from private.price_lead_split(v_lead.kind::text, v_proposal.price_cents, v_lead.referrer_share_percent,
                                                      v_lead.currency, v_policy);
  update public.proposals p set status = 'accepted', decided_at = now() where p.id = v_proposal.id;
  update public.proposals p set status = 'declined', decided_at = now()
   where p.lead_id = v_lead.id and p.status = 'submitted';
  update private.leads l set status = 'assigned', assigned_at = now(), proposal_count = 1 where l.id = v_lead.id;
  insert into private.contact_access_grants (lead_id, expert_id, user_id) values (v_lead.id, v_proposal.expert_id, v_performer_user);
  insert into private.payables (lead_id, proposal_id, lead_owner_id, payer_kind, payer_user_id, performer_expert_id, performer_user_id,
                                referrer_expert_id, amount_cents, currency, fee_policy_version, platform_percent, referrer_share_percent,
                                platform_fee_cents, referrer_fee_cents, performer_net_cents)
  values (v_lead.id, v_proposal.id, v_lead.owner_id,
          case v_lead.kind when 'consumer' then 'lead_owner' else 'client' end,
          case v_lead.kind when 'consumer' then v_lead.owner_id end,
          v_proposal.expert_id, v_performer_user, v_lead.referrer_expert_id, v_proposal.price_cents, v_lead.currency, v_policy,
          v_split.platform_percent, v_lead.referrer_share_percent, v_split.platform_fee_cents, v_split.referrer_fee_cents,
          v_split.performer_net_cents)
  returning id into v_payable;
  return v_payable;
end
$$;

/** The only way to the client's contact details: owner, winner with a live grant, or admin; logged */
create function private.reveal_lead_contact(p_lead_id uuid)
returns table (client_name text, client_phone text, client_email text, client_address text, details text)
language plpgsql volatile security definer set search_path = '' as $$
declare
  me uuid := auth.uid();
  v_role text;
  v_expert uuid;
begin
  if exists (select 1 from private.leads l where l.id = p_lead_id and l.owner_id = me) then
    v_role := 'owner';
  else
    select g.expert_id into v_expert from private.contact_access_grants g
     where g.lead_id = p_lead_id and g.user_id = me and g.revoked_at is null;
    if found then
      v_role := 'winner';
    elsif private.is_admin() and exists (select 1 from private.leads l where l.id = p_lead_id) then
      v_role := 'admin';
    else
      raise exception 'you may not see this lead''s contact details' using errcode = '42501';
    end if;
  end if;
  insert into private.contact_access_logs (lead_id, revealer_user_id, revealer_role, revealer_expert_id, fields, ip, user_agent)
  values (p_lead_id, me, v_role, v_expert, array['client_name', 'client_phone', 'client_email', 'client_address', 'details'],
          private.request_ip(), left(private.request_header('user-agent'), 512));
  if v_role = 'admin' then
    perform private.audit_admin_action('pii.reveal_lead_contact', 'private.leads', p_lead_id::text);
  end if;
  return query select c.client_name, c.client_phone, c.client_email, c.client_address, c.details
                 from private.lead_contacts c where c.lead_id = p_lead_id;
end
$$;

/** Referrals */
create function private.refer_lead(p_lead_id uuid, p_expert_id uuid) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_lead private.leads%rowtype;
  v_id uuid;
begin
  select * into v_lead from private.leads l where l.id = p_lead_id for update;
  if not found or v_lead.owner_id <> auth.uid() then
    raise exception 'only the lead''s owner refers it' using errcode = '42501';
  end if;
  if v_lead.kind <> 'referral' then
    raise exception 'only referral leads are referred to experts' using errcode = '22023';
  end if;
  if v_lead.status <> 'open' then
    raise exception 'the lead is % and can no longer be referred', v_lead.status using errcode = '22023';
  end if;
  if p_expert_id = v_lead.referrer_expert_id then
    raise exception 'you cannot refer a lead to yourself' using errcode = '22023';
  end if;
  if not exists (select 1 from public.experts e where e.id = p_expert_id and e.status = 'approved') then
    raise exception 'no such approved expert' using errcode = '22023';
  end if;
  if exists (select 1 from public.referrals r where r.lead_id = p_lead_id and r.to_expert_id = p_expert_id) then
    raise exception 'this expert has already been invited to the lead' using errcode = '22023';
  end if;
  insert into public.referrals (lead_id, from_expert_id, to_expert_id, referrer_share_percent)
  values (p_lead_id, v_lead.referrer_expert_id, p_expert_id, v_lead.referrer_share_percent)
  returning id into v_id;
  return v_id;
end
$$;

create function private.respond_to_referral(p_referral_id uuid, p_accept boolean) returns public.referral_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  v public.referrals%rowtype;
begin
  select * into v from public.referrals r where r.id = p_referral_id for update;
  if not found or v.to_expert_id is distinct from private.approved_expert_id() then
    raise exception 'only the invited expert responds to a referral' using errcode = '42501';
  end if;
  if p_accept is null then
    raise exception 'accept must be true or false' using errcode = '22023';
  end if;
  if v.status <> 'pending' then
    raise exception 'the referral was already %', v.status using errcode = '22023';
  end if;
  if (select l.status from private.leads l where l.id = v.lead_id) <> 'open' then
    raise exception 'the lead is no longer open' using errcode = '22023';
  end if;
  update public.referrals r set status = case when p_accept then 'accepted'::public.referral_status else 'declined' end,
         responded_at = now()
   where r.id = v.id
  returning r.status into v.status;
  return v.status;
end
$$;

/** Cancellation by the owner: open or assigned; revokes the winner's access */
create function private.cancel_lead(p_lead_id uuid) returns public.lead_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_lead private.leads%rowtype;
begin
  select * into v_lead from private.leads l where l.id = p_lead_id for update;
  if not found or v_lead.owner_id <> auth.uid() then
    raise exception 'only the lead''s owner cancels it' using errcode = '42501';
  end if;
  if v_lead.status not in ('open', 'assigned') then
    raise exception 'the lead is % and cannot be cancelled', v_lead.status using errcode = '22023';
  end if;
  update private.leads l set status = 'cancelled', cancelled_at = now(), proposal_count = 0 where l.id = v_lead.id;
  update public.proposals p set status = 'declined', decided_at = now() where p.lead_id = v_lead.id and p.status = 'submitted';
  update private.contact_access_grants g set revoked_at = now(), revoked_reason = 'lead_cancelled'
   where g.lead_id = v_lead.id and g.revoked_at is null;
  update private.payables p set status = 'cancelled' where p.lead_id = v_lead.id and p.status = 'due';
  return 'cancelled';
end
$$;

/** Expiry: open leads past their time; a pg_cron job runs it every five minutes */
create function private.expire_leads() returns integer
language plpgsql volatile set search_path = '' as $$
declare
  n integer;
begin
  with expired as (
    update private.leads l set status = 'expired', proposal_count = 0
     where l.status = 'open' and l.expires_at <= now()
    returning l.id),
  declined as (
    update public.proposals p set status = 'declined', decided_at = now()
      from expired e where p.lead_id = e.id and p.status = 'submitted'
    returning p.id)
  select count(*) into n from expired;
  return n;
end
$$;
-- Hosted Supabase needs the extension enabled by a migration; the local stack's bootstrap already has.
create extension if not exists pg_cron with schema pg_catalog;
select cron.schedule('expire-leads', '*/5 * * * *', 'select private.expire_leads()');

/** Grants on the definer halves, and the public contract */
revoke all on function private.require_minimum_job_amount(bigint, text) from public;
revoke all on function private.submit_proposal(uuid, bigint, text, date), private.update_proposal(uuid, bigint, text, date),
  private.withdraw_proposal(uuid), private.accept_proposal(uuid), private.reveal_lead_contact(uuid),
  private.refer_lead(uuid, uuid), private.respond_to_referral(uuid, boolean), private.cancel_lead(uuid),
  private.own_live_proposal(uuid), private.expire_leads() from public;
grant execute on function private.submit_proposal(uuid, bigint, text, date), private.update_proposal(uuid, bigint, text, date),
  private.withdraw_proposal(uuid), private.accept_proposal(uuid), private.reveal_lead_contact(uuid),
  private.refer_lead(uuid, uuid), private.respond_to_referral(uuid, boolean), private.cancel_lead(uuid) to authenticated;

create function public.submit_proposal(lead_id uuid, price_cents bigint, message text, proposed_date date default null) returns uuid
language sql volatile set search_path = '' as $$ select private.submit_proposal(lead_id, price_cents, message, proposed_date) $$;
create function public.update_proposal(proposal_id uuid, price_cents bigint default null, message text default null,
                                       proposed_date date default null) returns uuid
language sql volatile set search_path = '' as $$ select private.update_proposal(proposal_id, price_cents, message, proposed_date) $$;
create function public.withdraw_proposal(proposal_id uuid) returns void
language sql volatile set search_path = '' as $$ select private.withdraw_proposal(proposal_id) $$;
create function public.accept_proposal(proposal_id uuid) returns uuid
language sql volatile set search_path = '' as $$ select private.accept_proposal(proposal_id) $$;
create function public.reveal_lead_contact(lead_id uuid)
returns table (client_name text, client_phone text, client_email text, client_address text, details text)
language sql volatile set search_path = '' as $$ select * from private.reveal_lead_contact(lead_id) $$;
create function public.refer_lead(lead_id uuid, expert_id uuid) returns uuid
language sql volatile set search_path = '' as $$ select private.refer_lead(lead_id, expert_id) $$;
create function public.respond_to_referral(referral_id uuid, accept boolean) returns public.referral_status
language sql volatile set search_path = '' as $$ select private.respond_to_referral(referral_id, accept) $$;
create function public.cancel_lead(lead_id uuid) returns public.lead_status
language sql volatile set search_path = '' as $$ select private.cancel_lead(lead_id) $$;

comment on function public.accept_proposal is 'The lead owner accepts a proposal: declines the others, assigns the lead, grants the winner contact access; returns the payable id.';
comment on function public.reveal_lead_contact is 'The client''s contact details for the owner, the winner with a live grant, or an admin. Logged; call with POST.';

revoke all on function public.submit_proposal(uuid, bigint, text, date), public.update_proposal(uuid, bigint, text, date),
  public.withdraw_proposal(uuid), public.accept_proposal(uuid), public.reveal_lead_contact(uuid),
  public.refer_lead(uuid, uuid), public.respond_to_referral(uuid, boolean), public.cancel_lead(uuid) from public;
grant execute on function public.submit_proposal(uuid, bigint, text, date), public.update_proposal(uuid, bigint, text, date),
  public.withdraw_proposal(uuid), public.accept_proposal(uuid), public.reveal_lead_contact(uuid),
  public.refer_lead(uuid, uuid), public.respond_to_referral(uuid, boolean), public.cancel_lead(uuid) to authenticated;
