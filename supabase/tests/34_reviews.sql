-- Ratings: the payer of a completed job rates its performer once; the review is public (anon
-- included) under the payer's name or only first name and city; contact details are refused.
begin;
select plan(9);

select tests.create_user('owner@test.local', 'Noa Levi') as owner \gset
select tests.create_expert('expert@test.local') as expert \gset
select tests.expert_id(:'expert') as expert_id \gset
select tests.paid_job(:'owner', :'expert', 50000) as payable \gset
select lead_id from private.payables where id = :'payable' \gset

select tests.act_as(:'owner');
select throws_ok(format('select public.rate_performer(%L, 5)', :'lead_id'), '22023', 'a job is rated once it is completed',
  'a job that is not completed cannot be rated');
reset role;
select tests.act_as(:'expert');
select public.mark_job_done(:'lead_id');
reset role;
select tests.act_as(:'owner');
select public.confirm_job_done(:'lead_id');
select throws_ok(format('select public.rate_performer(%L, 6)', :'lead_id'), '22023', null, 'stars are 1 to 5');
select throws_ok(format('select public.rate_performer(%L, 5, ''call me 052-555-1234'')', :'lead_id'), '22023', null,
  'a phone number in the review is refused');
reset role;
select tests.act_as(:'expert');
select throws_ok(format('select public.rate_performer(%L, 5)', :'lead_id'), '42501', null, 'the performer cannot rate themselves');
reset role;
select tests.act_as(:'owner');
select isnt(public.rate_performer(:'lead_id', 4, 'Quick and tidy', true), null, 'the payer rates the job');
select throws_ok(format('select public.rate_performer(%L, 1)', :'lead_id'), '22023', 'this job is already rated', 'only once');
reset role;

select tests.act_as_anon();
select results_eq(format('select stars, body, reviewer_name from public.reviews where expert_id = %L', :'expert_id'),
  $$ values (4, 'Quick and tidy', 'Noa, Tel Aviv-Yafo') $$, 'anyone reads it, under the first name and city the payer chose');
select results_eq(format('select review_count, average_stars from public.expert_ratings where expert_id = %L', :'expert_id'),
  $$ values (1, 4.00::numeric) $$, 'and the expert''s rating summary');
select throws_ok('insert into public.reviews (lead_id, expert_id, stars, reviewer_name) values (gen_random_uuid(), gen_random_uuid(), 5, ''x'')',
  '42501', null, 'nobody writes reviews through the table');
reset role;

select * from finish();
rollback;
