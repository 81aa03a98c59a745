-- The lead's states, transition by transition: open → assigned (acceptance), open | assigned →
-- cancelled (owner), open → expired (the pg_cron job); anything else is refused with a reason.
begin;
select plan(16);

select tests.create_user('owner@test.local') as owner \gset
select tests.create_user('stranger@test.local') as stranger \gset
select tests.create_expert('expert@test.local') as expert \gset
select tests.create_expert('second@test.local') as second \gset

-- open → cancelled
select tests.consumer_lead(:'owner') as open_lead \gset
select tests.propose(:'expert', :'open_lead') as open_proposal \gset
select tests.act_as(:'stranger');
select throws_ok(format('select public.cancel_lead(%L)', :'open_lead'), '42501', null, 'only the owner cancels');
reset role;
select tests.act_as(:'owner');
select is(public.cancel_lead(:'open_lead'), 'cancelled'::public.lead_status, 'open → cancelled');
select throws_ok(format('select public.cancel_lead(%L)', :'open_lead'), '22023', 'the lead is cancelled and cannot be cancelled',
  'cancelled is final');
select throws_ok(format('select public.accept_proposal(%L)', :'open_proposal'), '22023', null, 'a cancelled lead accepts nothing');
reset role;
select is((select status::text from public.proposals where id = :'open_proposal'), 'declined', 'its live proposals were declined');
select tests.act_as(:'second');
select throws_ok(format('select public.submit_proposal(%L, 50000, ''late'')', :'open_lead'), '22023', null, 'a cancelled lead takes no proposal');
reset role;

-- open → assigned → cancelled
select tests.consumer_lead(:'owner') as lead \gset
select tests.propose(:'expert', :'lead') as proposal \gset
select tests.accept(:'owner', :'proposal') as payable \gset
select is((select status::text from private.leads where id = :'lead'), 'assigned', 'open → assigned');
select tests.act_as(:'second');
select throws_ok(format('select public.submit_proposal(%L, 50000, ''late'')', :'lead'), '22023', null, 'an assigned lead takes no proposal');
reset role;
select tests.act_as(:'expert');
select throws_ok(format('select public.withdraw_proposal(%L)', :'proposal'), '22023', null, 'an accepted proposal cannot be withdrawn');
reset role;
select tests.act_as(:'owner');
select is(public.cancel_lead(:'lead'), 'cancelled'::public.lead_status, 'assigned → cancelled');
reset role;
select results_eq(format($$ select (select revoked_reason from private.contact_access_grants where lead_id = %1$L),
                                  (select status::text from private.payables where id = %2$L) $$, :'lead', :'payable'),
  $$ values ('lead_cancelled', 'cancelled') $$, 'cancelling revoked the grant and cancelled the payable');

-- open → expired, by the scheduled job
select tests.consumer_lead(:'owner') as old_lead \gset
select tests.propose(:'expert', :'old_lead') as old_proposal \gset
update private.leads set expires_at = now() - interval '1 minute' where id = :'old_lead';
select ok(private.expire_leads() >= 1, 'the expiry job expires leads past their time');
select is((select status::text from private.leads where id = :'old_lead'), 'expired', 'open → expired');
select tests.act_as(:'owner');
select throws_ok(format('select public.cancel_lead(%L)', :'old_lead'), '22023', null, 'an expired lead cannot be cancelled');
select throws_ok(format('select public.accept_proposal(%L)', :'old_proposal'), '22023', null, 'nor accept a proposal');
reset role;
select is((select schedule from cron.job where jobname = 'expire-leads'), '*/5 * * * *', 'pg_cron runs the expiry every five minutes');

select * from finish();
rollback;
