-- Stripe's side: charge.refunded (with the charge's refunds, as the webhook reads them) confirms
-- ours and records one made in Stripe; refund.failed leaves the money owed to the payer, also for a
-- refund made in Stripe and when it comes before its charge.refunded; chargebacks withdraw, freeze, and are won or lost (after
-- the money was paid out, a lost one becomes the expert's carry, never a negative available);
-- a payment the payable cannot take is returned; repeats and early arrivals change nothing.
begin;
select plan(30);

select tests.create_user('owner@test.local') as owner \gset
select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');
select tests.create_expert('expert@test.local') as expert \gset
select tests.expert_id(:'expert') as expert_id \gset
update private.leads set status = 'completed' where status = 'done';
-- Platform accounts are shared with whatever else the database holds: compare with where they start.
select tests.balance('payer_refunds_due', 'ILS') as due_before, tests.balance('chargebacks_held', 'ILS') as held_before \gset
update private.payables set released_at = coalesce(released_at, now()) where status = 'completed';

create function pg_temp.charge_refunded(evt text, intent text, refunds jsonb) returns jsonb language sql as $$
  select tests.stripe_event(evt, 'charge.refunded', jsonb_build_object('id', 'ch_' || intent, 'object', 'charge',
    'payment_intent', intent, 'currency', 'ils', 'refunds', jsonb_build_object('object', 'list', 'data', refunds)))
$$;
create function pg_temp.refund(id text, amount bigint, status text, created integer, ours uuid) returns jsonb language sql as $$
  select jsonb_build_object('id', id, 'object', 'refund', 'amount', amount, 'status', status, 'created', created,
    'metadata', case when ours is null then '{}'::jsonb else jsonb_build_object('refund_id', ours) end)
$$;
create function pg_temp.dispute(evt text, type text, dispute text, intent text, amount bigint, status text, bts jsonb) returns jsonb language sql as $$
  select tests.stripe_event(evt, type, jsonb_build_object('id', dispute, 'object', 'dispute', 'payment_intent', intent,
    'charge', 'ch_' || intent, 'amount', amount, 'currency', 'ils', 'reason', 'fraudulent', 'status', status,
    'balance_transactions', bts))
$$;
create function pg_temp.withdrawal(dispute text, amount bigint) returns jsonb language sql as $$
  select jsonb_build_array(jsonb_build_object('id', 'txn_w_' || dispute, 'amount', -amount, 'fee', 1500))
$$;

/** charge.refunded */
select tests.paid_job(:'owner', :'expert', 100000) as payable \gset
select 'pi_' || id as intent from private.payments where payable_id = :'payable' \gset
select tests.act_as(:'admin');
select public.refund_payable(:'payable', 30000, 'Part of the job was cancelled') as refund \gset
reset role;
select is(tests.deliver(pg_temp.charge_refunded('evt_cr_1', :'intent', jsonb_build_array(pg_temp.refund('re_1', 30000, 'succeeded', 1, :'refund')))),
  'refunds_confirmed', 'charge.refunded confirms our refund');
select is((select status || ' ' || stripe_refund_id from private.refunds where id = :'refund'), 'succeeded re_1', 'by its id');
select is(tests.deliver(pg_temp.charge_refunded('evt_cr_2', :'intent', jsonb_build_array(
  pg_temp.refund('re_1', 30000, 'succeeded', 1, :'refund'), pg_temp.refund('re_2', 10000, 'succeeded', 2, null)))),
  'refund_recorded', 'a refund without our id was made in Stripe');
select results_eq(format($$ select amount_cents, reason, status, stripe_refund_id from private.refunds where payable_id = %L and reason = 'provider' $$, :'payable'),
  $$ values (10000::bigint, 'provider', 'succeeded', 're_2') $$, 'it is recorded for its 10,000');
select is((select reversed_cents from private.payables where id = :'payable'), 40000::bigint, 'and reversed with ours');
select is(tests.deliver(pg_temp.charge_refunded('evt_cr_3', :'intent', jsonb_build_array(
  pg_temp.refund('re_2', 10000, 'succeeded', 2, null), pg_temp.refund('re_1', 30000, 'succeeded', 1, :'refund')))),
  'refunds_confirmed', 'another charge.refunded with the same refunds');
select is((select count(*)::int from private.refunds where payable_id = :'payable'), 2, 'records nothing more');
select is(tests.deliver(pg_temp.charge_refunded('evt_cr_2', :'intent', '[]')), 'duplicate', 'a repeat is a duplicate');

/** refund.failed */
select is(tests.deliver(tests.stripe_event('evt_rf_0', 'refund.failed', jsonb_build_object('id', 're_2', 'object', 'refund',
  'payment_intent', :'intent', 'status', 'failed', 'amount', 10000, 'metadata', '{}'::jsonb))),
  'refund_failed', 'a refund made in Stripe can bounce too');
select tests.act_as(:'admin');
select public.refund_payable(:'payable', 5000, 'Goodwill') as bounced \gset
reset role;
select is(tests.deliver(tests.stripe_event('evt_rf_1', 'refund.failed', jsonb_build_object('id', 're_b', 'object', 'refund',
  'payment_intent', :'intent', 'status', 'failed', 'amount', 5000, 'metadata', jsonb_build_object('refund_id', :'bounced')))),
  'refund_failed', 'ours bounces, before its charge.refunded arrives');
select is(tests.balance('payer_refunds_due', 'ILS') - :due_before, 15000::bigint, 'both bounced amounts are owed to the payer');
select is(tests.deliver(pg_temp.charge_refunded('evt_cr_4', :'intent', jsonb_build_array(
  pg_temp.refund('re_1', 30000, 'succeeded', 1, :'refund'), pg_temp.refund('re_2', 10000, 'failed', 2, null),
  pg_temp.refund('re_b', 5000, 'failed', 3, :'bounced')))), 'refunds_confirmed',
  'the charge.refunded arriving after the failure');
select is((select count(*)::int from private.refunds where payable_id = :'payable'), 3, 'is not taken for another refund');
select is(tests.deliver(tests.stripe_event('evt_rf_2', 'refund.failed', jsonb_build_object('id', 're_b', 'object', 'refund',
  'payment_intent', :'intent', 'status', 'failed', 'amount', 5000, 'metadata', jsonb_build_object('refund_id', :'bounced')))),
  'already_failed', 'a second failure event changes nothing');
select is(tests.balance('payer_refunds_due', 'ILS') - :due_before, 15000::bigint, 'still owed once');

/** A chargeback that arrives before the payment's own event waits for it; lost in escrow */
select tests.consumer_lead(:'owner') as cb_lead \gset
select tests.accept(:'owner', tests.propose(:'expert', :'cb_lead', 20000)) as cb_payable \gset
select tests.act_as(:'owner');
select payment_id as cb_payment from public.prepare_payment(:'cb_payable') \gset
reset role;
select is(tests.deliver(pg_temp.dispute('evt_dc_1', 'charge.dispute.created', 'dp_1', 'pi_cb', 20000, 'needs_response',
  pg_temp.withdrawal('dp_1', 20000))), 'parked', 'a chargeback before its payment is parked');
select is(tests.deliver(tests.stripe_event('evt_cs_cb', 'checkout.session.completed', jsonb_build_object('id', 'cs_cb', 'payment_status', 'paid',
  'amount_total', 20000, 'currency', 'ils', 'payment_intent', 'pi_cb', 'metadata', jsonb_build_object('payment_id', :'cb_payment')))),
  'settled', 'the payment settles');
select is((select stripe_status from private.chargebacks where id = 'dp_1'), 'needs_response', 'and the parked chargeback applies');
select is(tests.balance('chargebacks_held', 'ILS') - :held_before, -20000::bigint, 'Stripe holds the disputed amount');
select ok(private.payable_frozen(:'cb_payable'), 'the job''s money is frozen');
select is(tests.deliver(pg_temp.dispute('evt_dc_2', 'charge.dispute.closed', 'dp_1', 'pi_cb', 20000, 'lost',
  pg_temp.withdrawal('dp_1', 20000))), 'chargeback_lost', 'the chargeback is lost');
select is((select status::text from private.payables where id = :'cb_payable'), 'refunded', 'the job is reversed in full');
select is(tests.balance('chargebacks_held', 'ILS') - :held_before, 0::bigint, 'the held funds went to the card holder');
select is(tests.deliver(pg_temp.dispute('evt_dc_1b', 'charge.dispute.created', 'dp_1', 'pi_cb', 20000, 'needs_response',
  pg_temp.withdrawal('dp_1', 20000))), 'chargeback_lost', 'a late created event changes nothing');

/** Lost after the money was released and paid out: the expert's carry, never a negative available */
select tests.paid_job(:'owner', :'expert', 10000) as late \gset
select lead_id as late_lead, 'pi_' || (select id from private.payments where payable_id = :'late') as late_intent
  from private.payables where id = :'late' \gset
select tests.act_as(:'expert');
select public.mark_job_done(:'late_lead');
reset role;
select tests.act_as(:'owner');
select public.confirm_job_done(:'late_lead');
reset role;
select tests.advance_clock('8 days');
select private.release_holds();
-- A payout takes everything available (what the payouts issue will do).
select private.post_ledger_transaction('test_payout', 'test_payout:' || :'expert_id', 'ILS', jsonb_build_array(
  jsonb_build_object('account', private.ledger_account('expert_available', 'ILS', :'expert_id'),
                     'amount_cents', tests.balance('expert_available', 'ILS', :'expert_id')),
  jsonb_build_object('account', private.ledger_account('stripe_clearing', 'ILS'),
                     'amount_cents', -tests.balance('expert_available', 'ILS', :'expert_id'))));
select is(tests.deliver(pg_temp.dispute('evt_dl_1', 'charge.dispute.closed', 'dp_2', :'late_intent', 10000, 'lost',
  pg_temp.withdrawal('dp_2', 10000))), 'chargeback_lost', 'a chargeback lost after payout (its closing event first)');
select is(tests.balance('expert_available', 'ILS', :'expert_id'), 0::bigint, 'available does not go negative');
select is(tests.balance('expert_carry', 'ILS', :'expert_id'), -9000::bigint, 'the expert''s 9,000 becomes their carry (owed back)');

/** A second payment for a paid job is returned */
select tests.act_as(:'owner');
select throws_ok(format('select * from public.prepare_payment(%L)', :'late'), '22023', null, 'a paid job cannot be paid again');
reset role;
insert into private.payments (payable_id, payer_user_id, amount_cents, currency) values (:'late', :'owner', 10000, 'ILS')
returning id as twice \gset
select is(tests.deliver(tests.stripe_event('evt_cs_twice', 'checkout.session.completed', jsonb_build_object('id', 'cs_twice',
  'payment_status', 'paid', 'amount_total', 10000, 'currency', 'ils', 'payment_intent', 'pi_twice',
  'metadata', jsonb_build_object('payment_id', :'twice')))), 'returned', 'a payment from a second tab is returned');
select results_eq(format($$ select amount_cents, reason, status from private.refunds where payment_id = %L $$, :'twice'),
  $$ values (10000::bigint, 'payment_returned', 'pending') $$, 'as a refund to send to Stripe');

select * from finish();
rollback;
