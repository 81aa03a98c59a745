-- Property: over random histories of earnings, reversals (chargebacks after payouts among them),
-- payout batches and every outcome of executing them (transferred, refused, paid, bank payout
-- failed, transfer reversed in part or in full, events repeated), every ledger transaction
-- balances, no available balance goes negative, each batch pays an expert at most their
-- available balance, and for every expert paid out + in flight + available − carried = earned.
-- Deterministic: the random generator is seeded.
begin;
select plan(6);
select setseed(0.4343);

create temp table experts_under_test (n integer, expert_id uuid, ready boolean);
create temp table earned (expert_id uuid, cents bigint);
create temp table batch_checks (batch_id uuid, expert_id uuid, took bigint, available_before bigint);

do $$
declare
  i integer;
  u uuid;
  e uuid;
begin
  for i in 1..10 loop
    u := tests.create_expert(format('payee%s@prop.local', i));
    e := tests.expert_id(u); -- a statement of its own: the helper is stable and would not see the new row
    insert into experts_under_test values (i, e, i <= 8);
    if i <= 8 then
      insert into private.payout_accounts (expert_id, stripe_account_id, payouts_enabled, transfers_active)
      values (e, 'acct_prop_' || i, true, true);
    end if;
  end loop;
end
$$;

-- Six rounds: earnings and reversals, a day passes, a batch, and random outcomes for its payouts
-- and for earlier ones.
do $$
declare
  round integer;
  x record;
  po record;
  cents bigint;
  batch uuid;
  k integer := 0;
  roll double precision;
begin
  for round in 1..6 loop
    for x in select * from experts_under_test loop
      -- Earnings released to available (what hold release does).
      if random() < 0.7 then
        cents := 1000 + floor(random() * 90000)::bigint;
        k := k + 1;
        perform private.post_ledger_transaction('hold_release', 'prop_earn:' || k, 'ILS', jsonb_build_array(
          jsonb_build_object('account', private.ledger_account('expert_available', 'ILS', x.expert_id), 'amount_cents', -cents),
          jsonb_build_object('account', private.ledger_account('stripe_clearing', 'ILS'), 'amount_cents', cents)));
        insert into earned values (x.expert_id, cents);
      end if;
      -- A lost chargeback on released money: from available, past it into the carry.
      if random() < 0.25 then
        cents := 500 + floor(random() * 60000)::bigint;
        k := k + 1;
        perform private.post_ledger_transaction('chargeback', 'prop_cb:' || k, 'ILS',
          jsonb_build_array(jsonb_build_object('account', private.ledger_account('chargebacks_held', 'ILS'), 'amount_cents', -cents))
          || private.expert_reversal_entries(x.expert_id, cents, 'available', 'ILS'));
        insert into earned values (x.expert_id, -cents);
      end if;
    end loop;
    perform tests.advance_clock('1 day');
    insert into batch_checks
    select null, a.expert_id, null, -private.account_balance(a.id)
      from private.ledger_accounts a where a.purpose = 'expert_available' and a.currency = 'ILS'
       and a.expert_id in (select expert_id from experts_under_test);
    batch := private.build_payout_batch(((private.clock() at time zone 'UTC')::date - 1), null);
    update batch_checks c set batch_id = batch,
           took = coalesce((select p.available_cents from private.payouts p where p.batch_id = batch and p.expert_id = c.expert_id), 0)
     where c.batch_id is null;

    -- Outcomes, for this batch's payouts and any still open from earlier ones.
    for po in select * from private.payouts where expert_id in (select expert_id from experts_under_test) order by created_at, id loop
      roll := random();
      if po.status = 'pending' then
        if roll < 0.65 then
          perform public.record_payout_step(po.id, 'transferred', 'tr_' || po.id);
          if random() < 0.3 then -- transfer.created arriving too
            perform private.apply_connect_event('transfer.created', jsonb_build_object('id', 'tr_' || po.id, 'transfer_group', po.id), now());
          end if;
        elsif roll < 0.8 then
          perform public.record_payout_step(po.id, 'refused', null, 'account cannot receive transfers');
        end if; -- else: left pending for a later run
      elsif po.status in ('transferred', 'payout_failed') then
        if roll < 0.5 then
          perform private.apply_connect_event('payout.paid', jsonb_build_object('id', 'po_' || po.id, 'metadata', jsonb_build_object('payout_id', po.id)), now());
        elsif roll < 0.65 then
          perform private.apply_connect_event('payout.failed', jsonb_build_object('id', 'po_' || po.id, 'failure_code', 'account_closed',
            'metadata', jsonb_build_object('payout_id', po.id)), now());
        elsif roll < 0.85 then
          -- Reversed in part, sometimes then in full; each event may come twice.
          cents := case when random() < 0.5 then po.amount_cents else greatest(1, floor(po.amount_cents * random())::bigint) end;
          perform private.apply_connect_event('transfer.reversed', jsonb_build_object('id', 'tr_' || po.id, 'transfer_group', po.id,
            'amount', po.amount_cents, 'amount_reversed', greatest(cents, po.reversed_cents)), now());
          perform private.apply_connect_event('transfer.reversed', jsonb_build_object('id', 'tr_' || po.id, 'transfer_group', po.id,
            'amount', po.amount_cents, 'amount_reversed', greatest(cents, po.reversed_cents)), now());
        end if;
      end if;
    end loop;
  end loop;
