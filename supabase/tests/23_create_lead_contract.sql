-- create_lead: the caller owns the lead; bad input gets 22023 with a reason and creates nothing;
-- referral leads need an approved expert; guests (anonymous sessions) post consumer leads.
begin;
select plan(17);

select tests.create_user('customer@test.local') as customer \gset
select tests.create_expert('expert@test.local') as expert \gset
-- A guest: Supabase Auth's anonymous sign-in is an auth user with is_anonymous.
select tests.create_user('') as guest \gset
update auth.users set email = null, is_anonymous = true where id = :'guest';

create function pg_temp.lead(kind text default 'consumer', title text default 'Paint two rooms', summary text default 'Two bedrooms, white',
  category text default 'renovation', city text default 'haifa', phone text default '054-123-4567', email text default 'c@client.example',
  share numeric default 0, visibility text default 'board', name text default 'Rina') returns uuid
language sql as $$
  select public.create_lead(kind, title, summary, 'private notes', category, city, 80000, 'ILS', name, phone, email, 'Somewhere 5',
                            referrer_share_percent => share, visibility => visibility)
$$;
grant execute on function pg_temp.lead to authenticated;

select tests.act_as_anon();
select throws_ok('select public.create_lead(''consumer'', ''Paint'', ''x'', null, ''renovation'', ''haifa'', 1, ''ILS'', ''A'', ''0541234567'', null, null)',
  '42501', null, 'anon (without even a guest session) cannot post');
reset role;

select tests.act_as(:'customer');
select throws_ok($$ select pg_temp.lead(category => 'astrology') $$, '22023', 'unknown category: astrology', 'an unknown category is refused');
select throws_ok($$ select pg_temp.lead(city => 'atlantis') $$, '22023', 'unknown city: atlantis', 'an unknown city is refused');
select throws_ok($$ select pg_temp.lead(title => '  ') $$, '22023', 'the title must be 3 to 120 characters', 'an empty title is refused');
select throws_ok($$ select pg_temp.lead(summary => 'call 052-555-1234 now') $$, '22023', null, 'a phone number in the summary is refused');
select throws_ok($$ select pg_temp.lead(summary => 'mail me: me@mail.example') $$, '22023', null, 'an email address in the summary is refused');
select throws_ok($$ select pg_temp.lead(phone => '12') $$, '22023', 'the client''s phone must be a valid phone number', 'an invalid phone is refused');
select throws_ok($$ select pg_temp.lead(email => 'not-an-email') $$, '22023', 'the client''s email must be a valid email address',
  'an invalid email is refused');
select throws_ok($$ select pg_temp.lead(name => '') $$, '22023', null, 'the client''s name is required');
select throws_ok($$ select pg_temp.lead(share => 10) $$, '22023', null, 'a consumer lead with a share is refused');
select throws_ok($$ select pg_temp.lead(kind => 'referral', share => 10) $$, '42501', null, 'a customer cannot post a referral lead');
select is_empty('select * from public.leads where is_mine', 'refused requests created nothing');
select isnt(pg_temp.lead(), null, 'a valid request creates a lead');
select results_eq('select is_mine, status::text, client_phone_hint from public.leads where is_mine', $$ values (true, 'open', '+972-5•-•••-••67') $$,
  'owned by the caller, open, with the phone''s hint');
reset role;

select tests.act_as(:'expert');
select throws_ok($$ select pg_temp.lead(kind => 'referral', share => 95) $$, '22023', 'the referrer share must be between 0 and 90 percent',
  'a 95% share is refused');
select isnt(pg_temp.lead(kind => 'referral', share => 25, visibility => 'private'), null, 'an approved expert posts a private referral lead');
reset role;

select tests.act_as(:'guest');
select isnt(pg_temp.lead(), null, 'a guest posts a consumer lead');
reset role;

select * from finish();
rollback;
