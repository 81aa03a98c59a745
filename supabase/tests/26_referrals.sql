-- Referrals: only the owner of a referral lead invites, never themselves and only approved experts;
-- the invited expert sees the lead, accepts or declines, and only after accepting may propose on a
-- private lead; the two experts involved see the referral, nobody else.
begin;
select plan(22);

select tests.create_expert('referrer@test.local', 'tel-aviv', '{renovation}') as referrer \gset
select tests.create_expert('invitee@test.local', 'tel-aviv', '{renovation}') as invitee \gset
select tests.create_expert('other@test.local', 'tel-aviv', '{renovation}') as other \gset
select tests.create_user('customer@test.local') as customer \gset
select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');
select tests.referral_lead(:'referrer', 30, 'private') as lead \gset
select tests.consumer_lead(:'customer', 'renovation') as consumer_lead \gset
select tests.expert_id(:'invitee') as invitee_expert \gset
select tests.expert_id(:'referrer') as referrer_expert \gset
select tests.expert_id(:'other') as other_expert \gset

select tests.act_as(:'other');
select throws_ok(format('select public.refer_lead(%L, %L)', :'lead', :'other_expert'), '42501', 'only the lead''s owner refers it',
  'an expert who does not own the lead cannot invite');
reset role;
select tests.act_as(:'customer');
select throws_ok(format('select public.refer_lead(%L, %L)', :'consumer_lead', :'invitee_expert'), '22023', null,
  'a consumer lead cannot be referred');
reset role;

select tests.act_as(:'other');
select throws_ok(format('select public.set_referrer_share(%L, 40)', :'lead'), '42501', null, 'only the owner sets the share');
reset role;
select tests.act_as(:'referrer');
select is(public.set_referrer_share(:'lead', 30), 30::numeric, 'before any proposal the owner may change the share');
select throws_ok(format('select public.set_referrer_share(%L, 95)', :'lead'), '22023', null, 'within the policy''s limit');
select throws_ok(format('select public.refer_lead(%L, %L)', :'lead', :'referrer_expert'), '22023', 'you cannot refer a lead to yourself',
  'the owner cannot invite themselves');
select throws_ok(format('select public.refer_lead(%L, %L)', :'lead', gen_random_uuid()), '22023', 'no such approved expert',
  'an unknown expert cannot be invited');
select public.refer_lead(:'lead', :'invitee_expert') as referral \gset
select throws_ok(format('select public.refer_lead(%L, %L)', :'lead', :'invitee_expert'), '22023', null, 'inviting the same expert twice is refused');
select results_eq(format('select referrer_share_percent from public.referrals where id = %L', :'referral'), array[30.00::numeric(5,2)],
  'the referral snapshots the lead''s share');
reset role;

select tests.act_as(:'other');
select is_empty(format('select * from public.leads where id = %L', :'lead'), 'an expert who was not invited does not see the private lead');
select is_empty('select * from public.referrals', 'nor the referral');
select throws_ok(format('select public.respond_to_referral(%L, true)', :'referral'), '42501', null, 'nor can they answer it');
reset role;

select tests.act_as(:'invitee');
select results_eq(format('select title from public.leads where id = %L', :'lead'), array['Bathroom renovation'], 'the invited expert sees the lead');
select throws_ok(format('select public.submit_proposal(%L, 900000, ''I can'')', :'lead'), '22023', 'no such lead',
  'but cannot propose before accepting the invitation');
select is(public.respond_to_referral(:'referral', true), 'accepted'::public.referral_status, 'the invited expert accepts');
select throws_ok(format('select public.respond_to_referral(%L, false)', :'referral'), '22023', null, 'and cannot answer twice');
select isnt(public.submit_proposal(:'lead', 900000, 'Two weeks, all included'), null, 'after accepting they propose on the private lead');
reset role;

select tests.act_as(:'referrer');
select results_eq(format('select status::text from public.referrals where id = %L', :'referral'), array['accepted'],
  'the referring expert sees the answer');
select results_eq(format('select share_locked from public.leads where id = %L', :'lead'), array[true],
  'the first proposal froze the share');
select throws_ok(format('select public.set_referrer_share(%L, 10)', :'lead'), '22023', 'the referrer share is frozen once the first proposal arrives',
  'and it can no longer change');
reset role;
select tests.act_as(:'admin');
select results_eq(format('select count(*)::int from public.referrals where id = %L', :'referral'), array[1], 'an admin sees the referral');
reset role;

-- An invitation to a lead that closed meanwhile cannot be accepted.
select tests.act_as(:'referrer');
select public.refer_lead(:'lead', :'other_expert') as late_referral \gset
select public.cancel_lead(:'lead');
reset role;
select tests.act_as(:'other');
select throws_ok(format('select public.respond_to_referral(%L, true)', :'late_referral'), '22023', 'the lead is no longer open',
  'an invitation to a cancelled lead cannot be accepted');
reset role;

select * from finish();
rollback;
