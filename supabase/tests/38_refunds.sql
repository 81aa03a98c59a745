-- Refunds: the owner cancels a paid job (full refund, access revoked), an admin refunds part of a
-- job outside a dispute (audited, pro rata), and the split of any sequence of refunds adds up
-- exactly. Who may see and push refunds.
begin;
select plan(27);

select tests.create_user('owner@test.local') as owner \gset
select tests.create_user('stranger@test.local') as stranger \gset
select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');
select tests.create_expert('expert@test.local') as expert \gset
select tests.expert_id(:'expert') as expert_id \gset

-- The platform's escrow is shared with whatever else the database holds: compare with where it starts.
select tests.balance('platform_escrow', 'ILS') as platform_escrow_before \gset

/** Cancel after payment */
select tests.paid_job(:'owner', :'expert', 100000) as payable \gset
select lead_id from private.payables where id = :'payable' \gset
select is(tests.balance('expert_escrow', 'ILS', :'expert_id'), 90000::bigint, 'paid: the expert''s 90% is in escrow');

select tests.act_as(:'stranger');
select throws_ok(format('select public.cancel_lead(%L)', :'lead_id'), '42501', null, 'only the owner cancels');
reset role;
select tests.act_as(:'owner');
select is(public.cancel_lead(:'lead_id')::text, 'cancelled', 'the owner cancels the paid job');
reset role;
select is((select status::text from private.payables where id = :'payable'), 'refunded', 'the payable is refunded');
select is((select status::text from private.leads where id = :'lead_id'), 'cancelled', 'the lead is cancelled');
select is((select count(*)::int from private.contact_access_grants where lead_id = :'lead_id' and revoked_at is null), 0,
  'the expert''s access to the client''s contact is revoked');
select tests.act_as(:'expert');
select throws_ok(format('select * from public.reveal_lead_contact(%L)', :'lead_id'), '42501', null, 'and a reveal is refused');
reset role;
select is(tests.balance('expert_escrow', 'ILS', :'expert_id'), 0::bigint, 'the escrow went back');
select is(tests.balance('platform_escrow', 'ILS'), :platform_escrow_before::bigint, 'so did the commission');
select results_eq(
  format($$ select amount_cents, reason, status from public.refunds where payable_id = %L $$, :'payable'),
  $$ values (100000::bigint, 'lead_cancelled', 'pending') $$,
  'one full refund, waiting to be sent to Stripe');
select tests.act_as(:'owner');
select is((select count(*)::int from public.refunds where payable_id = :'payable'), 1, 'the payer sees the refund');
reset role;
select tests.act_as(:'stranger');
select is((select count(*)::int from public.refunds), 0, 'a stranger sees none');
select throws_ok(format('select * from public.refunds_to_submit(%L)', :'payable'), '42501', null, 'nor can push them');
reset role;
select tests.act_as(:'owner');
select is((select count(*)::int from public.refunds_to_submit(:'payable')), 1, 'a party can push the job''s refunds to Stripe');
select throws_ok(format('select public.record_refund_sent(%L, %L)', (select id from private.refunds where payable_id = :'payable'), 're_x'),
  '42501', null, 'but only the secret key records Stripe''s answer');
reset role;

/** Done jobs are not cancelled: that is what disputes are for */
select tests.paid_job(:'owner', :'expert', 50000) as done_payable \gset
select lead_id as done_lead from private.payables where id = :'done_payable' \gset
select tests.act_as(:'expert');
select public.mark_job_done(:'done_lead');
reset role;
select tests.act_as(:'owner');
select throws_ok(format('select public.cancel_lead(%L)', :'done_lead'), '22023', null, 'a job marked done cannot be cancelled');
reset role;

/** An admin's refund outside a dispute, in two parts */
select tests.act_as(:'owner');
select throws_ok(format('select public.refund_payable(%L, 1000, %L)', :'done_payable', 'x'), '42501', null, 'only admins refund');
reset role;
select tests.act_as(:'admin');
select throws_ok(format('select public.refund_payable(%L, 50001, %L)', :'done_payable', 'too much'), '22023', null,
  'never more than what is left');
