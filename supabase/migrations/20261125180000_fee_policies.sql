-- The fee policy: commission rates per lead kind, the referrer share limit and the minimum job
-- amount per currency, versioned so every payable records the rates it was priced with. The split
-- math lives in `private`; quote_lead_split is the public price quote.

create table public.fee_policies (
  version integer primary key check (version > 0),
  effective_from timestamptz not null default now(),
  consumer_platform_percent numeric(5, 2) not null check (consumer_platform_percent between 0 and 100),
  referral_platform_percent numeric(5, 2) not null check (referral_platform_percent between 0 and 100),
  referrer_share_max_percent numeric(5, 2) not null check (referrer_share_max_percent between 0 and 100),
  created_at timestamptz not null default now(),
  -- The platform's cut plus the largest share a referrer may set must leave the performer something.
  constraint fee_policies_platform_plus_share_at_most_100 check (referral_platform_percent + referrer_share_max_percent <= 100)
);
comment on table public.fee_policies is 'Versioned commission rates and referrer share limit; the newest effective version prices new payables.';

create table public.fee_policy_minimums (
  policy_version integer not null references public.fee_policies (version),
  currency text not null check (currency in ('ILS', 'USD', 'EUR')),
  minimum_job_cents bigint not null check (minimum_job_cents >= 0),
  primary key (policy_version, currency)
);
comment on table public.fee_policy_minimums is 'The smallest final job amount each policy accepts, per currency, in minor units.';

alter table public.fee_policies enable row level security;
alter table public.fee_policy_minimums enable row level security;
create policy fee_policies_are_public on public.fee_policies for select to anon, authenticated using (true);
create policy fee_policy_minimums_are_public on public.fee_policy_minimums for select to anon, authenticated using (true);
grant select on public.fee_policies, public.fee_policy_minimums to anon, authenticated;

insert into public.fee_policies (version, effective_from, consumer_platform_percent, referral_platform_percent, referrer_share_max_percent)
values (1, '2026-01-01T00:00:00Z', 10, 5, 90);
insert into public.fee_policy_minimums (policy_version, currency, minimum_job_cents) values
  (1, 'ILS', 5000), (1, 'USD', 1500), (1, 'EUR', 1500);

/** The policy in force */
create function private.current_fee_policy_version() returns integer
language sql stable set search_path = '' as $$
  select max(p.version) from public.fee_policies p where p.effective_from <= now()
$$;

/** The split: each fee is round-half-up of amount × rate; the performer gets the remainder. When
    rounding both fees up would pass the amount, the referrer's fee gives up the excess cent, so the
    parts are never negative and always add up. */
create function private.split_amount(amount_cents bigint, platform_percent numeric, referrer_share_percent numeric,
                                     out platform_fee_cents bigint, out referrer_fee_cents bigint, out performer_net_cents bigint)
language plpgsql immutable set search_path = '' as $$
begin
  platform_fee_cents := least(floor(amount_cents * platform_percent / 100 + 0.5)::bigint, amount_cents);
  referrer_fee_cents := least(floor(amount_cents * referrer_share_percent / 100 + 0.5)::bigint, amount_cents - platform_fee_cents);
  performer_net_cents := amount_cents - platform_fee_cents - referrer_fee_cents;
end
$$;

/** Validates a priced job against a policy and returns the split; clear 22023 errors otherwise */
create function private.price_lead_split(
  kind text, amount_cents bigint, referrer_share_percent numeric, currency text, policy_version integer,
  out platform_percent numeric, out platform_fee_cents bigint, out referrer_fee_cents bigint, out performer_net_cents bigint)
language plpgsql stable set search_path = '' as $$
declare
  policy public.fee_policies%rowtype;
  minimum bigint;
begin
  select * into policy from public.fee_policies p where p.version = policy_version;
  if not found then
    raise exception 'no fee policy is in force' using errcode = '22023';
  end if;
  if kind is null or kind not in ('consumer', 'referral') then
    raise exception 'kind must be consumer or referral' using errcode = '22023';
  end if;
  if amount_cents is null or amount_cents < 0 or amount_cents > 100000000000 then
    raise exception 'the amount must be 0 to 100000000000 minor units (cents, agorot)' using errcode = '22023';
  end if;
  if referrer_share_percent is null or referrer_share_percent < 0 or referrer_share_percent > policy.referrer_share_max_percent
     or referrer_share_percent <> round(referrer_share_percent, 2) then
    raise exception 'the referrer share must be between 0 and % percent', policy.referrer_share_max_percent::float8 using errcode = '22023';
  end if;
  if kind = 'consumer' and referrer_share_percent <> 0 then
    raise exception 'consumer leads have no referrer share' using errcode = '22023';
  end if;
  select m.minimum_job_cents into minimum from public.fee_policy_minimums m
   where m.policy_version = policy.version and m.currency = price_lead_split.currency;
  if minimum is null then
    raise exception 'currency must be ILS, USD or EUR' using errcode = '22023';
  end if;
  if amount_cents < minimum then
    raise exception 'the amount is under the minimum job amount of % minor units of %', minimum, currency using errcode = '22023';
  end if;
  platform_percent := case kind when 'consumer' then policy.consumer_platform_percent else policy.referral_platform_percent end;
  select s.platform_fee_cents, s.referrer_fee_cents, s.performer_net_cents
    into platform_fee_cents, referrer_fee_cents, performer_net_cents
    from private.split_amount(amount_cents, platform_percent, referrer_share_percent) s;
