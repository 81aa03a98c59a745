-- The lead board at 100,000 leads (bench/lead-board.ts): two fixes the benchmark measured.
-- 1. An index in the board's own order, so a page of the newest open board leads is read from the
--    top instead of sorting every open lead in the expert's categories (Postgres 15 cannot merge
--    the per-category runs of leads_board_idx in created_at order).
-- 2. The RLS helpers as PL/pgSQL: a SECURITY DEFINER SQL function is never inlined and, in
--    Postgres 15, is parsed and planned on every call; PL/pgSQL keeps its plan for the session.
--    Same bodies, same grants (create or replace keeps them).

create index leads_board_recent_idx on private.leads (created_at desc, id desc) where status = 'open' and visibility = 'board';

create or replace function private.approved_expert_id() returns uuid
language plpgsql stable security definer set search_path = '' as $$
begin
  return (select p.expert_id from public.expert_private p join public.experts e on e.id = p.expert_id
           where p.user_id = (select auth.uid()) and e.status = 'approved');
end
$$;

create or replace function private.current_expert_id() returns uuid
language plpgsql stable security definer set search_path = '' as $$
begin
  return (select p.expert_id from public.expert_private p where p.user_id = (select auth.uid()));
end
$$;

create or replace function private.has_role(wanted public.app_role) returns boolean
language plpgsql stable security definer set search_path = '' as $$
begin
  return exists (select 1 from public.user_roles r where r.user_id = (select auth.uid()) and r.role = wanted);
end
$$;

create or replace function private.is_admin() returns boolean
language plpgsql stable security definer set search_path = '' as $$
begin
  return private.has_role('admin');
end
$$;

create or replace function private.my_lead_ids() returns uuid[]
language plpgsql stable security definer set search_path = '' as $$
begin
  return (select coalesce(array_agg(l.id), '{}') from private.leads l where l.owner_id = (select auth.uid()));
end
$$;

create or replace function private.my_referred_lead_ids() returns uuid[]
language plpgsql stable security definer set search_path = '' as $$
begin
  return (select coalesce(array_agg(r.lead_id), '{}') from public.referrals r
           where r.to_expert_id = (select private.approved_expert_id()) and r.status in ('pending', 'accepted'));
end
$$;

create or replace function private.my_proposed_lead_ids() returns uuid[]
language plpgsql stable security definer set search_path = '' as $$
begin
  return (select coalesce(array_agg(distinct p.lead_id), '{}') from public.proposals p
           where p.expert_id = (select private.current_expert_id()));
end
$$;

-- Fresh statistics right after a rebuild: without them the planner's first board plans were poor.
create or replace function private.refresh_city_distances() returns void
language plpgsql volatile set search_path = '' as $$
begin
  delete from public.city_distances;
  insert into public.city_distances (from_city, to_city, km)
  select a.slug, b.slug,
         round((2 * 6371.0 * asin(sqrt(
           power(sin(radians(b.latitude - a.latitude) / 2), 2)
           + cos(radians(a.latitude)) * cos(radians(b.latitude)) * power(sin(radians(b.longitude - a.longitude) / 2), 2))))::numeric, 1)
    from public.cities a cross join public.cities b;
  analyze public.city_distances;
end
$$;
select private.refresh_city_distances();
