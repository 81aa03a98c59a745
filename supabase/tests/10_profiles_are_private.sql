-- A customer's profile is personal data: readable (and editable) by that user, readable by admins
-- only through an audited lookup, invisible to anyone else; every new account starts as a customer.
begin;
select plan(15);

select tests.create_user('alice@test.local', 'Alice') as alice \gset
select tests.create_user('bob@test.local', 'Bob') as bob \gset
select tests.create_user('admin@test.local', 'Admin') as admin \gset
select tests.make_admin(:'admin');

select is((select display_name from public.profiles where id = :'alice'), 'Alice', 'sign-up creates a profile from the metadata');
select is((select array_agg(role)::text from public.user_roles where user_id = :'alice'), '{customer}', 'a new account is a customer and nothing more');

select tests.act_as_anon();
select throws_ok('select * from public.profiles', '42501', null, 'anon cannot read profiles at all');
select throws_ok('select * from public.user_roles', '42501', null, 'anon cannot read roles');

reset role;
select tests.act_as(:'bob');
select is_empty(format('select * from public.profiles where id = %L', :'alice'), 'another user does not see the profile');
select is_empty(format('update public.profiles set display_name = %L where id = %L returning id', 'Hacked', :'alice'),
  'another user cannot change the profile');
select results_eq('select count(*)::int from public.profiles', array[1], 'a user sees exactly one profile: their own');

reset role;
select tests.act_as(:'alice');
select results_eq(format('select display_name from public.profiles where id = %L', :'alice'), array['Alice'], 'the owner reads their profile');
select lives_ok($$ update public.profiles set display_name = 'Alice Levi', locale = 'he', avatar_url = 'https://img.example/a.png' $$,
  'the owner edits display name, locale and avatar');

reset role;
select coalesce(max(id), 0) as before from audit.admin_actions \gset
select tests.act_as(:'admin');
select is_empty(format('select * from public.profiles where id = %L', :'alice'), 'an admin does not browse profiles through the table');
select results_eq(format('select email, display_name, locale, roles::text from public.admin_user_profile(%L)', :'alice'),
  $$ values ('alice@test.local', 'Alice Levi', 'he', '{customer}') $$,
  'an admin looks the user up: profile with the owner''s edit, email and roles');
select is_empty(format('update public.profiles set display_name = %L where id = %L returning id', 'Admin edit', :'alice'),
  'an admin cannot edit someone else''s profile through the table');
reset role;
select results_eq(format('select actor_id, action, target_id from audit.admin_actions where id > %s', :'before'),
  format($$ values (%L::uuid, 'pii.read_profile', %L) $$, :'admin', :'alice'), 'the lookup is audited');

select tests.act_as(:'bob');
select throws_ok(format('select * from public.admin_user_profile(%L)', :'alice'), '42501', null, 'a non-admin cannot look users up');
reset role;
select tests.act_as_anon();
select throws_ok(format('select * from public.admin_user_profile(%L)', :'alice'), '42501', null, 'nor can anon');
reset role;

select * from finish();
rollback;
