-- Every admin action leaves exactly one append-only audit row, in the same transaction: who, what,
-- on which row, when, from which IP. A refused attempt leaves none.
begin;
select plan(12);

select tests.create_user('applicant@test.local') as applicant \gset
select tests.create_user('second@test.local') as second \gset
select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');
select tests.apply(:'applicant', 'Applicant', '{tax}', 'jerusalem') as expert \gset
select tests.apply(:'second', 'Second Applicant', '{tax}', 'jerusalem') as second_expert \gset
select coalesce(max(id), 0) as before from audit.admin_actions \gset

select tests.act_as(:'admin', '{"x-forwarded-for": "203.0.113.7, 10.0.0.1", "user-agent": "pgTAP"}');
select public.decide_expert_application(:'expert', true, 'ok');
reset role;
select results_eq(
  format('select actor_id, action, target_table, target_id, ip, user_agent from audit.admin_actions where id > %s', :'before'),
  format($$ values (%L::uuid, 'expert_application.approve', 'public.experts', %L, '203.0.113.7'::inet, 'pgTAP') $$, :'admin', :'expert'),
  'an approval leaves one row: the admin, the action, the row, the client IP');
select ok((select created_at = now() from audit.admin_actions where id > :before), 'written in the same transaction as the decision');

select tests.act_as(:'admin');
select public.decide_expert_application(:'second_expert', false, 'needs work');
select public.grant_admin(:'applicant');
select public.revoke_admin(:'applicant');
reset role;
select results_eq(format('select action from audit.admin_actions where id > %s order by id', :'before'),
  array['expert_application.approve', 'expert_application.reject', 'role.grant_admin', 'role.revoke_admin'],
  'a rejection, an admin grant and a revocation each leave one row');
select is((select details ->> 'note' from audit.admin_actions where id > :before and action = 'expert_application.reject'), 'needs work',
  'the rejection note is recorded');

select tests.act_as(:'second');
select throws_ok(format('select public.grant_admin(%L)', :'second'), '42501', null, 'a non-admin cannot grant admin');
select throws_ok(format('select public.revoke_admin(%L)', :'admin'), '42501', null, 'a non-admin cannot revoke admin');
select throws_ok('select * from public.admin_audit_log()', '42501', null, 'a non-admin cannot read the audit log');
reset role;
select is((select count(*)::int from audit.admin_actions where id > :before), 4, 'refused attempts left no audit row');

-- Leave one admin (the seed's demo admin goes, inside this rolled-back transaction).
delete from public.user_roles where role = 'admin' and user_id <> :'admin';
select tests.act_as(:'admin');
select ok((select count(*) >= 4 from public.admin_audit_log(10)), 'an admin reads the audit log through its RPC');
select throws_ok(format('select public.revoke_admin(%L)', :'admin'), '22023', null, 'the last admin cannot be revoked');
reset role;

select throws_ok(format('update audit.admin_actions set action = ''role.nothing'' where id > %s', :'before'), '42501', null,
  'audit rows cannot be changed, even by the database owner');
select throws_ok(format('delete from audit.admin_actions where id > %s', :'before'), '42501', null,
  'audit rows cannot be deleted, even by the database owner');

select * from finish();
rollback;
