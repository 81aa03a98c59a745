-- The fee policy and quote_lead_split: the worked example, the consumer rate, clear refusals, a
-- policy over 100% refused, anyone may quote, only admins publish (audited) and quotes follow the
-- newest policy in force.
begin;
select plan(18);

select tests.create_user('admin@test.local') as admin \gset
select tests.create_user('someone@test.local') as someone \gset
select tests.make_admin(:'admin');

select tests.act_as_anon();
select results_eq($$ select * from public.quote_lead_split('referral', 100000, 20) $$, $$ values (5000::bigint, 20000::bigint, 75000::bigint) $$,
  'the worked example: 1,000.00 with a 20% share → platform 50.00, referrer 200.00, performer 750.00 (anon may quote)');
select results_eq($$ select * from public.quote_lead_split('consumer', 45000) $$, $$ values (4500::bigint, 0::bigint, 40500::bigint) $$,
  'a consumer lead: 10% platform, the rest to the performer');
select results_eq($$ select * from public.quote_lead_split('referral', 10001, 33.33, 'USD') $$, $$ values (500::bigint, 3333::bigint, 6168::bigint) $$,
  'each fee rounds half up and the performer gets the remainder');
select throws_ok($$ select * from public.quote_lead_split('referral', 100000, 95) $$, '22023', 'the referrer share must be between 0 and 90 percent',
  'a 95% share is refused with a reason');
select throws_ok($$ select * from public.quote_lead_split('referral', 100000, -1) $$, '22023', null, 'a negative share is refused');
select throws_ok($$ select * from public.quote_lead_split('consumer', -5) $$, '22023', null, 'a negative amount is refused');
select throws_ok($$ select * from public.quote_lead_split('consumer', 4999) $$, '22023',
  'the amount is under the minimum job amount of 5000 minor units of ILS', 'an amount under the currency''s minimum is refused');
select throws_ok($$ select * from public.quote_lead_split('consumer', 100000, 10) $$, '22023', 'consumer leads have no referrer share',
  'a consumer lead with a share is refused');
select throws_ok($$ select * from public.quote_lead_split('gift', 100000) $$, '22023', null, 'an unknown kind is refused');
select throws_ok($$ select * from public.quote_lead_split('referral', 100000, 12.345) $$, '22023', null,
  'a share finer than a hundredth of a percent is refused, as create_lead refuses it');
select throws_ok($$ select * from public.quote_lead_split('consumer', 100000000001) $$, '22023', null,
  'an amount over the largest budget or price is refused');
reset role;

select throws_ok($$ insert into public.fee_policies (version, consumer_platform_percent, referral_platform_percent, referrer_share_max_percent)
                    values (99, 10, 15, 90) $$, '23514', null, 'the table itself refuses a platform rate plus maximum share over 100%');

select tests.act_as(:'someone');
select throws_ok($$ select public.publish_fee_policy(8, 4, 90, '{"ILS": 5000, "USD": 1500, "EUR": 1500}') $$, '42501', null,
  'a non-admin cannot publish a fee policy');
reset role;
select tests.act_as(:'admin');
select throws_ok($$ select public.publish_fee_policy(8, 15, 90, '{"ILS": 5000, "USD": 1500, "EUR": 1500}') $$, '22023', null,
  'an admin''s policy over 100% is refused with a reason');
select public.publish_fee_policy(8, 4, 80, '{"ILS": 10000, "USD": 3000, "EUR": 3000}') as version \gset
reset role;
select is(:version, 2, 'an admin publishes version 2');
select is((select count(*)::int from audit.admin_actions where action = 'fee_policy.publish' and target_id = :'version'), 1,
  'and the publication is audited');
select tests.act_as_anon();
select results_eq($$ select * from public.quote_lead_split('consumer', 100000) $$, $$ values (8000::bigint, 0::bigint, 92000::bigint) $$,
  'quotes follow the newest policy in force');
select throws_ok($$ select * from public.quote_lead_split('referral', 100000, 85) $$, '22023', 'the referrer share must be between 0 and 80 percent',
  'and its share limit');
reset role;

select * from finish();
rollback;
