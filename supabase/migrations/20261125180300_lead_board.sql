-- The lead board: open leads on the board in the expert's categories and service area, newest
-- first, a page at a time. Distance is between city centres (the lead's city, the expert's base
-- city), never from a client's address. Runs as the caller, so the leads' RLS applies.

create function public.lead_board(
  category_slug text default null,    -- a category or a group (all its categories); default: the expert's own
  max_distance_km integer default null, -- default: the expert's service radius
  min_budget_cents bigint default null,
  max_budget_cents bigint default null,
  lead_kind text default null,          -- consumer | referral; default: both
  before_created_at timestamptz default null, -- keyset paging: the last card of the previous page
  before_id uuid default null,
  page_size integer default 20
) returns table (
  id uuid, kind public.lead_kind, title text, summary text, category text, city text, budget_cents bigint, currency text,
  referrer_share_percent numeric, referrer_expert_id uuid, proposal_count integer, created_at timestamptz,
  expires_at timestamptz, distance_km numeric
)
language plpgsql stable set search_path = '' as $$
declare
  v_expert uuid := private.approved_expert_id();
  v_city text;
  v_radius integer;
  v_categories text[];
begin
  if v_expert is null then
    raise exception 'the lead board is for approved experts' using errcode = '42501';
  end if;
  if lead_kind is not null and lead_kind not in ('consumer', 'referral') then
    raise exception 'kind must be consumer or referral' using errcode = '22023';
  end if;
  if category_slug is not null and not exists (select 1 from public.categories c where c.slug = category_slug) then
    raise exception 'unknown category: %', left(category_slug, 60) using errcode = '22023';
  end if;
  if max_distance_km is not null and (max_distance_km < 0 or max_distance_km > 20000) then
    raise exception 'the distance must be 0 to 20000 km' using errcode = '22023';
  end if;
  if page_size is null or page_size < 1 or page_size > 100 then
    raise exception 'page_size must be 1 to 100' using errcode = '22023';
  end if;
  if (before_created_at is null) <> (before_id is null) then
    raise exception 'before_created_at and before_id go together' using errcode = '22023';
  end if;
  select e.city, e.service_radius_km into v_city, v_radius from public.experts e where e.id = v_expert;
  -- The categories to show, groups expanded to their categories.
  select coalesce(array_agg(c.slug), '{}') into v_categories
    from public.categories c
   where case when category_slug is null
              then c.slug in (select ec.category from public.expert_categories ec where ec.expert_id = v_expert)
                or c.parent_slug in (select ec.category from public.expert_categories ec where ec.expert_id = v_expert)
              else c.slug = category_slug or c.parent_slug = category_slug end;
  return query
    select l.id, l.kind, l.title, l.summary, l.category, l.city, l.budget_cents, l.currency, l.referrer_share_percent,
           l.referrer_expert_id, l.proposal_count, l.created_at, l.expires_at, d.km
      from private.leads l
      join public.city_distances d on d.from_city = v_city and d.to_city = l.city
     where l.status = 'open' and l.visibility = 'board'
       and l.category = any (v_categories)
       and d.km <= coalesce(max_distance_km, v_radius)
       and l.owner_id <> (select auth.uid())
       and (min_budget_cents is null or l.budget_cents >= min_budget_cents)
       and (max_budget_cents is null or l.budget_cents <= max_budget_cents)
       and (lead_kind is null or l.kind = lead_kind::public.lead_kind)
       and (before_created_at is null or (l.created_at, l.id) < (before_created_at, before_id))
     order by l.created_at desc, l.id desc
     limit page_size;
end
$$;
comment on function public.lead_board is 'Approved experts: open board leads in their categories and service area (or the given filters), newest first; page with before_created_at/before_id.';
revoke all on function public.lead_board(text, integer, bigint, bigint, text, timestamptz, uuid, integer) from public;
grant execute on function public.lead_board(text, integer, bigint, bigint, text, timestamptz, uuid, integer) to authenticated;
