-- A customer's profile is personal data: readable (and editable) by that user, readable by admins,
-- invisible to anyone else; every new account starts as a customer with a profile.
begin;
select plan(11);

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
select tests.act_as(:'admin');
select results_eq(format('select display_name || '':'' || locale from public.profiles where id = %L', :'alice'), array['Alice Levi:he'],
  'an admin reads the profile, with the owner''s edit');
select is_empty(format('update public.profiles set display_name = %L where id = %L returning id', 'Admin edit', :'alice'),
  'an admin cannot edit someone else''s profile through the table');

select * from finish();
rollback;
