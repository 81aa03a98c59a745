-- Schema-wide invariants every migration must keep. When a migration grants a role something on
-- purpose, add it to the allowlist below in the same change; anything else is a privilege leak.
begin;
select plan(9);

-- The project's schemas: everything but Postgres's and Supabase's own.
create temp view project_schemas as
  select oid, nspname from pg_namespace
  where nspname not like 'pg\_%'
    and nspname not in ('information_schema', 'extensions', 'auth', 'cron', 'supabase_migrations',
                        'graphql', 'graphql_public', 'realtime', 'storage', 'vault', 'net', 'pgbouncer',
                        'tests');

-- What PostgREST exposes (PGRST_DB_SCHEMAS and config.toml [api] schemas).
create temp view exposed_schemas as select nspname from project_schemas where nspname in ('public');

/** Allowlists: 'schema.relation:role:privilege', 'schema.relation.column:role:privilege', 'schema.function(args):role' */
create temp table grant_allowlist (spec text primary key);
insert into grant_allowlist (spec) select unnest(array[
  'public.categories:anon:select', 'public.categories:authenticated:select',
  'public.cities:anon:select', 'public.cities:authenticated:select',
  'public.languages:anon:select', 'public.languages:authenticated:select',
  'public.user_roles:authenticated:select',
  'public.profiles:authenticated:select',
  'public.profiles.display_name:authenticated:update', 'public.profiles.locale:authenticated:update',
  'public.profiles.avatar_url:authenticated:update',
  'public.experts:anon:select', 'public.experts:authenticated:select',
  'public.expert_categories:anon:select', 'public.expert_categories:authenticated:select',
  'public.expert_private:authenticated:select',
  'public.fee_policies:anon:select', 'public.fee_policies:authenticated:select',
  'public.fee_policy_minimums:anon:select', 'public.fee_policy_minimums:authenticated:select',
  'public.city_distances:anon:select', 'public.city_distances:authenticated:select',
  'public.proposals:authenticated:select', 'public.referrals:authenticated:select',
  -- Views that show each caller their columns, over private tables the views' columns are read from.
  'public.leads:authenticated:select', 'public.payables:authenticated:select', 'public.contact_access_logs:authenticated:select',
  'public.payments:authenticated:select', 'public.refunds:authenticated:select', 'public.disputes:authenticated:select',
  'public.chargebacks:authenticated:select',
  'public.payout_accounts:authenticated:select', 'public.payouts:authenticated:select', 'public.payout_batches:authenticated:select',
  'public.reviews:anon:select', 'public.reviews:authenticated:select',
  'public.expert_ratings:anon:select', 'public.expert_ratings:authenticated:select'
]);
insert into grant_allowlist (spec)
select 'private.leads.' || c || ':authenticated:select' from unnest(array[
  'id', 'kind', 'visibility', 'status', 'owner_id', 'referrer_expert_id', 'title', 'summary', 'category', 'city', 'budget_cents',
  'currency', 'referrer_share_percent', 'share_locked_at', 'client_name_hint', 'client_phone_hint', 'client_email_hint',
  'proposal_count', 'expires_at', 'assigned_at', 'cancelled_at', 'created_at']) c
union all
select 'private.payables.' || c || ':authenticated:select' from unnest(array[
  'id', 'lead_id', 'proposal_id', 'lead_owner_id', 'payer_kind', 'payer_user_id', 'performer_expert_id', 'performer_user_id',
  'referrer_expert_id', 'amount_cents', 'currency', 'fee_policy_version', 'platform_percent', 'referrer_share_percent',
  'platform_fee_cents', 'referrer_fee_cents', 'performer_net_cents', 'status', 'created_at',
  'paid_at', 'done_at', 'completed_at', 'hold_until', 'released_at', 'reversed_cents']) c
union all
select 'private.marketplace_settings.' || c || ':authenticated:select' from unnest(array['auto_confirm_days', 'hold_days', 'payout_cadence']) c
union all
select 'private.contact_access_logs.' || c || ':authenticated:select' from unnest(array[
  'id', 'lead_id', 'revealer_role', 'revealer_expert_id', 'fields', 'created_at', 'revealer_user_id', 'ip', 'user_agent']) c
