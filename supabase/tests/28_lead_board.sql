-- lead_board: approved experts only; open board leads in the expert's categories (groups expanded)
-- and service radius, distance between city centres, newest first, keyset pages; never their own.
begin;
select plan(10);

select tests.create_user('owner@test.local') as owner \gset
select tests.create_expert('expert@test.local', 'tel-aviv', '{plumbing}') as expert \gset
select tests.create_user('customer@test.local') as customer \gset
update public.experts set service_radius_km = 30 where id = tests.expert_id(:'expert');
-- Only this test's leads: the board is shared with the seed's and other runs' data.
update private.leads set status = 'expired' where status = 'open';

select tests.consumer_lead(:'owner', 'plumbing', 'tel-aviv', 'Near plumbing 1') as near1 \gset
select tests.consumer_lead(:'owner', 'plumbing', 'ramat-gan', 'Near plumbing 2') as near2 \gset
select tests.consumer_lead(:'owner', 'plumbing', 'haifa', 'Far plumbing') as far \gset
select tests.consumer_lead(:'owner', 'electrical', 'tel-aviv', 'Near electrical') as other_category \gset
select tests.referral_lead(:'expert', 10) as own_lead \gset
update private.leads set created_at = now() - make_interval(mins => m)
  from (values (:'near2'::uuid, 1), (:'near1'::uuid, 10), (:'far'::uuid, 20), (:'other_category'::uuid, 30)) t(id, m) where leads.id = t.id;

select tests.act_as(:'customer');
select throws_ok('select * from public.lead_board()', '42501', null, 'a customer has no lead board');
reset role;

select tests.act_as(:'expert');
select results_eq('select title from public.lead_board()', array['Near plumbing 2', 'Near plumbing 1'],
  'by default: the expert''s categories within their radius, newest first, not their own lead');
select results_eq($$ select distance_km from public.lead_board() where title = 'Near plumbing 1' $$, array[0.0::numeric], 'with the distance');
select results_eq('select title from public.lead_board(max_distance_km => 200)', array['Near plumbing 2', 'Near plumbing 1', 'Far plumbing'],
  'a wider radius reaches further');
select results_eq($$ select title from public.lead_board(category_slug => 'home-services') order by title $$,
  array['Near electrical', 'Near plumbing 1', 'Near plumbing 2'], 'a group covers its categories');
select results_eq($$ select title from public.lead_board(min_budget_cents => 70000) $$, array[]::text[], 'a budget floor filters');
select results_eq('select title from public.lead_board(page_size => 1)', array['Near plumbing 2'], 'a page at a time');
select results_eq(format($$ select title from public.lead_board(page_size => 1, before_created_at => %L, before_id => %L) $$,
                         (select created_at from private.leads where id = :'near2'), :'near2'),
  array['Near plumbing 1'], 'the next page starts after the last card');
select results_eq($$ select proposal_count from public.lead_board() where title = 'Near plumbing 2' $$, array[0], 'cards carry the proposal count');
select throws_ok($$ select * from public.lead_board(lead_kind => 'gift') $$, '22023', null, 'a bad filter is refused');
reset role;

select * from finish();
rollback;
