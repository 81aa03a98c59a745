-- Leads: job requests posted by customers (consumer) or by experts for peers (referral). The public
-- part lives in private.leads and is published through the security_invoker view public.leads, which
-- shows `is_mine` instead of the owner; the client's contact details live in private.lead_contacts,
-- which no API role can read: reveal_lead_contact is the only way in.

create type public.lead_kind as enum ('consumer', 'referral');
create type public.lead_status as enum ('open', 'assigned', 'cancelled', 'expired');
create type public.lead_visibility as enum ('board', 'private');

/** Marketplace settings that are not fees: one row */
create table private.marketplace_settings (
  singleton boolean primary key default true check (singleton),
  lead_ttl_days integer not null default 30 check (lead_ttl_days between 1 and 365)
);
alter table private.marketplace_settings enable row level security;
insert into private.marketplace_settings default values;

/** Distances between city centres, for the lead board's radius (never from a client's address) */
create table public.city_distances (
  from_city text not null references public.cities (slug) on delete cascade,
  to_city text not null references public.cities (slug) on delete cascade,
  km numeric(7, 1) not null check (km >= 0),
  primary key (from_city, to_city)
);
comment on table public.city_distances is 'Great-circle distance between city centres, in km. Rebuilt by private.refresh_city_distances().';
alter table public.city_distances enable row level security;
create policy city_distances_are_public on public.city_distances for select to anon, authenticated using (true);
grant select on public.city_distances to anon, authenticated;

create function private.refresh_city_distances() returns void
language sql volatile set search_path = '' as $$
  delete from public.city_distances;
  insert into public.city_distances (from_city, to_city, km)
  select a.slug, b.slug,
         round((2 * 6371.0 * asin(sqrt(
           power(sin(radians(b.latitude - a.latitude) / 2), 2)
           + cos(radians(a.latitude)) * cos(radians(b.latitude)) * power(sin(radians(b.longitude - a.longitude) / 2), 2))))::numeric, 1)
    from public.cities a cross join public.cities b;
$$;
select private.refresh_city_distances();

/** The lead: public part only */
create table private.leads (
  id uuid primary key default gen_random_uuid(),
  kind public.lead_kind not null,
  visibility public.lead_visibility not null default 'board',
  status public.lead_status not null default 'open',
  owner_id uuid not null references auth.users (id) on delete restrict, -- history outlives no account: see the decision note
  referrer_expert_id uuid references public.experts (id),
  title text not null check (char_length(title) between 3 and 120),
  summary text not null check (char_length(summary) between 1 and 1000),
  category text not null references public.categories (slug),
  city text not null references public.cities (slug),
  budget_cents bigint check (budget_cents between 0 and 100000000000),
  currency text not null default 'ILS' check (currency in ('ILS', 'USD', 'EUR')),
  referrer_share_percent numeric(5, 2) not null default 0 check (referrer_share_percent between 0 and 100),
  share_locked_at timestamptz, -- set by the first proposal; the share never changes after it
  -- Masked hints fixed at creation, never derived from the contact details at read time.
  client_name_hint text not null,
  client_phone_hint text not null,
  client_email_hint text,
  proposal_count integer not null default 0 check (proposal_count >= 0), -- live proposals, kept by the proposal RPCs
  expires_at timestamptz not null,
  assigned_at timestamptz,
  cancelled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'referral') = (referrer_expert_id is not null)),
  check (kind = 'referral' or (visibility = 'board' and referrer_share_percent = 0)),
  check (not private.has_contact_details(title) and not private.has_contact_details(summary))
);
create index leads_board_idx on private.leads (category, created_at desc, id desc) where status = 'open' and visibility = 'board';
create index leads_owner_idx on private.leads (owner_id, created_at desc);
create index leads_expiry_idx on private.leads (expires_at) where status = 'open';
alter table private.leads enable row level security;
create trigger leads_touch_updated_at before update on private.leads for each row execute function private.touch_updated_at();

/** The client's contact details and the private job details: PII, no API role has any grant */
create table private.lead_contacts (
  lead_id uuid primary key references private.leads (id) on delete cascade,
  client_name text not null,
  client_phone text not null, -- E.164
  client_email text,
  client_address text,
  details text
);
comment on table private.lead_contacts is 'Client PII. Readable only through reveal_lead_contact(), which logs every reveal.';
alter table private.lead_contacts enable row level security;

/** Who may see which lead: helpers read as definer, once per query (wrapped in select) */
create function private.approved_expert_id() returns uuid
language sql stable security definer set search_path = '' as $$
  select p.expert_id from public.expert_private p join public.experts e on e.id = p.expert_id
   where p.user_id = (select auth.uid()) and e.status = 'approved'
