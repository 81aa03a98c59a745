-- Reviews: after a job completes, its payer rates the performer once (1–5 stars and text), shown on
-- the expert's public profile under the payer's display name, or only their first name and the
-- job's city if they prefer. Public text, so it refuses contact details like every public field.

create table public.reviews (
  id uuid primary key default gen_random_uuid(),
  lead_id uuid not null unique references private.leads (id),
  expert_id uuid not null references public.experts (id),
  stars integer not null check (stars between 1 and 5),
  body text check (char_length(body) <= 2000 and not private.has_contact_details(body)),
  reviewer_name text not null check (char_length(reviewer_name) between 1 and 80),
  created_at timestamptz not null default now()
);
create index reviews_expert_idx on public.reviews (expert_id, created_at desc);
comment on table public.reviews is 'Ratings of completed jobs, public on the expert''s profile.';
alter table public.reviews enable row level security;
create policy reviews_are_public on public.reviews for select to anon, authenticated using (true);
grant select on public.reviews to anon, authenticated;

create view public.expert_ratings with (security_invoker = true) as
select r.expert_id, count(*)::integer as review_count, round(avg(r.stars), 2) as average_stars
  from public.reviews r group by r.expert_id;
comment on view public.expert_ratings is 'Each expert''s number of reviews and average stars.';
grant select on public.expert_ratings to anon, authenticated;

create function private.rate_performer(p_lead_id uuid, p_stars integer, p_body text, p_first_name_and_city_only boolean)
returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  v_payable private.payables%rowtype;
  v_lead private.leads%rowtype;
  v_name text;
  v_body text := nullif(trim(coalesce(p_body, '')), '');
  v_id uuid;
begin
  select * into v_lead from private.leads l where l.id = p_lead_id for update;
  select * into v_payable from private.payables p where p.lead_id = p_lead_id;
  if not found or v_payable.payer_user_id is distinct from auth.uid() then
    raise exception 'only the payer rates the job' using errcode = '42501';
  end if;
  if v_lead.status <> 'completed' then
    raise exception 'a job is rated once it is completed' using errcode = '22023';
  end if;
  if p_stars is null or p_stars not between 1 and 5 then
    raise exception 'stars must be 1 to 5' using errcode = '22023';
  end if;
  if char_length(v_body) > 2000 or private.has_contact_details(v_body) then
    raise exception 'the review is public: at most 2000 characters and no phone numbers or email addresses' using errcode = '22023';
  end if;
  if exists (select 1 from public.reviews r where r.lead_id = p_lead_id) then
    raise exception 'this job is already rated' using errcode = '22023';
  end if;
  select nullif(trim(p.display_name), '') into v_name from public.profiles p where p.id = auth.uid();
  v_name := coalesce(v_name, 'A client');
  if coalesce(p_first_name_and_city_only, false) then
    v_name := split_part(v_name, ' ', 1) || ', ' || (select c.name_en from public.cities c where c.slug = v_lead.city);
  end if;
  insert into public.reviews (lead_id, expert_id, stars, body, reviewer_name)
  values (p_lead_id, v_payable.performer_expert_id, p_stars, v_body, left(v_name, 80))
  returning id into v_id;
  return v_id;
end
$$;
revoke all on function private.rate_performer(uuid, integer, text, boolean) from public;
grant execute on function private.rate_performer(uuid, integer, text, boolean) to authenticated;

create function public.rate_performer(lead_id uuid, stars integer, body text default null, first_name_and_city_only boolean default false)
returns uuid
language sql volatile set search_path = '' as $$ select private.rate_performer(lead_id, stars, body, first_name_and_city_only) $$;
comment on function public.rate_performer is 'The payer of a completed job rates its performer once; returns the review id.';
revoke all on function public.rate_performer(uuid, integer, text, boolean) from public;
grant execute on function public.rate_performer(uuid, integer, text, boolean) to authenticated;
