-- Accounts: a profile and roles for every auth user, role checks the API cannot reach directly,
-- and an append-only audit of admin actions. Roles change only through RPCs that check the caller.

/** The API roles may call the allowlisted private functions (RLS helpers and the definer halves
    of public RPCs) but PostgREST does not expose the schema, and nothing in it is granted by default. */
grant usage on schema private to anon, authenticated;

/** Request context: who is calling from where (PostgREST passes the request headers) */
create function private.request_header(name text) returns text
language sql stable set search_path = '' as $$
  select nullif(current_setting('request.headers', true), '')::json ->> lower(name)
$$;

-- The client's address: the first X-Forwarded-For hop (set by Supabase's edge and by the local
-- gateway from the socket). Null outside a request or when the header is not an address.
create function private.request_ip() returns inet
language plpgsql stable set search_path = '' as $$
declare
  hop text := trim(split_part(coalesce(private.request_header('x-forwarded-for'), ''), ',', 1));
begin
  return nullif(hop, '')::inet;
exception when invalid_text_representation then
  return null;
end
$$;

/** Audit: append-only; written in the same transaction as the action it records */
create table audit.admin_actions (
  id bigint generated always as identity primary key,
  actor_id uuid, -- null when the database owner acted directly (e.g. created the first admin)
  action text not null check (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  target_table text not null,
  target_id text not null,
  details jsonb not null default '{}'::jsonb,
  ip inet,
  user_agent text,
  created_at timestamptz not null default now()
);
create index admin_actions_target_idx on audit.admin_actions (target_table, target_id);
create index admin_actions_created_at_idx on audit.admin_actions (created_at desc);
comment on table audit.admin_actions is 'Who did what to which row, when and from where. Append-only.';
alter table audit.admin_actions enable row level security;

create function audit.refuse_change() returns trigger
language plpgsql set search_path = '' as $$
begin
  raise exception 'audit rows are append-only' using errcode = '42501';
end
$$;
create trigger admin_actions_append_only before update or delete on audit.admin_actions
  for each row execute function audit.refuse_change();
create trigger admin_actions_no_truncate before truncate on audit.admin_actions
  for each statement execute function audit.refuse_change();

-- Called only from definer functions owned by postgres, which is the only role that can run it.
create function private.audit_admin_action(action text, target_table text, target_id text, details jsonb default '{}'::jsonb)
returns void language sql volatile set search_path = '' as $$
  insert into audit.admin_actions (actor_id, action, target_table, target_id, details, ip, user_agent)
  values (auth.uid(), action, target_table, target_id, coalesce(details, '{}'::jsonb),
          private.request_ip(), left(private.request_header('user-agent'), 512))
$$;

/** Roles */
create type public.app_role as enum ('customer', 'expert', 'admin');

create table public.user_roles (
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.app_role not null,
  granted_at timestamptz not null default now(),
  primary key (user_id, role)
);
comment on table public.user_roles is 'A user''s roles. Written only by RPCs that check the caller.';
alter table public.user_roles enable row level security;
grant select on public.user_roles to authenticated;

-- Role checks for policies and RPCs. SECURITY DEFINER so a policy on user_roles can use them
-- without recursing into its own RLS.
create function private.has_role(wanted public.app_role) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.user_roles r where r.user_id = (select auth.uid()) and r.role = wanted)
$$;

create function private.is_admin() returns boolean
language sql stable security definer set search_path = '' as $$
  select private.has_role('admin')
$$;

-- Called by the definer halves of admin RPCs (as postgres), so it needs no grant of its own.
create function private.require_admin() returns void
language plpgsql stable set search_path = '' as $$
begin
  if not private.is_admin() then
    raise exception 'only an admin can do this' using errcode = '42501';
  end if;
end
$$;

revoke all on function private.has_role(public.app_role), private.is_admin(), private.require_admin() from public;
grant execute on function private.has_role(public.app_role), private.is_admin() to authenticated;

create policy user_roles_read_own_or_admin on public.user_roles for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

/** Profiles: personal data, readable by the user and admins only */
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null default '' check (char_length(display_name) <= 80),
  locale text not null default 'en' check (locale in ('en', 'he')),
  avatar_url text check (avatar_url is null or (avatar_url ~ '^https?://[^\s]+$' and char_length(avatar_url) <= 2048)),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'A user''s own profile. Personal data: the user, and admins through admin_user_profile().';
alter table public.profiles enable row level security;
grant select on public.profiles to authenticated;
grant update (display_name, locale, avatar_url) on public.profiles to authenticated;

-- Admins read other users' profiles only through admin_user_profile(), which audits the read.
create policy profiles_read_own on public.profiles for select to authenticated
  using (id = (select auth.uid()));
create policy profiles_update_own on public.profiles for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));

create function private.touch_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at := now();
  return new;
end
$$;
create trigger profiles_touch_updated_at before update on public.profiles
  for each row execute function private.touch_updated_at();

-- Every new account, guests included, starts as a customer with a profile built from the
-- sign-up metadata (display_name, locale); bad metadata falls back to defaults, never fails sign-up.
create function private.on_auth_user_created() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  meta jsonb := coalesce(new.raw_user_meta_data, '{}'::jsonb);
begin
  insert into public.profiles (id, display_name, locale)
  values (
    new.id,
    left(trim(coalesce(meta ->> 'display_name', meta ->> 'full_name', meta ->> 'name', '')), 80),
    case when meta ->> 'locale' in ('en', 'he') then meta ->> 'locale' else 'en' end
  );
  insert into public.user_roles (user_id, role) values (new.id, 'customer');
  return new;