$$;

create function private.my_lead_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(l.id), '{}') from private.leads l where l.owner_id = (select auth.uid())
$$;

revoke all on function private.approved_expert_id(), private.my_lead_ids() from public;
grant execute on function private.approved_expert_id(), private.my_lead_ids() to authenticated;

/** The public view: each caller sees the same public columns, `is_mine` instead of the owner */
create view public.leads with (security_invoker = true) as
select l.id, l.kind, l.visibility, l.status, l.title, l.summary, l.category, l.city, l.budget_cents, l.currency,
       l.referrer_share_percent, l.share_locked_at is not null as share_locked, l.referrer_expert_id,
       l.client_name_hint, l.client_phone_hint, l.client_email_hint, l.proposal_count,
       l.expires_at, l.assigned_at, l.cancelled_at, l.created_at,
       l.owner_id = (select auth.uid()) as is_mine
  from private.leads l;
comment on view public.leads is 'Leads, public part: approved experts (board leads, invitations, leads they proposed on), owners and admins. Not anon.';
grant select on public.leads to authenticated;
grant select (id, kind, visibility, status, owner_id, referrer_expert_id, title, summary, category, city, budget_cents, currency,
              referrer_share_percent, share_locked_at, client_name_hint, client_phone_hint, client_email_hint, proposal_count,
              expires_at, assigned_at, cancelled_at, created_at)
  on private.leads to authenticated;

/** Contact validation and the fixed hints */
create function private.normalize_phone(phone text) returns text
language plpgsql immutable set search_path = '' as $$
declare
  digits text := regexp_replace(coalesce(phone, ''), '[ ().-]', '', 'g');
begin
  if digits ~ '^00[1-9]' then digits := '+' || substr(digits, 3); end if;
  if digits ~ '^0[1-9][0-9]{7,8}$' then digits := '+972' || substr(digits, 2); end if; -- an Israeli number dialled locally
  if digits !~ '^\+[1-9][0-9]{7,14}$' then
    return null;
  end if;
  return digits;
end
$$;

-- "+972501234534" → "+972-5•-•••-••34": the country code, one digit, the last two.
create function private.phone_hint(e164 text) returns text
language sql immutable set search_path = '' as $$
  select case when e164 like '+972%' then '+972-' || substr(e164, 5, 1) || '•-•••-••' || right(e164, 2)
              else left(e164, 3) || '••-•••-••' || right(e164, 2) end
$$;

-- "dana@example.com" → "d•••@e•••.com"
create function private.email_hint(email text) returns text
language sql immutable set search_path = '' as $$
  select left(email, 1) || '•••@' || left(split_part(email, '@', 2), 1) || '•••.' || regexp_replace(email, '^.*\.', '')
$$;

/** create_lead */
create function private.create_lead(
  p_kind text, p_title text, p_summary text, p_details text, p_category text, p_city text, p_budget_cents bigint,
  p_currency text, p_client_name text, p_client_phone text, p_client_email text, p_client_address text,
  p_referrer_share_percent numeric, p_visibility text
) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  me uuid := auth.uid();
  v_expert uuid;
  v_title text := trim(coalesce(p_title, ''));
  v_summary text := trim(coalesce(p_summary, ''));
  v_name text := trim(coalesce(p_client_name, ''));
  v_phone text := private.normalize_phone(p_client_phone);
  v_email text := nullif(lower(trim(coalesce(p_client_email, ''))), '');
  v_address text := nullif(trim(coalesce(p_client_address, '')), '');
  v_details text := nullif(trim(coalesce(p_details, '')), '');
  v_currency text := upper(coalesce(p_currency, 'ILS'));
  v_share numeric := coalesce(p_referrer_share_percent, 0);
  v_visibility text := coalesce(p_visibility, 'board');
  v_max_share numeric;
  v_id uuid;
