-- Disputes: who may open, see and resolve one; an open dispute freezes the job's money (no
-- confirmation, auto-confirmation, release or cancellation); resolutions move the money at once.
begin;
select plan(31);

select tests.create_user('owner@test.local') as owner \gset
select tests.create_user('stranger@test.local') as stranger \gset
select tests.create_user('admin@test.local') as admin \gset
select tests.make_admin(:'admin');
select tests.create_expert('expert@test.local') as expert \gset
select tests.expert_id(:'expert') as expert_id \gset
-- Only this test's jobs count for the cron functions: others in a shared database are set aside.
update private.leads set status = 'completed' where status = 'done';
update private.payables set released_at = coalesce(released_at, now()) where status = 'completed';

/** Opening */
select tests.paid_job(:'owner', :'expert', 100000) as payable \gset
select lead_id from private.payables where id = :'payable' \gset
select tests.act_as(:'stranger');
select throws_ok(format('select public.open_dispute(%L, %L, %L)', :'payable', 'other', 'hi'), '42501', null,
  'a stranger cannot open a dispute');
reset role;
select tests.act_as(:'owner');
select throws_ok(format('select public.open_dispute(%L, %L, %L)', :'payable', 'bad_reason', 'hi'), '22023', null, 'the reason is one of the list');
select throws_ok(format('select public.open_dispute(%L, %L, %L)', :'payable', 'other', '  '), '22023', null, 'a message is required');
reset role;
select tests.act_as(:'expert');
select public.mark_job_done(:'lead_id');
reset role;
select tests.act_as(:'owner');
select public.open_dispute(:'payable', 'poor_quality', 'The sink still leaks') as dispute \gset
select throws_ok(format('select public.open_dispute(%L, %L, %L)', :'payable', 'other', 'again'), '22023', null, 'one dispute per job');
select results_eq(format($$ select opened_by_role, status from public.disputes where id = %L $$, :'dispute'),
  $$ values ('payer', 'open') $$, 'the payer sees their open dispute');
reset role;
select tests.act_as(:'expert');
select is((select message from public.disputes where id = :'dispute'), 'The sink still leaks', 'the performer sees it');
reset role;
select tests.act_as(:'stranger');
select is((select count(*)::int from public.disputes), 0, 'a stranger sees none');
reset role;

/** Frozen */
select tests.act_as(:'owner');
select throws_ok(format('select public.confirm_job_done(%L)', :'lead_id'), '22023', null, 'the payer cannot confirm while it is open');
select throws_ok(format('select public.cancel_lead(%L)', :'lead_id'), '22023', null, 'nor cancel');
reset role;
select tests.advance_clock('8 days');
select is(private.auto_confirm_jobs(), 0, 'auto-confirmation skips it');
select is((select status::text from private.leads where id = :'lead_id'), 'done', 'the job stays done');
select is(tests.balance('expert_escrow', 'ILS', :'expert_id'), 90000::bigint, 'the money stays in escrow');

/** Resolving: a refund of half; the rest goes to the expert now */
select tests.act_as(:'expert');
select throws_ok(format('select public.resolve_dispute(%L, %L)', :'dispute', 'release'), '42501', null, 'only admins resolve');
reset role;
select tests.balance('platform_revenue', 'ILS') as revenue_before \gset
select tests.act_as(:'admin');
select throws_ok(format('select public.resolve_dispute(%L, %L, 100)', :'dispute', 'release'), '22023', null,
  'a release refunds nothing');
select throws_ok(format('select public.resolve_dispute(%L, %L)', :'dispute', 'split'), '22023', null, 'outcomes are release or refund');
select throws_ok(format('select public.resolve_dispute(%L, %L, 0)', :'dispute', 'refund'), '22023', null, 'a refund of nothing is a release');
select is(public.resolve_dispute(:'dispute', 'refund', 50000, 'Half the work was done'), 'refunded', 'the admin refunds half');
select throws_ok(format('select public.resolve_dispute(%L, %L)', :'dispute', 'release'), '22023', null, 'a resolved dispute stays resolved');
reset role;
select is(tests.balance('expert_escrow', 'ILS', :'expert_id'), 0::bigint, 'escrow is empty');
select is(tests.balance('expert_available', 'ILS', :'expert_id'), 45000::bigint, 'the expert''s share of the other half is available now');
select is(tests.balance('platform_revenue', 'ILS') - :revenue_before, 5000::bigint, 'the platform earns its commission on the half that stayed');
select is((select status::text from private.leads where id = :'lead_id'), 'completed', 'the job is completed');
select results_eq(format($$ select amount_cents, reason, note from public.refunds where dispute_id = %L $$, :'dispute'),
  $$ values (50000::bigint, 'dispute', 'Half the work was done') $$, 'the refund records the dispute and the admin''s note');
select tests.act_as(:'expert');
select results_eq(format($$ select status, outcome, refund_cents, resolution_note from public.disputes where id = %L $$, :'dispute'),
  $$ values ('resolved', 'refunded', 50000::bigint, 'Half the work was done') $$, 'the expert sees the outcome and the note');
reset role;
select is((select count(*)::int from audit.admin_actions where action = 'dispute.resolve' and target_id = :'dispute'), 1, 'audited');

/** A dispute during the hold blocks the release; resolved by a release */
select tests.paid_job(:'owner', :'expert', 20000) as held \gset
select lead_id as held_lead from private.payables where id = :'held' \gset
select tests.act_as(:'expert');
select public.mark_job_done(:'held_lead');
reset role;
select tests.act_as(:'owner');
select public.confirm_job_done(:'held_lead');
reset role;
select tests.act_as(:'expert');
select public.open_dispute(:'held', 'payment', 'The customer says the job is done, but') as held_dispute \gset
reset role;
select tests.advance_clock('8 days');
select is(private.release_holds(), 0, 'the hold release skips a disputed job');
select tests.act_as(:'admin');
select throws_ok(format('select public.release_hold_early(%L)', :'held'), '22023', null, 'an admin cannot release it early either');
select is(public.resolve_dispute(:'held_dispute', 'release', null, 'All good'), 'released', 'the admin releases it');
reset role;
select is(tests.balance('expert_available', 'ILS', :'expert_id'), 45000::bigint + 18000, 'the expert''s share is available');
select tests.act_as(:'owner');
select throws_ok(format('select public.open_dispute(%L, %L, %L)', :'held', 'other', 'late'), '22023', null,
  'after the hold no dispute can be opened');
reset role;

/** A chargeback on the same payment: the bank decides first */
select tests.paid_job(:'owner', :'expert', 30000) as banked \gset
select tests.act_as(:'owner');
select public.open_dispute(:'banked', 'not_delivered', 'Nobody came') as banked_dispute \gset
reset role;
select tests.deliver(tests.stripe_event('evt_banked', 'charge.dispute.created', jsonb_build_object('id', 'dp_banked',
  'payment_intent', 'pi_' || (select id from private.payments where payable_id = :'banked'), 'amount', 30000, 'currency', 'ils',
  'status', 'needs_response')));
select tests.act_as(:'admin');
select throws_ok(format('select public.resolve_dispute(%L, %L)', :'banked_dispute', 'release'), '22023', null,
  'a dispute cannot be resolved while the card holder''s bank decides a chargeback');
reset role;

select * from finish();
rollback;