end
$$;
revoke all on function private.on_auth_user_created() from public;
create trigger on_auth_user_created after insert on auth.users
  for each row execute function private.on_auth_user_created();

/** Admin grants: only an admin grants or revokes admin; never the last admin */
create function private.set_admin(target uuid, make_admin boolean) returns void
language plpgsql volatile security definer set search_path = '' as $$
begin
  perform private.require_admin();
  if target is null or not exists (select 1 from auth.users u where u.id = target) then
    raise exception 'no such user' using errcode = '22023';
  end if;
  if make_admin then
    insert into public.user_roles (user_id, role) values (target, 'admin') on conflict do nothing;
    if not found then
      raise exception 'the user is already an admin' using errcode = '22023';
    end if;
  else
    -- Lock the admin rows so two concurrent revocations cannot remove the last two admins.
    perform 1 from public.user_roles r where r.role = 'admin' for update;
    if (select count(*) from public.user_roles r where r.role = 'admin' and r.user_id <> target) = 0 then
      raise exception 'the last admin cannot be revoked' using errcode = '22023';
    end if;
    delete from public.user_roles r where r.user_id = target and r.role = 'admin';
    if not found then
      raise exception 'the user is not an admin' using errcode = '22023';
    end if;
  end if;
  perform private.audit_admin_action(
    case when make_admin then 'role.grant_admin' else 'role.revoke_admin' end, 'auth.users', target::text);
end
$$;
revoke all on function private.set_admin(uuid, boolean) from public;
grant execute on function private.set_admin(uuid, boolean) to authenticated;

create function public.grant_admin(user_id uuid) returns void
language sql volatile set search_path = '' as $$ select private.set_admin(user_id, true) $$;
create function public.revoke_admin(user_id uuid) returns void
language sql volatile set search_path = '' as $$ select private.set_admin(user_id, false) $$;
revoke all on function public.grant_admin(uuid), public.revoke_admin(uuid) from public;
grant execute on function public.grant_admin(uuid), public.revoke_admin(uuid) to authenticated;

-- The very first admin, for a new deployment: run by the database owner (psql or the SQL editor),
-- never reachable through the API. Refuses once any admin exists; from then on admins use grant_admin.
create function private.create_first_admin(email text) returns uuid
language plpgsql volatile set search_path = '' as $$
declare
  target uuid;
begin
  select u.id into target from auth.users u where lower(u.email) = lower(trim(create_first_admin.email));
  if target is null then
    raise exception 'no user with that email: sign up first' using errcode = '22023';
  end if;
  if exists (select 1 from public.user_roles r where r.role = 'admin') then
    raise exception 'an admin already exists: an admin grants admin with grant_admin' using errcode = '42501';
  end if;
  insert into public.user_roles (user_id, role) values (target, 'admin');
  -- The actor is the database owner, not an API user: no actor id, whatever claims the session holds.
  insert into audit.admin_actions (actor_id, action, target_table, target_id, details)
  values (null, 'role.create_first_admin', 'auth.users', target::text, jsonb_build_object('database_user', session_user));
  return target;
end
$$;
revoke all on function private.create_first_admin(text) from public;

/** Admins read the audit log through an RPC; nobody writes it but the functions above */
create function private.admin_audit_log(max_rows integer)
returns table (id bigint, actor_id uuid, action text, target_table text, target_id text, details jsonb, ip inet, created_at timestamptz)
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.require_admin();
  return query
    select a.id, a.actor_id, a.action, a.target_table, a.target_id, a.details, a.ip, a.created_at
    from audit.admin_actions a order by a.id desc limit least(greatest(coalesce(max_rows, 50), 1), 500);
end
$$;
revoke all on function private.admin_audit_log(integer) from public;
grant execute on function private.admin_audit_log(integer) to authenticated;

create function public.admin_audit_log(max_rows integer default 50)
returns table (id bigint, actor_id uuid, action text, target_table text, target_id text, details jsonb, ip inet, created_at timestamptz)
language sql stable set search_path = '' as $$ select * from private.admin_audit_log(max_rows) $$;
revoke all on function public.admin_audit_log(integer) from public;
grant execute on function public.admin_audit_log(integer) to authenticated;

/** An admin looks up one user's personal data (profile, email, roles); every lookup is audited */
create function private.admin_user_profile(target uuid)
returns table (id uuid, email text, display_name text, locale text, avatar_url text, roles public.app_role[], created_at timestamptz)
language plpgsql volatile security definer set search_path = '' as $$
begin
  perform private.require_admin();
  if not exists (select 1 from public.profiles p where p.id = target) then
    raise exception 'no such user' using errcode = '22023';
  end if;
  perform private.audit_admin_action('pii.read_profile', 'public.profiles', target::text);
  return query
    select p.id, u.email::text, p.display_name, p.locale, p.avatar_url,
           array(select r.role from public.user_roles r where r.user_id = p.id order by r.role), p.created_at
      from public.profiles p join auth.users u on u.id = p.id
     where p.id = target;
end
$$;
revoke all on function private.admin_user_profile(uuid) from public;
grant execute on function private.admin_user_profile(uuid) to authenticated;

create function public.admin_user_profile(user_id uuid)
returns table (id uuid, email text, display_name text, locale text, avatar_url text, roles public.app_role[], created_at timestamptz)
language sql volatile set search_path = '' as $$ select * from private.admin_user_profile(user_id) $$;
comment on function public.admin_user_profile is 'Admins only: one user''s profile, email and roles. Audited; call with POST.';
revoke all on function public.admin_user_profile(uuid) from public;
grant execute on function public.admin_user_profile(uuid) to authenticated;
