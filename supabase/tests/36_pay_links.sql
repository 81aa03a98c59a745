-- A referral lead's client pays through a one-time link: only the lead's owner creates it; the
-- experts on the job cannot claim it; the first guest who opens it becomes the payer, follows the
-- job (its public part and timings) and nobody else can use the link.
begin;
select plan(11);

select tests.create_expert('referrer@test.local', 'tel-aviv', '{renovation}') as referrer \gset
select tests.create_expert('performer@test.local', 'tel-aviv', '{renovation}') as performer \gset
select tests.create_user('guest1@test.local') as guest \gset
select tests.create_user('guest2@test.local') as other_guest \gset
select tests.referral_lead(:'referrer', 20) as lead \gset
select tests.accept(:'referrer', tests.propose(:'performer', :'lead', 100000)) as payable \gset

select tests.act_as(:'performer');
select throws_ok(format('select public.create_pay_link(%L)', :'payable'), '42501', null, 'only the lead''s owner creates the link');
reset role;
select tests.act_as(:'referrer');
select public.create_pay_link(:'payable') as token \gset
select throws_ok(format('select public.claim_pay_link(%L)', :'token'), '42501', null, 'the referrer cannot become the payer');
reset role;
select tests.act_as(:'performer');
select throws_ok(format('select public.claim_pay_link(%L)', :'token'), '42501', null, 'nor can the performer');
reset role;
select tests.act_as(:'guest');
select throws_ok($$ select public.claim_pay_link('not-a-token') $$, '42501', null, 'a made-up token is refused');
select is(public.claim_pay_link(:'token'), :'payable'::uuid, 'the client''s guest session claims the link');
select results_eq(format('select title, is_mine from public.leads where id = %L', :'lead'), $$ values ('Bathroom renovation', false) $$,
  'and sees the job''s public part');
select results_eq(format('select is_payer, amount_cents from public.payables where id = %L', :'payable'), $$ values (true, 100000::bigint) $$,
  'and what it owes');
select is(public.claim_pay_link(:'token'), :'payable'::uuid, 'opening the link again in the same session is fine');
reset role;
select tests.act_as(:'other_guest');
select throws_ok(format('select public.claim_pay_link(%L)', :'token'), '42501', null, 'another session cannot use a claimed link');
select is_empty(format('select * from public.leads where id = %L', :'lead'), 'and does not see the job');
reset role;
select tests.act_as(:'referrer');
select throws_ok(format('select public.create_pay_link(%L)', :'payable'), '22023', null, 'a claimed link cannot be replaced');
reset role;

select * from finish();
rollback;
