-- Payout batches: only admins create and see them; a batch takes each ready expert's available
-- balance as of the period's end, nets what they owe, skips experts without a ready account, and
-- takes each amount out of available exactly once; the payouts function's steps and Stripe's
-- Connect events move each payout forward, and a refused or reversed transfer returns the money.
begin;
select plan(45);

select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');
select tests.create_expert('ready@test.local') as ready_user \gset
select tests.expert_id(:'ready_user') as ready \gset
select tests.create_expert('noaccount@test.local') as noaccount_user \gset
select tests.expert_id(:'noaccount_user') as noaccount \gset
select tests.create_expert('owes@test.local') as owes_user \gset
select tests.expert_id(:'owes_user') as owes \gset
select tests.create_expert('owesmore@test.local') as owesmore_user \gset
select tests.expert_id(:'owesmore_user') as owesmore \gset

-- Money in an expert's buckets, as the ledger's own functions would leave it.
create function pg_temp.credit(expert uuid, purpose text, cents bigint, key text) returns bigint language sql as $$
  select private.post_ledger_transaction('test_money', key, 'ILS', jsonb_build_array(
    jsonb_build_object('account', private.ledger_account(purpose::private.ledger_account_purpose, 'ILS', expert), 'amount_cents', -cents),
    jsonb_build_object('account', private.ledger_account('stripe_clearing', 'ILS'), 'amount_cents', cents)))
$$;
create function pg_temp.account(expert uuid, acct text, ready boolean) returns jsonb language sql as $$
  select jsonb_build_object('id', acct, 'object', 'account', 'details_submitted', ready, 'charges_enabled', ready, 'payouts_enabled', ready,
    'capabilities', jsonb_build_object('transfers', case when ready then 'active' else 'inactive' end),
    'requirements', jsonb_build_object('currently_due', case when ready then '[]'::jsonb else '["external_account"]'::jsonb end,
                                       'past_due', '[]'::jsonb, 'disabled_reason', null),
    'metadata', jsonb_build_object('expert_id', expert))
$$;

/** Accounts follow account.updated */
select is(tests.deliver(jsonb_build_object('id', 'evt_acct_1', 'type', 'account.updated', 'created', 1000,
  'data', jsonb_build_object('object', pg_temp.account(:'ready', 'acct_ready', false)))), 'account_updated',
  'an account Stripe tells us about is linked to its expert from its metadata');
select is((select requirements_due from private.payout_accounts where expert_id = :'ready'), '{external_account}'::text[], 'with what is due');
select is(tests.deliver(jsonb_build_object('id', 'evt_acct_2', 'type', 'account.updated', 'created', 2000,
  'data', jsonb_build_object('object', pg_temp.account(:'ready', 'acct_ready', true)))), 'account_updated', 'onboarding finishes');
select is(tests.deliver(jsonb_build_object('id', 'evt_acct_0', 'type', 'account.updated', 'created', 500,
  'data', jsonb_build_object('object', pg_temp.account(:'ready', 'acct_ready', false)))), 'stale', 'an older event arriving late is stale');
select ok((select payouts_enabled and transfers_active from private.payout_accounts where expert_id = :'ready'), 'so the account stays ready');
select tests.act_as(:'ready_user');
select is((select ready from public.payout_accounts), true, 'the expert sees their account ready');
reset role;
select tests.act_as(:'noaccount_user');
select is((select count(*)::int from public.payout_accounts), 0, 'and nobody else''s');
reset role;
insert into private.payout_accounts (expert_id, stripe_account_id, payouts_enabled, transfers_active)
values (:'owes', 'acct_owes', true, true), (:'owesmore', 'acct_owesmore', true, true);

/** Balances: before the period's end, and after it */
select pg_temp.credit(:'ready', 'expert_available', 40000, 'k1');
select pg_temp.credit(:'noaccount', 'expert_available', 25000, 'k2');
select pg_temp.credit(:'owes', 'expert_available', 10000, 'k3');
select pg_temp.credit(:'owes', 'expert_carry', -3000, 'k4');     -- owes 3,000
select pg_temp.credit(:'owesmore', 'expert_available', 2000, 'k5');
select pg_temp.credit(:'owesmore', 'expert_carry', -5000, 'k6'); -- owes 5,000
select (private.clock() at time zone 'UTC')::date as period_end \gset
select tests.advance_clock('2 days');
select pg_temp.credit(:'ready', 'expert_available', 7000, 'k7'); -- released after the period
select (private.clock() at time zone 'UTC')::date as today \gset

