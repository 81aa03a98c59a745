-- Property: for random jobs (consumer and referral, random amounts and shares) whose Stripe events
-- arrive repeated and shuffled, then complete by confirmation or auto-confirmation with the clock
-- moved at random, every ledger transaction balances, the ledger sums to zero per currency, and
-- every balance is what in-order delivery gives: each party's share exactly once, in the bucket
-- the job's progress says. Deterministic: the random generator is seeded.
begin;
select plan(6);
select setseed(0.4242);

create temp table jobs (payable_id uuid, payment_id uuid, lead_id uuid, owner uuid, performer uuid, referrer uuid, stage text, fee bigint);
create temp table deliveries (n serial, event jsonb, fee bigint);

-- 12 jobs: half consumer, half referral, amounts between 50.00 and 5,000.00, shares 0–90%.
do $$
declare
  i integer;
  owner uuid; performer uuid; referrer uuid; lead uuid; payable uuid; payment uuid; amount bigint; share numeric;
begin
  for i in 1..12 loop
    performer := tests.create_expert(format('performer%s@prop.local', i), 'tel-aviv', '{plumbing,renovation}');
    amount := 5000 + floor(random() * 495000)::bigint;
    if i % 2 = 0 then
      owner := tests.create_user(format('owner%s@prop.local', i));
      referrer := null;
      lead := tests.consumer_lead(owner);
    else
      referrer := tests.create_expert(format('referrer%s@prop.local', i), 'tel-aviv', '{renovation}');
      owner := referrer;
      share := floor(random() * 91);
      lead := tests.referral_lead(referrer, share);
    end if;
    payable := tests.accept(owner, tests.propose(performer, lead, amount));
    if referrer is not null then
      -- The client claims the pay link in a guest session of their own.
      perform tests.act_as(referrer);
      perform set_config('guildhall.token', public.create_pay_link(payable), true);
      perform set_config('role', 'postgres', true);
      perform tests.act_as(tests.create_user(format('client%s@prop.local', i)));
      perform public.claim_pay_link(current_setting('guildhall.token'));
      perform set_config('role', 'postgres', true);
    end if;
    perform tests.act_as((select payer_user_id from private.payables where id = payable));
    select p.payment_id into payment from public.prepare_payment(payable) p;
    perform set_config('role', 'postgres', true);
    insert into jobs values (payable, payment, lead, owner, performer, referrer,
                             (array['paid', 'done', 'confirmed', 'auto', 'released'])[1 + floor(random() * 5)::int],
                             30 + floor(amount * 0.029)::bigint);
  end loop;
end
$$;

-- Each job's events: the completed checkout (with our metadata) and the intent's success (without,
-- so it may have to wait), each delivered one to three times, all shuffled together.
insert into deliveries (event, fee)
select e.event, e.fee from jobs j,
  lateral (values
    (tests.stripe_event('evt_cs_' || j.payment_id, 'checkout.session.completed',
       jsonb_build_object('id', 'cs_' || j.payment_id, 'payment_status', 'paid', 'currency', 'ils', 'payment_intent', 'pi_' || j.payment_id,
                          'amount_total', (select amount_cents from private.payables where id = j.payable_id),
                          'metadata', jsonb_build_object('payment_id', j.payment_id))), null::bigint),
    (tests.stripe_event('evt_pi_' || j.payment_id, 'payment_intent.succeeded',
       jsonb_build_object('id', 'pi_' || j.payment_id, 'currency', 'ils',
                          'amount_received', (select amount_cents from private.payables where id = j.payable_id))), j.fee)) e(event, fee),
  lateral generate_series(1, 1 + floor(random() * 3)::int)
order by random();

select is((select count(*)::int from deliveries d where tests.deliver(d.event, d.fee) is null), 0, 'every delivery got an outcome');

-- Progress each job as far as its stage says; the clock moves between steps.
do $$
declare
  j record;
begin
  for j in select * from jobs order by random() loop
    if j.stage <> 'paid' then
      perform tests.act_as(j.performer);
      perform public.mark_job_done(j.lead_id);
      perform set_config('role', 'postgres', true);
    end if;
    if j.stage in ('confirmed', 'released') then
      perform tests.act_as((select payer_user_id from private.payables where id = j.payable_id));
      perform public.confirm_job_done(j.lead_id);
      perform set_config('role', 'postgres', true);
    end if;
    perform tests.advance_clock(make_interval(hours => floor(random() * 12)::int));
  end loop;
end
$$;
-- 'auto' jobs confirm themselves after a week; 'released' ones also wait out the hold; the rest
-- were marked done under a week ago or confirmed less than a hold ago, so they stay where they are.
update private.payables set done_at = private.clock() - interval '8 days' where id in (select payable_id from jobs where stage = 'auto');
select private.auto_confirm_jobs();
update private.payables set hold_until = private.clock() - interval '1 minute' where id in (select payable_id from jobs where stage = 'released');
select private.release_holds();

select is_empty($$ select transaction_id from private.ledger_entries group by transaction_id, currency having sum(amount_cents) <> 0 $$,
  'every ledger transaction balances');
select is_empty($$ select currency from private.ledger_entries group by currency having sum(amount_cents) <> 0 $$,
  'the whole ledger sums to zero in each currency');

-- What in-order delivery gives: each party's share once, in the bucket of the job's stage.
create temp view expected as
select x.expert_id, x.bucket, sum(x.amount)::bigint as amount from (
  select p.performer_expert_id as expert_id, p.performer_net_cents as amount,
         case j.stage when 'paid' then 'escrow' when 'done' then 'escrow' when 'released' then 'available' else 'pending' end as bucket
    from jobs j join private.payables p on p.id = j.payable_id
  union all
  select p.referrer_expert_id, p.referrer_fee_cents,
         case j.stage when 'paid' then 'escrow' when 'done' then 'escrow' when 'released' then 'available' else 'pending' end
    from jobs j join private.payables p on p.id = j.payable_id where p.referrer_expert_id is not null) x
 where x.amount > 0
 group by x.expert_id, x.bucket;

select set_eq(
  $$ select a.expert_id, replace(a.purpose::text, 'expert_', ''), -sum(e.amount_cents)::bigint
       from private.ledger_entries e join private.ledger_accounts a on a.id = e.account_id
      where a.expert_id in (select tests.expert_id(performer) from jobs union select tests.expert_id(referrer) from jobs)
      group by a.expert_id, a.purpose having sum(e.amount_cents) <> 0 $$,
  $$ select expert_id, bucket, amount from expected $$,
  'every expert''s balances are what in-order delivery gives, each share counted once');
select is((select sum(processor_fee_cents) from private.payments where id in (select payment_id from jobs))::bigint,
          (select sum(fee) from jobs)::bigint, 'each payment''s processing fee is recorded once');
select is((select count(*)::int from private.payables where id in (select payable_id from jobs) and paid_at is null), 0,
  'every job was paid exactly once, whatever the order of its events');

select * from finish();
rollback;
