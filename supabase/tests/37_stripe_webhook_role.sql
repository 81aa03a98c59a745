-- The stripe-webhook function connects directly and drops to `stripe_webhook` for each event: that
-- role applies Stripe events and can do nothing else, and nothing reachable from the API can become it.
begin;
select plan(8);

select is((select rolcanlogin from pg_roles where rolname = 'stripe_webhook'), false, 'the role cannot log in');
select ok(not pg_has_role('authenticator', 'stripe_webhook', 'member'), 'PostgREST''s authenticator cannot switch to it');
select ok(pg_has_role('postgres', 'stripe_webhook', 'member'), 'the connection the function uses (postgres) can');

select set_eq(
  $$ select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'private', 'audit', 'tests') and has_schema_privilege('stripe_webhook', n.oid, 'usage')
        and has_function_privilege('stripe_webhook', p.oid, 'execute') $$,
  array['private.apply_stripe_event(jsonb,bigint)'],
  'it can execute apply_stripe_event and no other project function'
);
select is_empty(
  $$ select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'private', 'audit') and c.relkind in ('r', 'p', 'v', 'm', 'S')
        and (has_table_privilege('stripe_webhook', c.oid, 'select,insert,update,delete,truncate,references,trigger')) $$,
  'it holds no privilege on any table, view or sequence'
);

-- pgTAP (in `extensions`) is out of the role's reach, so what happens as the role is recorded in
-- settings and checked after RESET ROLE.
select tests.stripe_event('evt_role_ignored', 'customer.created', '{"id": "cus_role"}') as event \gset
set local role stripe_webhook;
select set_config('t.outcome', private.apply_stripe_event(:'event', null), true);
do $$
begin
  perform count(*) from private.payments;
  perform set_config('t.read', 'allowed', true);
exception when others then
  perform set_config('t.read', sqlstate, true);
end
$$;
do $$
begin
  perform private.settle_payment(gen_random_uuid(), 'pi_x', 100, 'ils', null);
  perform set_config('t.settle', 'allowed', true);
exception when others then
  perform set_config('t.settle', sqlstate, true);
end
$$;
reset role;
select is(current_setting('t.outcome'), 'ignored', 'as the role, an event is applied');
select is(current_setting('t.read'), '42501', 'but it cannot read payments');
select is(current_setting('t.settle'), '42501', 'nor call the money functions apply_stripe_event uses');

select * from finish();
rollback;
