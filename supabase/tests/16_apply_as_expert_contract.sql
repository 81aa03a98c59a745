-- apply_as_expert: the RPC contract the app and outside clients rely on. Bad input gets a clear
-- 22023 error and changes nothing; calling again updates the caller's application.
begin;
select plan(16);

select tests.create_user('applicant@test.local') as applicant \gset
select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');

select tests.act_as_anon();
select throws_ok($$ select public.apply_as_expert('Anon', 'Bio', '{plumbing}', 'haifa') $$, '42501', null, 'anon cannot apply');

reset role;
select tests.act_as(:'applicant');
select throws_ok($$ select public.apply_as_expert('Name', 'Bio', '{plumbing, no-such-thing}', 'haifa') $$, '22023',
  'unknown category: no-such-thing', 'an unknown category is refused by name');
select throws_ok($$ select public.apply_as_expert('Name', 'Bio', '{plumbing}', 'atlantis') $$, '22023', 'unknown city: atlantis',
  'an unknown city is refused by name');
select throws_ok($$ select public.apply_as_expert('  ', 'Bio', '{plumbing}', 'haifa') $$, '22023', null, 'an empty name is refused');
select throws_ok($$ select public.apply_as_expert('Name', '', '{plumbing}', 'haifa') $$, '22023', null, 'an empty bio is refused');
select throws_ok($$ select public.apply_as_expert('Name', 'Bio', '{}', 'haifa') $$, '22023', null, 'at least one category is needed');
select throws_ok($$ select public.apply_as_expert('Name', 'Write to me at me@mail.example', '{plumbing}', 'haifa') $$, '22023', null,
  'an email address in the bio is refused');
select throws_ok($$ select public.apply_as_expert('Name', 'Bio', '{plumbing}', 'haifa', languages => '{xx}') $$, '22023',
  'unknown language: xx', 'an unknown language is refused');
select throws_ok($$ select public.apply_as_expert('Name', 'Bio', '{plumbing}', 'haifa', hourly_rate => -1) $$, '22023', null,
  'a negative rate is refused');
select is_empty('select * from public.expert_private', 'refused applications created nothing');
select lives_ok($$ select public.apply_as_expert('Dana', 'Certified ISO 9001 27001, projects 2010-2020 2021', '{plumbing}', 'haifa') $$,
  'ordinary numbers are not mistaken for phone numbers');

select public.apply_as_expert('Dana', 'Tiles and floors', '{renovation, plumbing}', 'haifa',
  headline => 'Renovations', languages => '{he, EN}', hourly_rate => 30000) as first_id \gset
select public.apply_as_expert('Dana Cohen', 'Tiles, floors and kitchens', '{renovation}', 'tel-aviv') as second_id \gset
select is(:'second_id'::uuid, :'first_id'::uuid, 'applying again updates the same pending application');
select results_eq(
  format($$ select display_name, city, status::text, array(select category from public.expert_categories c where c.expert_id = e.id)
              from public.experts e where id = %L $$, :'first_id'),
  $$ values ('Dana Cohen', 'tel-aviv', 'pending', array['renovation']) $$,
  'the update replaced the profile and the categories');

reset role;
select tests.decide(:'admin', :'first_id', false, 'Add photos of your work');
select tests.act_as(:'applicant');
select public.apply_as_expert('Dana Cohen', 'Tiles, floors and kitchens; photos on request', '{renovation}', 'tel-aviv');
select is((select status::text from public.experts where id = :'first_id'), 'pending', 'a rejected applicant who applies again is pending review again');

reset role;
select tests.decide(:'admin', :'first_id', true);
select tests.act_as(:'applicant');
select public.apply_as_expert('Dana Cohen', 'Tiles, floors, kitchens', '{renovation}', 'tel-aviv', languages => '{he}');
select results_eq(format('select status::text, bio from public.experts where id = %L', :'first_id'), $$ values ('approved', 'Tiles, floors, kitchens') $$,
  'an approved expert edits the live profile and stays approved');
select results_eq($$ select array['tel-aviv', 'jerusalem', 'haifa', 'beer-sheva', 'eilat'] <@ array_agg(slug) from public.cities $$,
  array[true], 'the cities the product needs exist');

select * from finish();
rollback;
