-- The local stack gives migrations the same footing hosted Supabase does, so privilege mistakes
-- fail here the way they would in production.
begin;
select plan(13);

select ok((select rolsuper from pg_roles where rolname = 'supabase_admin'), 'supabase_admin is the superuser');
select ok(not (select rolsuper from pg_roles where rolname = 'postgres'), 'postgres is not a superuser');
select ok((select rolcreaterole and rolcreatedb and rolbypassrls from pg_roles where rolname = 'postgres'),
  'postgres can create roles and databases and bypasses RLS, as on hosted');
select ok((select rolbypassrls from pg_roles where rolname = 'service_role'), 'service_role bypasses RLS');
select ok((select not rolinherit and rolcanlogin from pg_roles where rolname = 'authenticator')
  and pg_has_role('authenticator', 'anon', 'member') and pg_has_role('authenticator', 'authenticated', 'member')
  and pg_has_role('authenticator', 'service_role', 'member'),
  'authenticator logs in, does not inherit, and can become each API role');

select is(
  (select string_agg(privilege_type, ',' order by privilege_type) from information_schema.table_privileges
    where grantee = 'postgres' and table_schema = 'auth' and table_name = 'users'),
  'DELETE,INSERT,REFERENCES,SELECT,TRIGGER,UPDATE',
  'postgres may read and write auth.users rows (seed files create users), reference it and hang triggers on it'
);
select throws_ok(
  $$ alter table auth.users add column probe text $$,
  '42501', null, 'postgres cannot change the structure of auth.users'
);

select is_empty(
  $$ select d.defaclobjtype::text from pg_default_acl d, aclexplode(d.defaclacl) a join pg_roles r on r.oid = a.grantee
     where d.defaclobjtype = 'r' and r.rolname in ('anon', 'authenticated', 'service_role') $$,
  'new tables are granted to no API role by default (hosted since 2026-10-30)'
);

select set_config('request.jwt.claims', '{"sub":"7c2a9a7e-3f0e-4f55-9d3e-5d1c2a4b0e11","role":"authenticated","email":"a@example.test"}', true);
select is(auth.uid(), '7c2a9a7e-3f0e-4f55-9d3e-5d1c2a4b0e11'::uuid, 'auth.uid() reads the sub claim PostgREST 12 sets');
select is(auth.role(), 'authenticated', 'auth.role() reads the role claim');

select lives_ok(
  $$ select cron.schedule('invariants-probe', '*/5 * * * *', 'select 1') $$,
  'postgres can schedule a pg_cron job from a migration'
);
select is(
  (select database::text from cron.job where jobname = 'invariants-probe'), current_database()::text,
  'pg_cron runs jobs in the project database'
);

select ok(
  exists (select 1 from supabase_migrations.schema_migrations where version = '20261122050000' and name = 'platform_schemas'
          and array_length(statements, 1) > 0),
  'applied migrations are recorded where the Supabase CLI records them'
);

select * from finish();
rollback;
