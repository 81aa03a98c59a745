-- decide_expert_application: admins only; anyone else gets 42501 and nothing changes.
begin;
select plan(13);

select tests.create_user('applicant@test.local') as applicant \gset
select tests.create_user('other@test.local') as other \gset
select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');
select tests.apply(:'applicant', 'Applicant', '{tax}', 'jerusalem') as expert \gset
select tests.apply(:'other', 'Other Applicant', '{legal}', 'haifa') as other_expert \gset

select tests.act_as_anon();
select throws_ok(format('select public.decide_expert_application(%L, true)', :'expert'), '42501', null, 'anon cannot decide');

reset role;
select tests.act_as(:'other');
select throws_ok(format('select public.decide_expert_application(%L, true)', :'expert'), '42501', null, 'another user cannot decide');

reset role;
select tests.act_as(:'applicant');
select throws_ok(format('select public.decide_expert_application(%L, true)', :'expert'), '42501', null, 'the applicant cannot approve themselves');

reset role;
set local role service_role;
select throws_ok(format('select public.decide_expert_application(%L, true)', :'expert'), '42501', null, 'the secret key alone is not an admin');

reset role;
select is((select status::text from public.experts where id = :'expert'), 'pending', 'refused decisions changed nothing');
select is((select count(*)::int from public.user_roles where user_id = :'applicant' and role = 'expert'), 0, 'and granted no role');

select is(tests.decide(:'admin', :'expert', true, 'Welcome'), 'approved'::public.expert_status, 'an admin approves');
select is((select status::text from public.experts where id = :'expert'), 'approved', 'the application is approved');
select ok(exists (select 1 from public.user_roles where user_id = :'applicant' and role = 'expert'), 'approval makes the applicant an expert');
select is((select decision_note from public.expert_private where expert_id = :'expert'), 'Welcome', 'the note is kept for the expert');

select is(tests.decide(:'admin', :'other_expert', false, 'Add your licence number'), 'rejected'::public.expert_status, 'an admin rejects with a note');
select ok(not exists (select 1 from public.user_roles where user_id = :'other' and role = 'expert'), 'a rejected applicant is not an expert');

select tests.act_as(:'admin');
select throws_ok(format('select public.decide_expert_application(%L, false)', :'expert'), '22023', null,
  'a decided application cannot be decided again');

select * from finish();
rollback;