union all
select 'private.payments.' || c || ':authenticated:select' from unnest(array[
  'id', 'payable_id', 'payer_user_id', 'status', 'amount_cents', 'currency', 'created_at', 'paid_at', 'failed_at']) c
union all
select 'private.refunds.' || c || ':authenticated:select' from unnest(array[
  'id', 'payable_id', 'amount_cents', 'currency', 'reason', 'note', 'status', 'created_at', 'succeeded_at', 'failed_at', 'dispute_id']) c
union all
select 'private.disputes.' || c || ':authenticated:select' from unnest(array[
  'id', 'payable_id', 'opened_by_role', 'reason', 'message', 'status', 'outcome', 'refund_cents', 'resolution_note', 'created_at',
  'resolved_at']) c
union all
select 'private.chargebacks.' || c || ':authenticated:select' from unnest(array[
  'id', 'payable_id', 'amount_cents', 'currency', 'reason', 'stripe_status', 'outcome', 'reversed_cents', 'opened_at', 'closed_at']) c
union all
select 'private.payout_accounts.' || c || ':authenticated:select' from unnest(array[
  'expert_id', 'stripe_account_id', 'details_submitted', 'charges_enabled', 'payouts_enabled', 'transfers_active', 'requirements_due',
  'disabled_reason', 'updated_at']) c
union all
select 'private.payouts.' || c || ':authenticated:select' from unnest(array[
  'id', 'batch_id', 'expert_id', 'currency', 'amount_cents', 'available_cents', 'carry_netted_cents', 'status', 'transfer_id',
  'reversed_cents', 'failure_reason', 'created_at', 'transferred_at', 'paid_at', 'failed_at']) c
union all
select 'private.payout_batches.' || c || ':authenticated:select' from unnest(array['id', 'period_end', 'created_by', 'created_at', 'executed_at']) c;

create temp table definer_execute_allowlist (spec text primary key);
insert into definer_execute_allowlist (spec) select unnest(array[
  'private.has_role(app_role):authenticated',
  'private.is_admin():authenticated',
  'private.current_expert_id():authenticated',
  'private.set_admin(uuid,boolean):authenticated',
  'private.admin_audit_log(integer):authenticated',
  'private.admin_user_profile(uuid):authenticated',
  'private.apply_as_expert(text,text,text[],text,text,text[],text[],integer,integer,text):authenticated',
  'private.decide_expert_application(uuid,boolean,text):authenticated',
  'private.quote_lead_split(text,bigint,numeric,text):anon', 'private.quote_lead_split(text,bigint,numeric,text):authenticated',
  'private.publish_fee_policy(numeric,numeric,numeric,jsonb,timestamp with time zone):authenticated',
  'private.approved_expert_id():authenticated', 'private.my_lead_ids():authenticated',
  'private.my_referred_lead_ids():authenticated', 'private.my_proposed_lead_ids():authenticated',
  'private.create_lead(text,text,text,text,text,text,bigint,text,text,text,text,text,numeric,text):authenticated',
  'private.submit_proposal(uuid,bigint,text,date):authenticated', 'private.update_proposal(uuid,bigint,text,date):authenticated',
  'private.withdraw_proposal(uuid):authenticated', 'private.accept_proposal(uuid):authenticated',
  'private.reveal_lead_contact(uuid):authenticated', 'private.refer_lead(uuid,uuid):authenticated',
  'private.respond_to_referral(uuid,boolean):authenticated', 'private.cancel_lead(uuid):authenticated',
  'private.apply_stripe_event(jsonb,bigint):service_role', 'private.apply_stripe_event(jsonb,bigint):stripe_webhook',
  'private.prepare_payment(uuid):authenticated', 'private.create_pay_link(uuid):authenticated', 'private.claim_pay_link(text):authenticated',
  'private.mark_job_done(uuid):authenticated', 'private.confirm_job_done(uuid):authenticated',
  'private.release_hold_early(uuid):authenticated', 'private.admin_money_positions():authenticated',
  'private.my_wallet():authenticated', 'private.my_wallet_movements(integer):authenticated',
  'private.rate_performer(uuid,integer,text,boolean):authenticated',
  'private.set_referrer_share(uuid,numeric):authenticated',
  'private.my_paid_lead_ids():authenticated',
  'private.open_dispute(uuid,text,text):authenticated', 'private.resolve_dispute(uuid,text,bigint,text):authenticated',
  'private.refund_payable(uuid,bigint,text):authenticated',
  'private.refunds_to_submit(uuid):authenticated', 'private.refunds_to_submit(uuid):service_role',
  'private.record_refund_sent(uuid,text,text):service_role',
  'private.payout_onboarding():authenticated', 'private.link_payout_account(uuid,text):service_role',
  'private.create_payout_batch(date):authenticated', 'private.payouts_to_execute(uuid,integer):authenticated',
  'private.payouts_to_execute(uuid,integer):service_role', 'private.record_payout_step(uuid,text,text,text):service_role',
  'private.admin_ledger_movements(timestamp with time zone,timestamp with time zone,bigint):authenticated'
]);

