-- leads: readable by approved experts (the board), the owner and admins, never anon; the owner's
-- identity is not exposed (is_mine serves the owner); client PII is in no readable column.
begin;
select plan(16);

select tests.create_user('owner@test.local') as owner \gset
select tests.create_user('other@test.local') as other \gset
select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');
select tests.create_expert('expert@test.local') as expert \gset
select tests.create_expert('referrer@test.local') as referrer \gset
select tests.create_user('pending@test.local') as pending \gset
select tests.apply(:'pending', 'Pending Person', '{plumbing}', 'tel-aviv');
select tests.consumer_lead(:'owner') as lead \gset
select tests.referral_lead(:'referrer', 20, 'private') as private_lead \gset
select tests.expert_id(:'referrer') as referrer_expert \gset

select tests.act_as_anon();
select throws_ok('select * from public.leads', '42501', null, 'anon cannot read leads');

reset role;
select tests.act_as(:'owner');
select results_eq(format('select is_mine, client_phone_hint from public.leads where id = %L', :'lead'),
  $$ values (true, '+972-5•-•••-••34') $$, 'the owner sees their lead, marked as theirs, with the stored hint');

reset role;
select tests.act_as(:'other');
select is_empty(format('select * from public.leads where id = %L', :'lead'), 'a customer who is not an expert does not see it');

reset role;
select tests.act_as(:'pending');
select is_empty(format('select * from public.leads where id = %L', :'lead'), 'a pending applicant does not see the board');

reset role;
select tests.act_as(:'expert');
select results_eq(format('select is_mine, client_name_hint, client_phone_hint, client_email_hint from public.leads where id = %L', :'lead'),
  $$ values (false, 'D.', '+972-5•-•••-••34', 'd•••@e•••.com') $$, 'an approved expert sees the board lead with masked hints only');
select is_empty(format('select * from public.leads where id = %L', :'private_lead'), 'but not a private referral lead they were not invited to');
select throws_ok('select owner_id from public.leads', '42703', null, 'the view has no owner column');
reset role;
select tests.consumer_lead(:'owner') as closed_lead \gset
select tests.consumer_lead(:'owner') as proposed_lead \gset
select tests.propose(:'expert', :'proposed_lead');
update private.leads set status = 'cancelled' where id in (:'closed_lead', :'proposed_lead');
select tests.act_as(:'expert');
select is_empty(format('select * from public.leads where id = %L', :'closed_lead'), 'a closed board lead leaves the board');
select results_eq(format('select status::text from public.leads where id = %L', :'proposed_lead'), array['cancelled'],
  'but an expert still sees a closed lead they proposed on');
select throws_ok('select * from private.leads', '42501', null, 'the base table cannot be read around the view''s columns');

reset role;
select tests.act_as(:'referrer');
select results_eq(format('select is_mine, referrer_expert_id from public.leads where id = %L', :'private_lead'),
  format($$ values (true, %L::uuid) $$, :'referrer_expert'), 'the referring expert owns the referral lead and is shown as its referrer');

reset role;
select tests.act_as(:'admin');
select results_eq(format('select count(*)::int from public.leads where id in (%L, %L)', :'lead', :'private_lead'), array[2],
  'an admin sees every lead');

reset role;
select is_empty(
  $$ select column_name from information_schema.columns where table_schema = 'public' and table_name = 'leads'
      and column_name ~ '(owner|client_name$|client_phone$|client_email$|client_address|details)' $$,
  'the view exposes no owner and no contact column, only hints');
select ok(not has_table_privilege('authenticated', 'private.lead_contacts', 'select')
  and not has_table_privilege('anon', 'private.lead_contacts', 'select')
  and not has_table_privilege('service_role', 'private.lead_contacts', 'select'), 'no API role may read the contact details table');
select is_empty($$ select tablename from pg_publication_tables where schemaname in ('public', 'private')
                   and tablename in ('leads', 'lead_contacts', 'contact_access_logs', 'payables', 'proposals') $$,
  'no lead table is in a realtime publication');
select throws_ok(format($$ select tests.consumer_lead(%L, 'plumbing', 'tel-aviv', 'Call me on 052-555-1234') $$, :'owner'), '22023',
  null, 'a phone number in the title is refused');

select * from finish();
rollback;
