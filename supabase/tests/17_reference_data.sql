-- Categories, cities and languages are public reference data written by migrations only.
begin;
select plan(6);

select tests.act_as_anon();
select results_eq(
  $$ select count(*)::int from public.categories where slug = any (array['plumbing', 'electrical', 'renovation', 'cleaning',
       'moving', 'gardening', 'tax', 'legal', 'accounting', 'marketing', 'logistics', 'software']) $$,
  array[12], 'every category the product needs exists and anon can read it');
select is_empty($$ select slug from public.categories c where parent_slug is not null
                   and not exists (select 1 from public.categories p where p.slug = c.parent_slug and p.parent_slug is null) $$,
  'the taxonomy has two levels: groups and their categories');
select is_empty($$ select slug from public.cities where name_he = '' or name_en = '' or latitude is null $$,
  'every city has English and Hebrew names and coordinates');
select results_eq($$ select country_code from public.cities order by sort_order limit 1 $$, array['IL'::char(2)], 'Israel''s cities come first');
select throws_ok($$ insert into public.cities (slug, name_en, name_he, country_code, latitude, longitude) values ('x', 'X', 'X', 'IL', 0, 0) $$,
  '42501', null, 'anon cannot add a city');

reset role;
select tests.act_as(gen_random_uuid());
select throws_ok($$ update public.categories set name_en = 'Hacked' $$, '42501', null, 'a user cannot edit the taxonomy');

select * from finish();
rollback;