/** Creating the batch */
select tests.act_as(:'ready_user');
select throws_ok(format('select public.create_payout_batch(%L)', :'period_end'), '42501', null, 'only admins create a batch');
select is((select count(*)::int from public.payout_batches), 0, 'or see batches');
reset role;
select tests.act_as(:'admin');
select throws_ok(format('select public.create_payout_batch(%L)', :'today'), '22023', null,
  'a period that has not ended cannot be paid out');
select public.create_payout_batch(:'period_end') as batch \gset
select throws_ok(format('select public.create_payout_batch(%L)', :'period_end'), '22023', null, 'one batch per period');
reset role;
select is((select count(*)::int from audit.admin_actions where action = 'payout_batch.create' and target_id = :'batch'), 1, 'audited');
select results_eq(format($$ select expert_id, amount_cents, available_cents, carry_netted_cents from private.payouts
                            where batch_id = %L order by amount_cents $$, :'batch'),
  format($$ values (%L::uuid, 7000::bigint, 10000::bigint, 3000::bigint), (%L::uuid, 40000::bigint, 40000::bigint, 0::bigint) $$, :'owes', :'ready'),
  'a payout per ready expert: the available balance as of the period''s end, less what they owe');
select is(tests.balance('expert_available', 'ILS', :'ready'), 7000::bigint, 'money released after the period stays available');
select is(tests.balance('expert_available', 'ILS', :'noaccount'), 25000::bigint, 'an expert without a ready account keeps theirs');
select is(tests.balance('expert_carry', 'ILS', :'owes'), 0::bigint, 'what an expert owed is netted');
select is((tests.balance('expert_available', 'ILS', :'owesmore'), tests.balance('expert_carry', 'ILS', :'owesmore'))::text, '(0,-3000)',
  'a negative net is carried forward, never paid');
select is(tests.balance('expert_payout_in_flight', 'ILS', :'ready'), 40000::bigint, 'the payout is in flight');
select tests.act_as(:'admin');
select public.create_payout_batch((:'period_end'::date + 1)) as batch2 \gset
reset role;
select results_eq(format($$ select expert_id, amount_cents from private.payouts where batch_id = %L $$, :'batch2'),
  format($$ values (%L::uuid, 7000::bigint) $$, :'ready'), 'the next batch takes only what became available since: nothing twice');

/** Who sees payouts, who runs them */
select tests.act_as(:'ready_user');
select is((select array_agg(distinct expert_id) from public.payouts), array[:'ready'::uuid], 'an expert sees their own payouts only');
select throws_ok(format('select * from public.payouts_to_execute(%L)', :'batch'), '42501', null, 'and cannot run a batch');
select throws_ok(format('select public.record_payout_step(%L, %L, %L)', gen_random_uuid(), 'transferred', 'tr_x'), '42501', null,
  'nor record a payout step');
reset role;
select tests.act_as(:'admin');
select is((select count(*)::int from public.payouts_to_execute(:'batch')), 2, 'an admin gets the batch''s payouts to run');
select count(*) from public.payouts_to_execute(:'batch'); -- the screen's next chunk
reset role;
select is((select count(*)::int from audit.admin_actions where action = 'payout_batch.run' and target_id = :'batch'), 1,
  'the admin''s run is audited, once for its chunks');
-- The claims the two calls above made would keep the steps below waiting: hand them back.
update private.payouts set claimed_until = null where batch_id = :'batch';
set local role service_role;
select set_config('request.jwt.claims', '{"role": "service_role"}', true);
select is((select max(remaining)::int from public.payouts_to_execute(null, 1)), 3, 'the secret key sweeps every batch, in chunks');
reset role;

