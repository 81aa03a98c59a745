-- The money path of a consumer job: payment → escrow (split as the payable's snapshot says, even
-- after the policy changed) → done → confirmed → pending → the hold passes on the clock → available;
-- Stripe's fee in its own account; a repeated event changes nothing; only the right people act.
begin;
select plan(21);

select tests.create_user('owner@test.local') as owner \gset
select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');
select tests.create_expert('expert@test.local') as expert \gset
select tests.create_expert('other@test.local') as other \gset
select tests.expert_id(:'expert') as expert_id \gset

-- Only this test's jobs count: others in a shared database (demo data, earlier runs) are set aside.
update private.leads set status = 'completed' where status = 'done';
update private.payables set released_at = coalesce(released_at, now()) where status = 'completed';
select tests.consumer_lead(:'owner') as lead \gset
select tests.accept(:'owner', tests.propose(:'expert', :'lead', 100000)) as payable \gset
-- A new policy after acceptance must not change what this payable pays out.
select tests.act_as(:'admin');
select public.publish_fee_policy(20, 5, 90, '{"ILS": 5000, "USD": 1500, "EUR": 1500}');
reset role;

select tests.act_as(:'other');
select throws_ok(format('select * from public.prepare_payment(%L)', :'payable'), '42501', null, 'only the payer prepares a payment');
reset role;
select tests.act_as(:'owner');
select payment_id, amount_cents from public.prepare_payment(:'payable') \gset
reset role;
select is(:amount_cents::bigint, 100000::bigint, 'the payment is for the accepted price');
select coalesce(sum(amount_cents), 0) as clearing_before from private.ledger_entries e join private.ledger_accounts a on a.id = e.account_id
 where a.purpose = 'stripe_clearing' and a.currency = 'ILS' \gset

select tests.stripe_event('evt_paid_1', 'checkout.session.completed',
  jsonb_build_object('id', 'cs_1', 'payment_status', 'paid', 'amount_total', 100000, 'currency', 'ils', 'payment_intent', 'pi_1',
                     'metadata', jsonb_build_object('payment_id', :'payment_id'))) as paid_event \gset
select is(tests.deliver(:'paid_event'), 'settled', 'Stripe''s checkout.session.completed settles the payment');
select is((select status::text from private.leads where id = :'lead'), 'paid', 'the lead is paid');
select is(tests.balance('expert_escrow', 'ILS', :'expert_id'), 90000::bigint, 'the performer''s 900.00 waits in escrow (10%% policy snapshot)');
select is(tests.deliver(:'paid_event'), 'duplicate', 'the same event again is a duplicate');
select is(tests.balance('expert_escrow', 'ILS', :'expert_id'), 90000::bigint, 'and changes nothing');

select is(tests.deliver(tests.stripe_event('evt_pi_1', 'payment_intent.succeeded',
  jsonb_build_object('id', 'pi_1', 'amount_received', 100000, 'currency', 'ils', 'metadata', jsonb_build_object('payment_id', :'payment_id'))), 3200),
  'already_settled', 'payment_intent.succeeded for a settled payment only adds the fee');
select is((select amount_cents from private.ledger_entries e join private.ledger_transactions t on t.id = e.transaction_id
            join private.ledger_accounts a on a.id = e.account_id
           where t.idempotency_key = 'processor_fee:' || :'payment_id' and a.purpose = 'processor_fees'), 3200::bigint,
  'Stripe''s processing fee is booked to its own account');

select tests.act_as(:'owner');
select throws_ok(format('select public.mark_job_done(%L)', :'lead'), '42501', null, 'only the performer marks the job done');
select throws_ok(format('select public.confirm_job_done(%L)', :'lead'), '22023', null, 'the payer cannot confirm before it is done');
reset role;
select tests.act_as(:'expert');
select is(public.mark_job_done(:'lead'), 'done'::public.lead_status, 'the performer marks it done');
select throws_ok(format('select public.confirm_job_done(%L)', :'lead'), '42501', null, 'the performer cannot confirm it');
select results_eq('select escrow_cents, pending_cents, available_cents from public.my_wallet()', $$ values (90000::bigint, 0::bigint, 0::bigint) $$,
  'the expert''s wallet shows the escrow');
reset role;
select tests.act_as(:'owner');
select is(public.confirm_job_done(:'lead'), 'completed'::public.lead_status, 'the payer confirms');
reset role;
select is(tests.balance('expert_pending', 'ILS', :'expert_id'), 90000::bigint, 'the share moves to pending for the hold');
select is((select count(*)::int from private.ledger_transactions where payable_id = :'payable' and kind = 'completion'), 1,
  'with one completion transaction that also earns the commission');

select is(private.release_holds(), 0, 'nothing is released before the hold ends');
select tests.advance_clock('7 days 1 minute');
select is(private.release_holds(), 1, 'after seven days on the clock the hold releases');
select tests.act_as(:'expert');
select results_eq('select escrow_cents, pending_cents, available_cents from public.my_wallet()', $$ values (0::bigint, 0::bigint, 90000::bigint) $$,
  'and the 900.00 is available');
select results_eq('select bucket, amount_cents from public.my_wallet_movements() order by transaction_id, bucket',
  $$ values ('escrow', 90000::bigint), ('escrow', -90000::bigint), ('pending', 90000::bigint), ('available', 90000::bigint), ('pending', -90000::bigint) $$,
  'every movement behind the wallet is listed');
reset role;

select * from finish();
rollback;
