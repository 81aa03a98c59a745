-- accept_proposal: the lead owner only, once; the other proposals are declined, the lead assigned,
-- the winner granted access, and a payable priced with the policy in force; payables are visible
-- to the payer, the owner, the performer and admins, never with the payer's id.
begin;
select plan(18);

select tests.create_user('owner@test.local') as owner \gset
select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');
select tests.create_expert('winner@test.local') as winner \gset
select tests.create_expert('loser@test.local') as loser \gset
select tests.create_expert('referrer@test.local', 'tel-aviv', '{renovation}') as referrer \gset
select tests.create_expert('performer@test.local', 'tel-aviv', '{renovation}') as performer \gset
select tests.consumer_lead(:'owner') as lead \gset
select tests.propose(:'winner', :'lead', 45000) as winning \gset
select tests.propose(:'loser', :'lead', 47000) as losing \gset
select tests.expert_id(:'winner') as winner_expert \gset

select tests.act_as(:'winner');
select throws_ok(format('select public.accept_proposal(%L)', :'winning'), '42501', null, 'a proposer cannot accept their own proposal');
reset role;
select tests.act_as(:'admin');
select throws_ok(format('select public.accept_proposal(%L)', :'winning'), '42501', null, 'an admin does not accept for the owner');
reset role;
select tests.act_as_anon();
select throws_ok(format('select public.accept_proposal(%L)', :'winning'), '42501', null, 'anon cannot accept');
reset role;

select tests.accept(:'owner', :'winning') as payable \gset
select results_eq(format('select status::text, proposal_count from public.leads where id = %L', :'lead'), $$ values ('assigned', 1) $$,
  'the lead is assigned');
select results_eq(format('select status::text from public.proposals where lead_id = %L order by price_cents', :'lead'),
  array['accepted', 'declined'], 'the winner is accepted and the other proposal declined');
select ok(exists (select 1 from private.contact_access_grants where lead_id = :'lead' and user_id = :'winner' and revoked_at is null),
  'the winner holds a live contact-access grant');
select results_eq(format($$ select payer_kind, amount_cents, currency, fee_policy_version, platform_percent, platform_fee_cents,
                                   referrer_fee_cents, performer_net_cents, performer_expert_id, status::text
                              from private.payables where id = %L $$, :'payable'),
  format($$ values ('lead_owner', 45000::bigint, 'ILS', 1, 10.00::numeric(5,2), 4500::bigint, 0::bigint, 40500::bigint, %L::uuid, 'due') $$,
         :'winner_expert'),
  'the payable: the owner pays 450.00, platform 10%, the performer the rest, priced with policy 1');
select ok((select payer_user_id = :'owner'::uuid from private.payables where id = :'payable'), 'the payer of a consumer lead is its owner');

select tests.act_as(:'owner');
select throws_ok(format('select public.accept_proposal(%L)', :'losing'), '22023', null, 'accepting twice is refused');
select results_eq('select is_payer, amount_cents from public.payables', $$ values (true, 45000::bigint) $$, 'the owner sees the payable as its payer');
reset role;
select tests.act_as(:'winner');
select results_eq('select is_payer, performer_net_cents from public.payables', $$ values (false, 40500::bigint) $$,
  'the performer sees it, without the payer''s identity');
select throws_ok('select payer_user_id from public.payables', '42703', null, 'the view has no payer id column');
reset role;
select tests.act_as(:'loser');
select is_empty('select * from public.payables', 'a proposer who did not win sees no payable');
reset role;
select tests.act_as(:'admin');
select results_eq(format('select count(*)::int from public.payables where id = %L', :'payable'), array[1], 'an admin sees it');
reset role;

-- A referral lead: 5% platform plus the lead's share, snapshotted; the client pays through a link.
select tests.referral_lead(:'referrer', 20) as referral_lead \gset
select tests.propose(:'performer', :'referral_lead', 100000) as referral_proposal \gset
select tests.accept(:'referrer', :'referral_proposal') as referral_payable \gset
select results_eq(format($$ select payer_kind, payer_user_id, platform_fee_cents, referrer_fee_cents, performer_net_cents, referrer_share_percent
                              from private.payables where id = %L $$, :'referral_payable'),
  $$ values ('client', null::uuid, 5000::bigint, 20000::bigint, 75000::bigint, 20.00::numeric(5,2)) $$,
  'a referral payable: platform 50.00, referrer 200.00, performer 750.00, the share snapshotted, the client to pay');

-- Acceptance prices with the policy in force then: a newer policy's higher minimum refuses it.
select tests.consumer_lead(:'owner') as small_lead \gset
select tests.propose(:'winner', :'small_lead', 6000) as small \gset
select tests.act_as(:'admin');
select public.publish_fee_policy(10, 5, 90, '{"ILS": 10000, "USD": 3000, "EUR": 3000}');
reset role;
select tests.act_as(:'owner');
select throws_ok(format('select public.accept_proposal(%L)', :'small'), '22023', null, 'a final amount under the minimum in force is refused');
reset role;
select results_eq(format('select status::text from public.leads where id = %L', :'small_lead'), array['open'], 'and the lead stays open');
select tests.act_as(:'loser');
select throws_ok(format('select public.submit_proposal(%L, 9999, ''cheap'')', :'small_lead'), '22023', null,
  'a new proposal under the minimum is refused up front');
reset role;

select * from finish();
rollback;