end
$$;

select is_empty($$ select e.transaction_id from private.ledger_entries e group by e.transaction_id, e.currency having sum(e.amount_cents) <> 0 $$,
  'every ledger transaction sums to zero');
select is_empty($$ select e.currency from private.ledger_entries e group by e.currency having sum(e.amount_cents) <> 0 $$,
  'the ledger sums to zero per currency');
select is_empty($$ select a.expert_id from private.ledger_accounts a where a.purpose in ('expert_available', 'expert_payout_in_flight')
                     and private.account_balance(a.id) > 0 $$,
  'no available or in-flight balance goes negative');
select is_empty($$ select batch_id, expert_id from batch_checks where took > greatest(available_before, 0) $$,
  'a batch never takes more than the available balance');
select is_empty($$
  with per_expert as (
    select x.expert_id,
           (select coalesce(sum(cents), 0) from earned w where w.expert_id = x.expert_id) as earned,
           (select coalesce(sum(p.amount_cents - p.reversed_cents), 0) from private.payouts p
             where p.expert_id = x.expert_id and p.status in ('transferred', 'paid', 'payout_failed', 'reversed')) as paid_out,
           -coalesce((select sum(e.amount_cents) from private.ledger_entries e join private.ledger_accounts a on a.id = e.account_id
                       where a.expert_id = x.expert_id and a.purpose in ('expert_available', 'expert_payout_in_flight')), 0) as held,
           coalesce((select sum(e.amount_cents) from private.ledger_entries e join private.ledger_accounts a on a.id = e.account_id
                      where a.expert_id = x.expert_id and a.purpose = 'expert_carry'), 0) as carried
      from experts_under_test x)
  select * from per_expert where paid_out + held - carried <> earned $$,
  'for every expert, paid out + in flight + available - carried = what they earned');
select ok((select count(distinct status) from private.payouts p join experts_under_test x using (expert_id)) >= 5
          and exists (select 1 from private.payouts p join experts_under_test x using (expert_id) where p.carry_netted_cents > 0)
          and exists (select 1 from private.ledger_transactions t where t.kind = 'carry_offset' and t.idempotency_key like 'payout:%'
                         and split_part(t.idempotency_key, ':', 3)::uuid in (select expert_id from experts_under_test))
          and exists (select 1 from private.payouts p join experts_under_test x using (expert_id)
                       where p.reversed_cents between 1 and p.amount_cents - 1),
  'the histories covered most payout states, netted carries, carried-forward debts and partial reversals');

select * from finish();
rollback;