select throws_ok(format('select public.refund_payable(%L, 1000, %L)', :'done_payable', ' '), '22023', null, 'a note is required');
select lives_ok(format('select public.refund_payable(%L, 15001, %L)', :'done_payable', 'arrived late'), 'an admin refunds part');
reset role;
-- 15,001 of 50,000: commission round(5,000 × 0.30002) = 1,500, the expert the remaining 13,501.
select is(tests.balance('expert_escrow', 'ILS', :'expert_id'), 45000::bigint - 13501, 'the expert''s part comes out of escrow');
select is((select reversed_platform_cents from private.payables where id = :'done_payable'), 1500::bigint, 'the commission''s part, rounded');
select is((select count(*)::int from audit.admin_actions where action = 'payable.refund' and target_id = :'done_payable'), 1, 'audited');
select tests.act_as(:'admin');
select lives_ok(format('select public.refund_payable(%L, 34999, %L)', :'done_payable', 'the rest'), 'and then the rest');
reset role;
select is((select (reversed_platform_cents, reversed_referrer_cents, reversed_performer_cents)::text from private.payables where id = :'done_payable'),
  '(5000,0,45000)', 'two refunds reverse exactly the whole split');
select is(tests.balance('expert_escrow', 'ILS', :'expert_id'), 0::bigint, 'nothing left in escrow');

/** The split of any sequence of refunds, for many amounts and shares */
create temp table split_failures (case_no int, detail text);
do $$
declare
  p private.payables;
  x record;
  i integer;
  left_cents bigint;
  part bigint;
begin
  perform setseed(0.38);
  for i in 1..500 loop
    p := jsonb_populate_record(null::private.payables, jsonb_build_object('amount_cents', 1 + floor(random() * 500000)::bigint));
    p.platform_fee_cents := round(p.amount_cents * (0.05 + floor(random() * 3) * 0.025));
    p.referrer_fee_cents := round((p.amount_cents - p.platform_fee_cents) * floor(random() * 91) / 100.0);
    -- Tiny jobs, where rounding two fees up can exceed the total, come up often.
    if i % 5 = 0 then
      p.amount_cents := 1 + floor(random() * 6)::bigint;
      p.platform_fee_cents := floor(random() * (p.amount_cents + 1))::bigint;
      p.referrer_fee_cents := floor(random() * (p.amount_cents - p.platform_fee_cents + 1))::bigint;
    end if;
    p.performer_net_cents := p.amount_cents - p.platform_fee_cents - p.referrer_fee_cents;
    p.reversed_cents := 0; p.reversed_platform_cents := 0; p.reversed_referrer_cents := 0; p.reversed_performer_cents := 0;
    while p.reversed_cents < p.amount_cents loop
      left_cents := p.amount_cents - p.reversed_cents;
      part := case when random() < 0.3 then left_cents else 1 + floor(random() * left_cents)::bigint end;
      select * into x from private.reversal_split(p, part);
      if x.platform_cents + x.referrer_cents + x.performer_cents <> part then
        insert into split_failures values (i, format('parts of %s add up to %s', part, x.platform_cents + x.referrer_cents + x.performer_cents));
      end if;
      p.reversed_cents := p.reversed_cents + part;
      p.reversed_platform_cents := p.reversed_platform_cents + x.platform_cents;
      p.reversed_referrer_cents := p.reversed_referrer_cents + x.referrer_cents;
      p.reversed_performer_cents := p.reversed_performer_cents + x.performer_cents;
      if p.reversed_platform_cents not between 0 and p.platform_fee_cents or p.reversed_referrer_cents not between 0 and p.referrer_fee_cents
         or p.reversed_performer_cents not between 0 and p.performer_net_cents then
        insert into split_failures values (i, format('cumulative out of its share: %s', p));
      end if;
    end loop;
    if (p.reversed_platform_cents, p.reversed_referrer_cents, p.reversed_performer_cents)
       <> (p.platform_fee_cents, p.referrer_fee_cents, p.performer_net_cents) then
      insert into split_failures values (i, format('full refund does not reverse the split: %s', p));
    end if;
  end loop;
end
$$;
select is_empty('select case_no, detail from split_failures',
  'for 500 amounts and splits, each refund''s parts add up to it, stay within each share, and a full refund reverses the split exactly');

select * from finish();
rollback;