select is_empty(
  $$ select n.nspname || '.' || c.relname from pg_class c join project_schemas n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and not c.relrowsecurity $$,
  'every table in the project schemas has row level security on'
);

select is_empty(
  $$ select n.nspname || '.' || c.relname from pg_class c join project_schemas n on n.oid = c.relnamespace
     where c.relkind = 'v' and not coalesce('security_invoker=true' = any (c.reloptions), false) $$,
  'every view is security_invoker'
);

select is_empty(
  $$ select n.nspname || '.' || c.relname from pg_class c join project_schemas n on n.oid = c.relnamespace
     where c.relkind = 'm' and n.nspname in (select nspname from exposed_schemas) $$,
  'no materialized view (which cannot have RLS) is exposed'
);

select set_eq(
  $$ select n.nspname || '.' || c.relname || ':' || r.rolname || ':' || lower(a.privilege_type)
       from pg_class c join project_schemas n on n.oid = c.relnamespace,
            aclexplode(c.relacl) a join pg_roles r on r.oid = a.grantee
      where r.rolname in ('anon', 'authenticated', 'service_role')
     union
     select n.nspname || '.' || c.relname || '.' || att.attname || ':' || r.rolname || ':' || lower(a.privilege_type)
       from pg_attribute att join pg_class c on c.oid = att.attrelid join project_schemas n on n.oid = c.relnamespace,
            aclexplode(att.attacl) a join pg_roles r on r.oid = a.grantee
      where r.rolname in ('anon', 'authenticated', 'service_role') and att.attnum > 0 and not att.attisdropped $$,
  $$ select spec from grant_allowlist $$,
  'the API roles hold exactly the allowlisted table and column grants'
);

select is_empty(
  $$ select n.nspname || ':' || r.rolname from project_schemas n, pg_roles r
     where n.nspname = 'audit' and r.rolname in ('anon', 'authenticated', 'service_role')
       and has_schema_privilege(r.oid, n.oid, 'usage') $$,
  'no API role can use the audit schema'
);

-- The API roles use `private` (not exposed by PostgREST) only to run the functions granted to them.
select is_empty(
  $$ select p.oid::regprocedure::text || ':' || r.rolname from pg_proc p join pg_namespace n on n.oid = p.pronamespace, pg_roles r
     where n.nspname = 'private' and r.rolname in ('anon', 'authenticated', 'service_role')
       and has_function_privilege(r.oid, p.oid, 'execute') and not p.prosecdef $$,
  'the API roles can execute no invoker function in private (only allowlisted definer functions)'
);

select is_empty(
  $$ select n.nspname || '.' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where p.prosecdef and n.nspname in (select nspname from exposed_schemas) $$,
  'no SECURITY DEFINER function lives in an exposed schema'
);

select is_empty(
  $$ select p.oid::regprocedure::text from pg_proc p join project_schemas n on n.oid = p.pronamespace
     where p.prosecdef and not exists (select 1 from unnest(p.proconfig) cfg where cfg like 'search\_path=%') $$,
  'every SECURITY DEFINER function pins its search_path'
);

select set_eq(
  $$ select p.oid::regprocedure::text || ':' || case a.grantee when 0 then 'public' else r.rolname end
       from pg_proc p join project_schemas n on n.oid = p.pronamespace,
            aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a left join pg_roles r on r.oid = a.grantee
      where p.prosecdef and a.grantee <> p.proowner and a.privilege_type = 'EXECUTE' $$,
  $$ select spec from definer_execute_allowlist $$,
  'SECURITY DEFINER functions are executable only by the allowlisted roles'
);

select * from finish();
rollback;
