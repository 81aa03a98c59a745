-- Stripe's events arrive repeated and out of order: state only moves forward, an event about a
-- payment not known yet is parked and applied when a later event links it, and the end state is the
-- one in-order delivery gives. Unknown types are ignored (the webhook still answers 2xx).
begin;
select plan(13);

select tests.create_user('owner@test.local') as owner \gset
select tests.create_expert('expert@test.local') as expert \gset
select tests.expert_id(:'expert') as expert_id \gset
select tests.consumer_lead(:'owner') as lead \gset
select tests.accept(:'owner', tests.propose(:'expert', :'lead', 200000)) as payable \gset
select tests.act_as(:'owner');
select payment_id from public.prepare_payment(:'payable') \gset
reset role;

-- The payment intent's success arrives first and without our metadata: nothing links it yet.
select is(tests.deliver(tests.stripe_event('evt_pi_2', 'payment_intent.succeeded',
  jsonb_build_object('id', 'pi_2', 'amount_received', 200000, 'currency', 'ils')), 6100), 'parked',
  'an event about an unknown payment intent is parked');
select is(tests.balance('expert_escrow', 'ILS', :'expert_id'), 0::bigint, 'and moves no money yet');
select is(tests.deliver(tests.stripe_event('evt_bad_meta', 'checkout.session.completed',
  jsonb_build_object('id', 'cs_bad', 'payment_status', 'paid', 'amount_total', 1, 'currency', 'ils',
                     'metadata', jsonb_build_object('payment_id', 'not-a-uuid')))), 'parked',
  'a malformed payment id in the metadata finds no payment: parked, not an error Stripe would retry forever');
select is(tests.deliver(tests.stripe_event('evt_type_x', 'customer.created', '{"id": "cus_1"}')), 'ignored', 'other event types are ignored');
select is(tests.deliver(tests.stripe_event('evt_pf_2', 'payment_intent.payment_failed',
  jsonb_build_object('id', 'pi_2', 'currency', 'ils', 'metadata', jsonb_build_object('payment_id', :'payment_id')))), 'failed',
  'a failed attempt that carries our metadata is recorded and links the intent to the payment');
select is((select status::text from private.stripe_events where id = 'evt_pi_2'), 'applied',
  'so the parked success is applied: state moves forward only');
select is((select processor_fee_cents from private.payments where id = :'payment_id'), 6100::bigint, 'with the fee it carried');
select is(tests.deliver(tests.stripe_event('evt_cs_2', 'checkout.session.completed',
  jsonb_build_object('id', 'cs_2', 'payment_status', 'paid', 'amount_total', 200000, 'currency', 'ils', 'payment_intent', 'pi_2',
                     'metadata', jsonb_build_object('payment_id', :'payment_id')))), 'already_settled',
  'the completed checkout arriving last finds the payment settled');
select is(tests.balance('expert_escrow', 'ILS', :'expert_id'), 180000::bigint, 'the performer''s share is in escrow once');
select is(tests.deliver(tests.stripe_event('evt_pf_3', 'payment_intent.payment_failed',
  jsonb_build_object('id', 'pi_2', 'currency', 'ils'))), 'already_final', 'a late failure does not undo a paid payment');
select is((select status::text from private.payments where id = :'payment_id'), 'paid', 'which stays paid');

-- A second payment attempt for a payable that is already paid does not pay twice.
select tests.act_as(:'owner');
select throws_ok(format('select * from public.prepare_payment(%L)', :'payable'), '22023', null, 'a paid payable cannot be paid again');
reset role;
select is_empty($$ select transaction_id from private.ledger_entries group by transaction_id having sum(amount_cents) <> 0 $$,
  'every transaction balances');

select * from finish();
rollback;
