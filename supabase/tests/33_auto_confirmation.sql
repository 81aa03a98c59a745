-- A job marked done confirms itself after the configured days on the money clock; an admin can
-- release a hold early (audited).
begin;
select plan(7);

select tests.create_user('owner@test.local') as owner \gset
select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');
select tests.create_expert('expert@test.local') as expert \gset
select tests.expert_id(:'expert') as expert_id \gset
-- Only this test's jobs count: others in a shared database (demo data, earlier runs) are set aside.
update private.leads set status = 'completed' where status = 'done';
update private.payables set released_at = coalesce(released_at, now()) where status = 'completed';
select tests.paid_job(:'owner', :'expert', 50000) as payable \gset
select lead_id from private.payables where id = :'payable' \gset
select tests.act_as(:'expert');
select public.mark_job_done(:'lead_id');
reset role;

select is(private.auto_confirm_jobs(), 0, 'a job just marked done is not confirmed yet');
select tests.advance_clock('7 days 1 minute');
select is(private.auto_confirm_jobs(), 1, 'after seven days it confirms itself');
select is((select status::text from private.leads where id = :'lead_id'), 'completed', 'the lead is completed');
select is(tests.balance('expert_pending', 'ILS', :'expert_id'), 45000::bigint, 'and the share waits out the hold');

select tests.act_as(:'expert');
select throws_ok(format('select public.release_hold_early(%L)', :'payable'), '42501', null, 'only an admin releases early');
reset role;
select tests.act_as(:'admin');
select public.release_hold_early(:'payable');
reset role;
select is(tests.balance('expert_available', 'ILS', :'expert_id'), 45000::bigint, 'an admin released it early');
select is((select count(*)::int from audit.admin_actions where action = 'payable.release_hold_early' and target_id = :'payable'), 1, 'audited');

select * from finish();
rollback;