/** Steps: transferred, then paid; refused; reversed */
select id as ready_payout from private.payouts where batch_id = :'batch' and expert_id = :'ready' \gset
select id as owes_payout from private.payouts where batch_id = :'batch' and expert_id = :'owes' \gset
set local role service_role;
select is(public.record_payout_step(:'ready_payout', 'transferred', 'tr_1'), 'transferred', 'the function records the transfer');
select is(public.record_payout_step(:'ready_payout', 'transferred', 'tr_1'), 'already_transferred', 'once');
select is(public.record_payout_step(:'owes_payout', 'refused', null, 'account cannot receive transfers'), 'failed', 'a refused transfer');
reset role;
select is(tests.balance('expert_payout_in_flight', 'ILS', :'ready'), 7000::bigint, 'the transferred money left the platform (the next batch''s 7,000 waits)');
select is(tests.balance('expert_available', 'ILS', :'owes'), 7000::bigint, 'the refused one is available again');
select is(tests.deliver(tests.stripe_event('evt_tr_1', 'transfer.created', jsonb_build_object('id', 'tr_1', 'object', 'transfer',
  'transfer_group', :'ready_payout', 'amount', 40000))), 'already_transferred', 'transfer.created for it changes nothing');
select is(tests.deliver(tests.stripe_event('evt_po_1', 'payout.paid', jsonb_build_object('id', 'po_1', 'object', 'payout',
  'status', 'paid', 'metadata', jsonb_build_object('payout_id', :'ready_payout')))), 'paid', 'payout.paid marks it paid');
select is(tests.deliver(tests.stripe_event('evt_trr_1', 'transfer.reversed', jsonb_build_object('id', 'tr_1', 'object', 'transfer',
  'transfer_group', :'ready_payout', 'amount', 40000, 'amount_reversed', 40000))), 'reversed', 'a reversed transfer');
select is(tests.balance('expert_available', 'ILS', :'ready'), 40000::bigint, 'returns the money to available');

/** The accounting export: admins, audited once, in pages that neither overlap nor skip */
select count(*) as exports_before from audit.admin_actions where action = 'ledger.export' \gset
select tests.act_as(:'ready_user');
select throws_ok($$ select * from public.admin_ledger_movements(now() - interval '30 days', now() + interval '30 days') $$, '42501', null,
  'only admins export the ledger');
reset role;
select tests.act_as(:'admin');
select throws_ok($$ select * from public.admin_ledger_movements(now() - interval '500 days', now()) $$, '22023', null,
  'a period of at most 400 days');
create temp table exported as select * from public.admin_ledger_movements(now() - interval '30 days', now() + interval '30 days');
reset role;
select is((select count(*)::int from audit.admin_actions where action = 'ledger.export'), :exports_before + 1, 'the export is audited');
select tests.act_as(:'admin');
select is((select count(*)::int from public.admin_ledger_movements(now() - interval '30 days', now() + interval '30 days',
                                                                   (select min(entry_id) from exported))),
  (select count(*)::int - 1 from exported), 'the next page starts after the cursor');
reset role;
select is((select count(*)::int from audit.admin_actions where action = 'ledger.export'), :exports_before + 1,
  'and a further page is not audited again');

/** The scheduler: the batch for the week that ended, on Mondays, once */
select tests.advance_clock(((date_trunc('week', private.clock() at time zone 'UTC') + interval '7 days 3 hours')
                            - (private.clock() at time zone 'UTC')));
select is(extract(isodow from private.clock() at time zone 'UTC')::int, 1, '(the clock is on a Monday)');
select isnt(private.scheduled_payout_batch(), null, 'on a Monday the scheduler creates the batch');
select is((select period_end from private.payout_batches where created_by is null), (private.clock() at time zone 'UTC')::date - 1,
  'for the week that ended on Sunday');
select is(private.scheduled_payout_batch(), null, 'once');
update private.marketplace_settings set payout_cadence = 'monthly';
select is(private.scheduled_payout_batch(), null, 'a monthly cadence waits for the 1st');

select is_empty($$ select e.transaction_id from private.ledger_entries e group by e.transaction_id, e.currency having sum(e.amount_cents) <> 0 $$,
  'every ledger transaction balances');

select * from finish();
rollback;
