-- reveal_lead_contact: the owner, the winner with a live grant and admins get the contact details
-- and each reveal writes one log row; everyone else gets 42501 and writes nothing; cancelling
-- revokes the winner; the log is append-only; owners see who and when, admins everything.
begin;
select plan(17);

select tests.create_user('owner@test.local') as owner \gset
select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');
select tests.create_expert('winner@test.local') as winner \gset
select tests.create_expert('loser@test.local') as loser \gset
select tests.create_expert('bystander@test.local') as bystander \gset
select tests.consumer_lead(:'owner') as lead \gset
select tests.propose(:'winner', :'lead') as winning \gset
select tests.propose(:'loser', :'lead') as losing \gset
select tests.expert_id(:'winner') as winner_expert \gset

create function pg_temp.log_count(lead uuid) returns int language sql as $$
  select count(*)::int from private.contact_access_logs where lead_id = lead
$$;

select tests.act_as(:'winner');
select throws_ok(format('select * from public.reveal_lead_contact(%L)', :'lead'), '42501', null, 'before acceptance even the future winner is refused');
reset role;
select tests.accept(:'owner', :'winning');

select tests.act_as_anon();
select throws_ok(format('select * from public.reveal_lead_contact(%L)', :'lead'), '42501', null, 'anon is refused');
reset role;
select tests.act_as(:'loser');
select throws_ok(format('select * from public.reveal_lead_contact(%L)', :'lead'), '42501', null, 'a proposer who did not win is refused');
reset role;
select tests.act_as(:'bystander');
select throws_ok(format('select * from public.reveal_lead_contact(%L)', :'lead'), '42501', null, 'another expert is refused');
reset role;
select is(pg_temp.log_count(:'lead'), 0, 'refused reveals wrote no log row');

select tests.act_as(:'winner', '{"x-forwarded-for": "198.51.100.4", "user-agent": "WinnerPhone/1.0"}');
select results_eq(format('select client_name, client_phone, client_email, client_address, details from public.reveal_lead_contact(%L)', :'lead'),
  $$ values ('Dana Levi', '+972525551234', 'dana@example.com', 'Herzl 1, Tel Aviv', 'Door code 4321') $$,
  'the winner reveals the client''s contact details');
reset role;
select tests.act_as(:'owner');
select results_eq(format('select client_phone from public.reveal_lead_contact(%L)', :'lead'), array['+972525551234'], 'the owner reveals them');
reset role;
select tests.act_as(:'admin');
select results_eq(format('select client_phone from public.reveal_lead_contact(%L)', :'lead'), array['+972525551234'], 'an admin reveals them');
reset role;
select is(pg_temp.log_count(:'lead'), 3, 'each reveal wrote one log row');
select is((select count(*)::int from audit.admin_actions where action = 'pii.reveal_lead_contact' and target_id = :'lead'), 1,
  'the admin''s reveal is also an audited admin action');

select tests.act_as(:'owner');
select results_eq(format($$ select revealer_role, revealer_expert_id, fields, revealer_user_id, ip, user_agent
                             from public.contact_access_logs where lead_id = %L order by id limit 1 $$, :'lead'),
  format($$ values ('winner', %L::uuid, array['client_name', 'client_phone', 'client_email', 'client_address', 'details'],
                    null::uuid, null::inet, null::text) $$, :'winner_expert'),
  'the owner sees who revealed which fields and when, but not the revealer''s account, IP or user agent');
reset role;
select tests.act_as(:'winner');
select is_empty('select * from public.contact_access_logs', 'the winner does not read the log');
reset role;
select tests.act_as(:'admin');
select results_eq(format('select ip, user_agent, revealer_user_id from public.contact_access_logs where lead_id = %L order by id limit 1', :'lead'),
  format($$ values ('198.51.100.4'::inet, 'WinnerPhone/1.0', %L::uuid) $$, :'winner'), 'an admin sees everything');
select throws_ok(format('delete from public.contact_access_logs where lead_id = %L', :'lead'), '42501', null, 'not even an admin deletes log rows');
reset role;
select throws_ok(format('update private.contact_access_logs set fields = ''{}'' where lead_id = %L', :'lead'), '42501', null,
  'the log is append-only even for the database owner');

select tests.act_as(:'owner');
select public.cancel_lead(:'lead');
reset role;
select tests.act_as(:'winner');
select throws_ok(format('select * from public.reveal_lead_contact(%L)', :'lead'), '42501', null, 'after cancellation the winner is refused');
reset role;
select is(pg_temp.log_count(:'lead'), 3, 'and the refused reveal wrote nothing');

select * from finish();
rollback;