end
$$;

create function private.quote_lead_split(kind text, amount_cents bigint, referrer_share_percent numeric, currency text)
returns table (platform_fee_cents bigint, referrer_fee_cents bigint, performer_net_cents bigint)
language sql stable security definer set search_path = '' as $$
  select q.platform_fee_cents, q.referrer_fee_cents, q.performer_net_cents
    from private.price_lead_split(kind, amount_cents, coalesce(referrer_share_percent, 0), upper(coalesce(currency, 'ILS')),
                                  private.current_fee_policy_version()) q
$$;
revoke all on function private.quote_lead_split(text, bigint, numeric, text) from public;
grant execute on function private.quote_lead_split(text, bigint, numeric, text) to anon, authenticated;

create function public.quote_lead_split(kind text, amount_cents bigint, referrer_share_percent numeric default 0, currency text default 'ILS')
returns table (platform_fee_cents bigint, referrer_fee_cents bigint, performer_net_cents bigint)
language sql stable set search_path = '' as $$
  select * from private.quote_lead_split(kind, amount_cents, referrer_share_percent, currency)
$$;
comment on function public.quote_lead_split is 'Price quote: how a job amount splits between platform, referrer and performer under the current fee policy.';
revoke all on function public.quote_lead_split(text, bigint, numeric, text) from public;
grant execute on function public.quote_lead_split(text, bigint, numeric, text) to anon, authenticated;

/** Admins publish a new policy version; it prices payables from effective_from on */
create function private.publish_fee_policy(p_consumer numeric, p_referral numeric, p_share_max numeric, p_minimums jsonb, p_effective_from timestamptz)
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  v integer;
  c text;
begin
  perform private.require_admin();
  if p_consumer is null or p_referral is null or p_share_max is null
     or least(p_consumer, p_referral, p_share_max) < 0 or greatest(p_consumer, p_referral, p_share_max) > 100 then
    raise exception 'rates must be percentages between 0 and 100' using errcode = '22023';
  end if;
  if p_referral + p_share_max > 100 then
    raise exception 'the referral platform rate plus the maximum referrer share must not exceed 100 percent' using errcode = '22023';
  end if;
  foreach c in array array['ILS', 'USD', 'EUR'] loop
    if jsonb_typeof(p_minimums -> c) is distinct from 'number' or (p_minimums ->> c)::numeric < 0
       or (p_minimums ->> c)::numeric <> trunc((p_minimums ->> c)::numeric) then
      raise exception 'minimum_job_cents needs a whole, non-negative amount for ILS, USD and EUR' using errcode = '22023';
    end if;
  end loop;
  lock table public.fee_policies in exclusive mode;
  select coalesce(max(p.version), 0) + 1 into v from public.fee_policies p;
  insert into public.fee_policies (version, effective_from, consumer_platform_percent, referral_platform_percent, referrer_share_max_percent)
  values (v, coalesce(p_effective_from, now()), p_consumer, p_referral, p_share_max);
  insert into public.fee_policy_minimums (policy_version, currency, minimum_job_cents)
  select v, k, (p_minimums ->> k)::bigint from unnest(array['ILS', 'USD', 'EUR']) k;
  perform private.audit_admin_action('fee_policy.publish', 'public.fee_policies', v::text,
    jsonb_build_object('consumer_platform_percent', p_consumer, 'referral_platform_percent', p_referral,
                       'referrer_share_max_percent', p_share_max, 'minimum_job_cents', p_minimums));
  return v;
end
$$;
revoke all on function private.publish_fee_policy(numeric, numeric, numeric, jsonb, timestamptz) from public;
grant execute on function private.publish_fee_policy(numeric, numeric, numeric, jsonb, timestamptz) to authenticated;

create function public.publish_fee_policy(consumer_platform_percent numeric, referral_platform_percent numeric,
                                          referrer_share_max_percent numeric, minimum_job_cents jsonb,
                                          effective_from timestamptz default null)
returns integer
language sql volatile set search_path = '' as $$
  select private.publish_fee_policy(consumer_platform_percent, referral_platform_percent, referrer_share_max_percent,
                                    minimum_job_cents, effective_from)
$$;
comment on function public.publish_fee_policy is 'Admins only: publish a new fee policy version (minimum_job_cents: {"ILS": n, "USD": n, "EUR": n}).';
revoke all on function public.publish_fee_policy(numeric, numeric, numeric, jsonb, timestamptz) from public;
grant execute on function public.publish_fee_policy(numeric, numeric, numeric, jsonb, timestamptz) to authenticated;
