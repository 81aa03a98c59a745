-- Roles, approval status and other privileged columns change only through RPCs that check the
-- caller: no API role, admins included, can write them through a table.
begin;
select plan(14);

select tests.create_user('owner@test.local') as owner \gset
select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');
select tests.apply(:'owner', 'Owner Expert', '{plumbing}', 'haifa') as expert \gset

select tests.act_as_anon();
select throws_ok(format('insert into public.user_roles (user_id, role) values (%L, ''admin'')', :'owner'), '42501', null,
  'anon cannot grant a role');
select throws_ok($$ update public.experts set status = 'approved' $$, '42501', null, 'anon cannot approve an expert');

reset role;
select tests.act_as(:'owner');
select throws_ok(format('insert into public.user_roles (user_id, role) values (%L, ''admin'')', :'owner'), '42501', null,
  'a user cannot make themselves admin');
select throws_ok(format('insert into public.user_roles (user_id, role) values (%L, ''expert'')', :'owner'), '42501', null,
  'a user cannot make themselves an expert');
select throws_ok($$ delete from public.user_roles $$, '42501', null, 'a user cannot drop their roles');
select throws_ok(format('update public.experts set status = ''approved'' where id = %L', :'expert'), '42501', null,
  'the applicant cannot approve their own application');
select throws_ok(format('update public.expert_private set decision_note = ''ok'' where expert_id = %L', :'expert'), '42501', null,
  'the applicant cannot write their private fields');
select throws_ok($$ insert into public.experts (display_name, bio, city) values ('Sneaky', 'Bio', 'haifa') $$, '42501', null,
  'a user cannot insert an expert profile directly');
select throws_ok(format('update public.profiles set id = gen_random_uuid() where id = %L', :'owner'), '42501', null,
  'a user cannot change their profile id');
select throws_ok($$ update public.profiles set created_at = now() - interval '1 year' $$, '42501', null,
  'a user cannot rewrite their profile''s timestamps');

reset role;
select tests.act_as(:'admin');
select throws_ok(format('update public.experts set status = ''approved'' where id = %L', :'expert'), '42501', null,
  'an admin cannot approve through the table either');
select throws_ok(format('insert into public.user_roles (user_id, role) values (%L, ''admin'')', :'owner'), '42501', null,
  'an admin cannot grant roles through the table');

reset role;
set local role service_role;
select throws_ok(format('update public.experts set status = ''approved'' where id = %L', :'expert'), '42501', null,
  'the secret key cannot write the status through the table');

reset role;
select is((select status::text from public.experts where id = :'expert'), 'pending', 'after all of that the application is still pending');

select * from finish();
rollback;
