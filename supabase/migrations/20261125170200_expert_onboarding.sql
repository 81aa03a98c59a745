-- Expert onboarding: an application (the expert's public profile, pending until an admin decides),
-- the expert's private fields, and the public directory of approved experts. Every write goes
-- through apply_as_expert / decide_expert_application; no API role can write these tables.

create type public.expert_status as enum ('pending', 'approved', 'rejected', 'suspended');

/** Public text must not carry contact details: PII would leak through the directory otherwise.
    A phone number is written starting with + or 0 and has nine or more digits (separated by up to
    two spaces, dots, dashes or parentheses), or is nine digits in a row; other numbers ("ISO 9001
    27001", "2010-2020") are ordinary text. */
create function private.has_contact_details(body text) returns boolean
language sql immutable set search_path = '' as $$
  select coalesce(
    body ~* '[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}'
    or body ~ '(^|[^0-9+])(\+ ?[0-9]|0)([ ().-]{0,2}[0-9]){8,}'
    or body ~ '[0-9]{9,}',
    false)
$$;
revoke all on function private.has_contact_details(text) from public;

-- Trimmed, blank-free, first occurrence kept: the expert's own order of specialties and languages
-- is how the profile shows them.
create function private.distinct_in_order(items text[]) returns text[]
language sql immutable set search_path = '' as $$
  select coalesce(array_agg(item order by first_seen), '{}')
    from (select trim(i) as item, min(n) as first_seen
            from unnest(items) with ordinality as t(i, n)
           where trim(coalesce(i, '')) <> ''
           group by trim(i)) deduped
$$;
revoke all on function private.distinct_in_order(text[]) from public;

/** Experts: the public profile. No user id here, so nothing links an expert to an account publicly */
create table public.experts (
  id uuid primary key default gen_random_uuid(),
  display_name text not null check (char_length(display_name) between 2 and 80),
  headline text check (char_length(headline) <= 120),
  bio text not null check (char_length(bio) between 1 and 4000),
  specialties text[] not null default '{}' check (cardinality(specialties) <= 20),
  languages text[] not null default '{}' check (cardinality(languages) <= 10),
  city text not null references public.cities (slug),
  service_radius_km integer not null default 25 check (service_radius_km between 0 and 500),
  hourly_rate integer check (hourly_rate between 0 and 100000000), -- minor units (agorot, cents) of `currency`
  currency text not null default 'ILS' check (currency in ('ILS', 'USD', 'EUR')),
  status public.expert_status not null default 'pending',
  submitted_at timestamptz not null default now(),
  approved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Field by field: joining them could make a phone number out of two innocent numbers.
  check (not private.has_contact_details(display_name) and not private.has_contact_details(headline)
         and not private.has_contact_details(bio) and not private.has_contact_details(array_to_string(specialties, ' | ')))
);
create index experts_status_city_idx on public.experts (status, city);
create index experts_languages_idx on public.experts using gin (languages);
comment on table public.experts is 'Experts'' public profiles. Approved ones are public; an application is visible to its expert and admins.';
comment on column public.experts.hourly_rate is 'Integer minor units (agorot, cents) of currency.';
alter table public.experts enable row level security;
grant select on public.experts to anon, authenticated;
create trigger experts_touch_updated_at before update on public.experts
  for each row execute function private.touch_updated_at();

create table public.expert_categories (
  expert_id uuid not null references public.experts (id) on delete cascade,
  category text not null references public.categories (slug),
  primary key (expert_id, category)
);
create index expert_categories_category_idx on public.expert_categories (category);
alter table public.expert_categories enable row level security;
grant select on public.expert_categories to anon, authenticated;

/** Private fields: the account behind the profile, payout account, the admin's decision note */
create table public.expert_private (
  expert_id uuid primary key references public.experts (id) on delete cascade,
  user_id uuid not null unique references auth.users (id) on delete cascade,
  payout_account text, -- the Stripe Connect account, set by payout onboarding
  decision_note text check (char_length(decision_note) <= 2000),
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.expert_private is 'An expert''s private fields: readable by that expert and admins only.';
alter table public.expert_private enable row level security;
grant select on public.expert_private to authenticated;
create trigger expert_private_touch_updated_at before update on public.expert_private
  for each row execute function private.touch_updated_at();

-- The caller's expert id, if they have applied.
create function private.current_expert_id() returns uuid
language sql stable security definer set search_path = '' as $$
  select p.expert_id from public.expert_private p where p.user_id = (select auth.uid())
$$;
revoke all on function private.current_expert_id() from public;
grant execute on function private.current_expert_id() to authenticated;

-- One policy per role and action (several permissive ones would each be evaluated per row).
create policy experts_approved_are_public on public.experts for select to anon
  using (status = 'approved');
create policy experts_approved_own_or_admin on public.experts for select to authenticated
  using (status = 'approved' or id = (select private.current_expert_id()) or (select private.is_admin()));
-- Categories are as visible as their expert.
create policy expert_categories_follow_expert on public.expert_categories for select to anon, authenticated
  using (exists (select 1 from public.experts e where e.id = expert_id));
create policy expert_private_own_or_admin on public.expert_private for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

/** apply_as_expert: create or update the caller's application */
create function private.apply_as_expert(
  p_display_name text, p_bio text, p_categories text[], p_city text, p_headline text,
  p_specialties text[], p_languages text[], p_service_radius_km integer, p_hourly_rate integer, p_currency text
) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  me uuid := auth.uid();
  v_name text := trim(coalesce(p_display_name, ''));
  v_bio text := trim(coalesce(p_bio, ''));
  v_headline text := nullif(trim(coalesce(p_headline, '')), '');
  v_categories text[] := private.distinct_in_order(p_categories);
  v_specialties text[] := private.distinct_in_order(p_specialties);
  v_languages text[] := private.distinct_in_order(lower(coalesce(p_languages, '{}')::text)::text[]);
  v_currency text := upper(coalesce(p_currency, 'ILS'));
  unknown text;
  existing public.experts%rowtype;
  v_id uuid;
begin
  if me is null or coalesce(auth.jwt() ->> 'is_anonymous', 'false') = 'true'
     or not exists (select 1 from auth.users u where u.id = me and u.deleted_at is null) then
    raise exception 'sign in with an account to apply as an expert' using errcode = '42501';
  end if;
  -- Validate everything first: a constraint error would echo the row back to the client.
  if char_length(v_name) < 2 or char_length(v_name) > 80 then
    raise exception 'display name must be 2 to 80 characters' using errcode = '22023';
  end if;
  if v_bio = '' or char_length(v_bio) > 4000 then
    raise exception 'bio is required (at most 4000 characters)' using errcode = '22023';
  end if;
  if char_length(v_headline) > 120 then
    raise exception 'headline must be at most 120 characters' using errcode = '22023';
  end if;
  if cardinality(v_categories) = 0 or cardinality(v_categories) > 10 then
    raise exception 'choose 1 to 10 categories' using errcode = '22023';
  end if;
  select c into unknown from unnest(v_categories) c where not exists (select 1 from public.categories k where k.slug = c) limit 1;
  if found then
    raise exception 'unknown category: %', left(unknown, 60) using errcode = '22023';
  end if;
  if not exists (select 1 from public.cities c where c.slug = p_city) then
    raise exception 'unknown city: %', left(coalesce(p_city, ''), 60) using errcode = '22023';
  end if;
  select l into unknown from unnest(v_languages) l where not exists (select 1 from public.languages k where k.code = l) limit 1;
  if found then
    raise exception 'unknown language: %', left(unknown, 20) using errcode = '22023';
  end if;
  if cardinality(v_specialties) > 20 or exists (select 1 from unnest(v_specialties) s where char_length(s) > 60) then
    raise exception 'at most 20 specialties of up to 60 characters each' using errcode = '22023';
  end if;
  if p_service_radius_km is not null and (p_service_radius_km < 0 or p_service_radius_km > 500) then
    raise exception 'service radius must be 0 to 500 km' using errcode = '22023';
  end if;
  if p_hourly_rate is not null and (p_hourly_rate < 0 or p_hourly_rate > 100000000) then
    raise exception 'hourly rate must be a non-negative amount in minor units' using errcode = '22023';
  end if;
  if v_currency not in ('ILS', 'USD', 'EUR') then
    raise exception 'currency must be ILS, USD or EUR' using errcode = '22023';
  end if;
  if private.has_contact_details(v_name) or private.has_contact_details(v_headline) or private.has_contact_details(v_bio)
     or exists (select 1 from unnest(v_specialties) sp where private.has_contact_details(sp)) then
    raise exception 'public profile text must not contain email addresses or phone numbers' using errcode = '22023';
  end if;

  select e.* into existing from public.experts e join public.expert_private p on p.expert_id = e.id
   where p.user_id = me for update of e;
  if not found then
    insert into public.experts (display_name, headline, bio, specialties, languages, city, service_radius_km, hourly_rate, currency)
    values (v_name, v_headline, v_bio, v_specialties, v_languages, p_city, coalesce(p_service_radius_km, 25), p_hourly_rate, v_currency)
    returning id into v_id;
    insert into public.expert_private (expert_id, user_id) values (v_id, me);
  elsif existing.status = 'suspended' then
    raise exception 'a suspended expert cannot change the profile' using errcode = '42501';
  else
    v_id := existing.id;
    -- Pending: update the application. Rejected: update and submit again. Approved: update the live profile.
    update public.experts e set
      display_name = v_name, headline = v_headline, bio = v_bio, specialties = v_specialties,
      languages = v_languages, city = p_city, service_radius_km = coalesce(p_service_radius_km, e.service_radius_km),
      hourly_rate = p_hourly_rate, currency = v_currency,
      status = case when e.status = 'rejected' then 'pending'::public.expert_status else e.status end,
      submitted_at = case when e.status = 'approved' then e.submitted_at else now() end
    where e.id = v_id;
    delete from public.expert_categories c where c.expert_id = v_id and c.category <> all (v_categories);
  end if;
  insert into public.expert_categories (expert_id, category) select v_id, c from unnest(v_categories) c on conflict do nothing;
  return v_id;
end
$$;
revoke all on function private.apply_as_expert(text, text, text[], text, text, text[], text[], integer, integer, text) from public;
grant execute on function private.apply_as_expert(text, text, text[], text, text, text[], text[], integer, integer, text) to authenticated;

create function public.apply_as_expert(
  display_name text, bio text, categories text[], city text, headline text default null,
  specialties text[] default '{}', languages text[] default '{}', service_radius_km integer default null,
  hourly_rate integer default null, currency text default 'ILS'
) returns uuid
language sql volatile set search_path = '' as $$
  select private.apply_as_expert(display_name, bio, categories, city, headline, specialties, languages,
                                 service_radius_km, hourly_rate, currency)
$$;
comment on function public.apply_as_expert is 'Create or update the caller''s expert application; returns the expert id. hourly_rate is in minor units.';
revoke all on function public.apply_as_expert(text, text, text[], text, text, text[], text[], integer, integer, text) from public;
grant execute on function public.apply_as_expert(text, text, text[], text, text, text[], text[], integer, integer, text) to authenticated;

/** decide_expert_application: admins approve or reject a pending application, with a note */
create function private.decide_expert_application(p_expert_id uuid, p_approve boolean, p_note text)
returns public.expert_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_user uuid;
  v_status public.expert_status;
  v_note text := nullif(trim(coalesce(p_note, '')), '');
begin
  perform private.require_admin();
  if p_approve is null then
    raise exception 'approve must be true or false' using errcode = '22023';
  end if;
  if char_length(v_note) > 2000 then
    raise exception 'the note must be at most 2000 characters' using errcode = '22023';
  end if;
  select e.status, p.user_id into v_status, v_user
    from public.experts e join public.expert_private p on p.expert_id = e.id
   where e.id = p_expert_id for update of e;
  if not found then
    raise exception 'no such expert application' using errcode = '22023';
  end if;
  if v_status <> 'pending' then
    raise exception 'the application is not pending (it is %)', v_status using errcode = '22023';
  end if;
  v_status := case when p_approve then 'approved' else 'rejected' end;
  update public.experts e set status = v_status,
         approved_at = case when p_approve then now() else null end
   where e.id = p_expert_id;
  update public.expert_private p set decision_note = v_note, decided_at = now() where p.expert_id = p_expert_id;
  if p_approve then
    insert into public.user_roles (user_id, role) values (v_user, 'expert') on conflict do nothing;
  end if;
  perform private.audit_admin_action(
    case when p_approve then 'expert_application.approve' else 'expert_application.reject' end,
    'public.experts', p_expert_id::text, jsonb_build_object('note', v_note));
  return v_status;
end
$$;
revoke all on function private.decide_expert_application(uuid, boolean, text) from public;
grant execute on function private.decide_expert_application(uuid, boolean, text) to authenticated;

create function public.decide_expert_application(expert_id uuid, approve boolean, note text default null)
returns public.expert_status
language sql volatile set search_path = '' as $$
  select private.decide_expert_application(expert_id, approve, note)
$$;
comment on function public.decide_expert_application is 'Admins only: approve or reject a pending expert application, with an optional note to the applicant.';
revoke all on function public.decide_expert_application(uuid, boolean, text) from public;
grant execute on function public.decide_expert_application(uuid, boolean, text) to authenticated;

/** The directory: approved experts, filtered by category (a group includes its categories), city, language */
create function public.search_experts(category text default null, city text default null, language text default null)
returns setof public.experts
language sql stable set search_path = '' as $$
  select e.* from public.experts e
   where e.status = 'approved'
     and (search_experts.city is null or e.city = search_experts.city)
     and (search_experts.language is null or e.languages @> array[lower(search_experts.language)])
     and (search_experts.category is null or exists (
           select 1 from public.expert_categories ec join public.categories c on c.slug = ec.category
            where ec.expert_id = e.id and (c.slug = search_experts.category or c.parent_slug = search_experts.category)))
   order by e.approved_at desc, e.id
$$;
comment on function public.search_experts is 'The public expert directory: approved experts only, newest first.';
revoke all on function public.search_experts(text, text, text) from public;
grant execute on function public.search_experts(text, text, text) to anon, authenticated;