begin
  if me is null or not exists (select 1 from auth.users u where u.id = me and u.deleted_at is null) then
    raise exception 'sign in (or continue as a guest) to post a job request' using errcode = '42501';
  end if;
  if p_kind is null or p_kind not in ('consumer', 'referral') then
    raise exception 'kind must be consumer or referral' using errcode = '22023';
  end if;
  if p_kind = 'referral' then
    v_expert := private.approved_expert_id();
    if v_expert is null then
      raise exception 'only approved experts post referral leads' using errcode = '42501';
    end if;
  end if;
  if char_length(v_title) < 3 or char_length(v_title) > 120 then
    raise exception 'the title must be 3 to 120 characters' using errcode = '22023';
  end if;
  if v_summary = '' or char_length(v_summary) > 1000 then
    raise exception 'the summary is required (at most 1000 characters)' using errcode = '22023';
  end if;
  if private.has_contact_details(v_title) or private.has_contact_details(v_summary) then
    raise exception 'the title and summary are public: they must not contain phone numbers or email addresses (put those in the contact details)'
      using errcode = '22023';
  end if;
  if char_length(v_details) > 5000 then
    raise exception 'the details must be at most 5000 characters' using errcode = '22023';
  end if;
  if not exists (select 1 from public.categories c where c.slug = p_category) then
    raise exception 'unknown category: %', left(coalesce(p_category, ''), 60) using errcode = '22023';
  end if;
  if not exists (select 1 from public.cities c where c.slug = p_city) then
    raise exception 'unknown city: %', left(coalesce(p_city, ''), 60) using errcode = '22023';
  end if;
  if p_budget_cents is not null and (p_budget_cents < 0 or p_budget_cents > 100000000000) then
    raise exception 'the budget must be zero or more, in minor units' using errcode = '22023';
  end if;
  if v_currency not in ('ILS', 'USD', 'EUR') then
    raise exception 'currency must be ILS, USD or EUR' using errcode = '22023';
  end if;
  if char_length(v_name) < 1 or char_length(v_name) > 120 then
    raise exception 'the client''s name is required (at most 120 characters)' using errcode = '22023';
  end if;
  if v_phone is null then
    raise exception 'the client''s phone must be a valid phone number' using errcode = '22023';
  end if;
  if v_email is not null and (v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' or char_length(v_email) > 254) then
    raise exception 'the client''s email must be a valid email address' using errcode = '22023';
  end if;
  if char_length(v_address) > 300 then
    raise exception 'the client''s address must be at most 300 characters' using errcode = '22023';
  end if;
  if v_visibility not in ('board', 'private') then
    raise exception 'visibility must be board or private' using errcode = '22023';
  end if;
  if p_kind = 'consumer' and (v_share <> 0 or v_visibility <> 'board') then
    raise exception 'consumer leads go on the board and have no referrer share' using errcode = '22023';
  end if;
  select p.referrer_share_max_percent into v_max_share from public.fee_policies p where p.version = private.current_fee_policy_version();
  if v_share < 0 or v_share > v_max_share or v_share <> round(v_share, 2) then
    raise exception 'the referrer share must be between 0 and % percent', v_max_share::float8 using errcode = '22023';
  end if;

  insert into private.leads (kind, visibility, owner_id, referrer_expert_id, title, summary, category, city, budget_cents, currency,
                             referrer_share_percent, client_name_hint, client_phone_hint, client_email_hint, expires_at)
  values (p_kind::public.lead_kind, v_visibility::public.lead_visibility, me, v_expert, v_title, v_summary, p_category, p_city,
          p_budget_cents, v_currency, v_share, left(v_name, 1) || '.', private.phone_hint(v_phone),
          case when v_email is not null then private.email_hint(v_email) end,
          now() + make_interval(days => (select s.lead_ttl_days from private.marketplace_settings s)))
  returning id into v_id;
  insert into private.lead_contacts (lead_id, client_name, client_phone, client_email, client_address, details)
  values (v_id, v_name, v_phone, v_email, v_address, v_details);
  return v_id;
end
$$;
revoke all on function private.create_lead(text, text, text, text, text, text, bigint, text, text, text, text, text, numeric, text) from public;
grant execute on function private.create_lead(text, text, text, text, text, text, bigint, text, text, text, text, text, numeric, text) to authenticated;

create function public.create_lead(
  kind text, title text, summary text, details text, category text, city text, budget_cents bigint, currency text,
  client_name text, client_phone text, client_email text, client_address text,
  referrer_share_percent numeric default 0, visibility text default 'board'
) returns uuid
language sql volatile set search_path = '' as $$
  select private.create_lead(kind, title, summary, details, category, city, budget_cents, currency, client_name, client_phone,
                             client_email, client_address, referrer_share_percent, visibility)
$$;
comment on function public.create_lead is 'Post a job request (consumer) or a referral lead (approved experts); returns the lead id. Amounts in minor units.';
revoke all on function public.create_lead(text, text, text, text, text, text, bigint, text, text, text, text, text, numeric, text) from public;
grant execute on function public.create_lead(text, text, text, text, text, text, bigint, text, text, text, text, text, numeric, text) to authenticated;
