-- The very first admin is created by private.create_first_admin, which only the database owner
-- (postgres) can run; it refuses once an admin exists, and it is audited.
begin;
select plan(9);

select tests.create_user('founder@test.local') as founder \gset
select tests.create_user('second@test.local') as second \gset

select is((select proowner::regrole::text from pg_proc where oid = 'private.create_first_admin(text)'::regprocedure), 'postgres',
  'the function belongs to the database owner');
select ok(not has_function_privilege('anon', 'private.create_first_admin(text)', 'execute'), 'anon cannot run it');
select ok(not has_function_privilege('authenticated', 'private.create_first_admin(text)', 'execute'), 'a signed-in user cannot run it');
select ok(not has_function_privilege('service_role', 'private.create_first_admin(text)', 'execute'), 'the secret key cannot run it');

select tests.act_as(:'founder');
select throws_ok($$ select private.create_first_admin('founder@test.local') $$, '42501', null, 'a user calling it directly is refused');
reset role;

-- A new deployment: no admin yet (the seed's demo admin goes, inside this rolled-back transaction).
delete from public.user_roles where role = 'admin';
select is(private.create_first_admin('Founder@Test.local'), :'founder'::uuid, 'the owner makes the first admin by email');
select ok(exists (select 1 from audit.admin_actions where action = 'role.create_first_admin' and target_id = :'founder' and actor_id is null),
  'and it is audited as the owner''s action');
select throws_ok($$ select private.create_first_admin('second@test.local') $$, '42501', null,
  'once an admin exists it refuses: admins grant admin');
select throws_ok($$ select private.create_first_admin('nobody@test.local') $$, '22023', null, 'an unknown email is refused');

select * from finish();
rollback;
