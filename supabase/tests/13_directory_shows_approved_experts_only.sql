-- The public directory lists approved experts only and no private field; an application is
-- visible to its own expert and admins; private fields to that expert and admins.
begin;
select plan(16);

select tests.create_user('approved@test.local') as approved_user \gset
select tests.create_user('pending@test.local') as pending_user \gset
select tests.create_user('rejected@test.local') as rejected_user \gset
select tests.create_user('visitor@test.local') as visitor \gset
select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');
select tests.apply(:'approved_user', 'Approved Expert', '{plumbing}', 'tel-aviv') as approved \gset
select tests.apply(:'pending_user', 'Pending Expert', '{plumbing}', 'tel-aviv') as pending \gset
select tests.apply(:'rejected_user', 'Rejected Expert', '{plumbing}', 'tel-aviv') as rejected \gset
select tests.decide(:'admin', :'approved', true);
select tests.decide(:'admin', :'rejected', false, 'Not yet');

create temp table mine (id uuid);
insert into mine values (:'approved'), (:'pending'), (:'rejected');
grant select on mine to anon, authenticated;

select tests.act_as_anon();
select set_eq('select id from public.experts where id in (select id from mine)', array[:'approved'::uuid], 'anon sees only the approved expert');
select set_eq('select id from public.search_experts() where id in (select id from mine)', array[:'approved'::uuid], 'the directory search lists only the approved expert');
select set_eq('select distinct expert_id from public.expert_categories where expert_id in (select id from mine)', array[:'approved'::uuid],
  'categories of unapproved applications are hidden too');
select throws_ok('select * from public.expert_private', '42501', null, 'anon cannot read private expert fields');
select ok(not has_table_privilege('anon', 'auth.users', 'select') and not has_table_privilege('authenticated', 'auth.users', 'select'),
  'nothing in auth.users is readable by the API roles');

reset role;
select tests.act_as(:'visitor');
select set_eq('select id from public.experts where id in (select id from mine)', array[:'approved'::uuid], 'another user sees only the approved expert');
select is_empty('select * from public.expert_private where expert_id in (select id from mine)', 'another user sees no private fields');

reset role;
select tests.act_as(:'pending_user');
select set_eq('select id from public.experts where id in (select id from mine)', array[:'approved'::uuid, :'pending'::uuid],
  'an applicant sees their own pending application besides the directory');
select results_eq('select expert_id from public.expert_private', array[:'pending'::uuid], 'and only their own private fields');
select set_eq('select id from public.search_experts() where id in (select id from mine)', array[:'approved'::uuid],
  'the directory search still lists only approved experts');

reset role;
select tests.act_as(:'rejected_user');
select results_eq('select status::text || '':'' || decision_note from public.experts join public.expert_private on expert_id = id',
  array['rejected:Not yet'], 'a rejected applicant sees their status and the admin''s note');

reset role;
select tests.act_as(:'admin');
select set_eq('select id from public.experts where id in (select id from mine)', array[:'approved'::uuid, :'pending'::uuid, :'rejected'::uuid],
  'an admin sees every application');
select set_eq('select expert_id from public.expert_private where expert_id in (select id from mine)',
  array[:'approved'::uuid, :'pending'::uuid, :'rejected'::uuid], 'an admin sees every expert''s private fields');

reset role;
select is_empty(
  $$ select column_name from information_schema.columns
      where table_schema = 'public' and table_name in ('experts', 'expert_categories')
        and column_name ~ '(user|email|phone|payout|note|address)' $$,
  'the public expert tables hold no account link, contact, payout or note column');
select throws_ok($$ select tests.apply(gen_random_uuid(), 'Nobody Here', '{plumbing}', 'tel-aviv') $$, '42501', null,
  'an application needs a real account (a token for a deleted account is refused)');
select throws_ok(format($$ select tests.apply(%L, 'Call me 052-555-1234', '{plumbing}', 'tel-aviv') $$, :'visitor'), '22023', null,
  'a phone number in public text is refused');

select * from finish();
rollback;
