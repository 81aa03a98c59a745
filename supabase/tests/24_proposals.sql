-- Proposals: approved experts only, never on their own lead, one live proposal per expert per lead,
-- only on open leads; edit and withdraw their own; the count is kept; visibility per caller.
begin;
select plan(19);

select tests.create_user('owner@test.local') as owner \gset
select tests.create_user('customer@test.local') as customer \gset
select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');
select tests.create_expert('one@test.local') as one \gset
select tests.create_expert('two@test.local') as two \gset
select tests.create_user('pending@test.local') as pending \gset
select tests.apply(:'pending', 'Pending Person', '{plumbing}', 'tel-aviv');
select tests.consumer_lead(:'owner') as lead \gset
select tests.referral_lead(:'one', 20) as referral_lead \gset

select tests.act_as(:'customer');
select throws_ok(format('select public.submit_proposal(%L, 50000, ''hi'')', :'lead'), '42501', null, 'a customer cannot propose');
reset role;
select tests.act_as(:'pending');
select throws_ok(format('select public.submit_proposal(%L, 50000, ''hi'')', :'lead'), '42501', null, 'a pending applicant cannot propose');
reset role;
select tests.act_as(:'one');
select throws_ok(format('select public.submit_proposal(%L, 50000, ''hi'')', :'referral_lead'), '42501', 'you cannot propose on your own lead',
  'an expert cannot propose on their own referral lead');
select throws_ok(format('select public.submit_proposal(%L, 0, ''hi'')', :'lead'), '22023', null, 'a zero price is refused');
select throws_ok(format('select public.submit_proposal(%L, 50000, ''  '')', :'lead'), '22023', null, 'an empty message is refused');
select throws_ok(format('select public.submit_proposal(%L, 50000, ''hi'')', gen_random_uuid()), '22023', 'no such lead', 'an unknown lead is refused');
select public.submit_proposal(:'lead', 50000, 'Tomorrow morning', current_date + 1) as p1 \gset
select throws_ok(format('select public.submit_proposal(%L, 40000, ''again'')', :'lead'), '22023', null,
  'a second live proposal on the same lead is refused');
reset role;

select tests.act_as(:'two');
select public.submit_proposal(:'lead', 52000, 'Next week') as p2 \gset
select results_eq(format('select proposal_count from public.leads where id = %L', :'lead'), array[2], 'the lead counts two live proposals');
select results_eq(format('select id from public.proposals where lead_id = %L', :'lead'), array[:'p2'::uuid],
  'an expert sees only their own proposal');
select throws_ok(format('select public.withdraw_proposal(%L)', :'p1'), '22023', null, 'an expert cannot withdraw someone else''s proposal');
reset role;

select tests.act_as(:'owner');
select set_eq(format('select id from public.proposals where lead_id = %L', :'lead'), array[:'p1'::uuid, :'p2'::uuid],
  'the owner sees every proposal on the lead');
reset role;
select tests.act_as(:'customer');
select is_empty('select * from public.proposals', 'another customer sees none');
reset role;
select tests.act_as_anon();
select throws_ok('select * from public.proposals', '42501', null, 'anon cannot read proposals');
reset role;
select tests.act_as(:'admin');
select results_eq(format('select count(*)::int from public.proposals where lead_id = %L', :'lead'), array[2], 'an admin sees them all');
reset role;

select tests.act_as(:'one');
select lives_ok(format('select public.update_proposal(%L, 48000, ''Tomorrow, cheaper'')', :'p1'), 'an expert edits their proposal');
select results_eq(format('select price_cents, message from public.proposals where id = %L', :'p1'), $$ values (48000::bigint, 'Tomorrow, cheaper') $$,
  'the edit is saved');
select lives_ok(format('select public.withdraw_proposal(%L)', :'p1'), 'and withdraws it');
select results_eq(format('select proposal_count from public.leads where id = %L', :'lead'), array[1], 'the count follows');
select isnt(public.submit_proposal(:'lead', 47000, 'Back again'), null, 'after withdrawing, the expert may propose again');
reset role;

select * from finish();
rollback;
