-- The ledger: every transaction balances per currency (checked at commit), entries are never
-- changed, a posting key has one effect, and no API role can read it or call the money functions.
begin;
select plan(12);

create function pg_temp.post_and_check(entries jsonb, key text, currency text default 'ILS') returns bigint
language plpgsql as $$
declare
  id bigint := private.post_ledger_transaction('test', key, currency, entries);
begin
  set constraints all immediate; -- what commit would do
  set constraints all deferred;
  return id;
end
$$;

select private.ledger_account('stripe_clearing', 'ILS') as clearing \gset
select private.ledger_account('platform_revenue', 'ILS') as revenue \gset
select private.ledger_account('stripe_clearing', 'USD') as clearing_usd \gset

select throws_ok(format($$ select pg_temp.post_and_check('[{"account": %s, "amount_cents": 100}, {"account": %s, "amount_cents": -99}]', 'unbalanced') $$,
                        :clearing, :revenue), '23514', null, 'an unbalanced transaction is refused at commit');
select throws_ok(format($$ select pg_temp.post_and_check('[{"account": %s, "amount_cents": 100}, {"account": %s, "amount_cents": -100}]', 'mixed') $$,
                        :clearing_usd, :revenue), '23514', null, 'an entry in another currency than its account is refused');
select pg_temp.post_and_check(format('[{"account": %s, "amount_cents": 100}, {"account": %s, "amount_cents": -100}]', :clearing, :revenue)::jsonb,
                              'balanced') as tx \gset
select ok(:tx > 0, 'a balanced transaction is posted');
select is(pg_temp.post_and_check(format('[{"account": %s, "amount_cents": 500}, {"account": %s, "amount_cents": -500}]', :clearing, :revenue)::jsonb,
                                 'balanced'), :tx::bigint, 'posting the same key again returns the first transaction');
select is((select count(*)::int from private.ledger_entries where transaction_id = :tx), 2, 'and adds no entry');
select throws_ok(format('update private.ledger_entries set amount_cents = 1 where transaction_id = %s', :tx), '42501', null,
  'entries are never updated, even by the owner');
select throws_ok(format('delete from private.ledger_transactions where id = %s', :tx), '42501', null, 'nor deleted');

select is_empty($$ select r || ' ' || t from unnest(array['anon', 'authenticated', 'service_role']) r,
       unnest(array['private.ledger_entries', 'private.ledger_transactions', 'private.ledger_accounts', 'private.stripe_events',
                    'private.clock_offset', 'private.pay_links']) t where has_table_privilege(r, t, 'select,insert,update,delete') $$,
  'no API role can read or write the ledger, the inbox, the clock or pay links');
select is_empty($$ select r || ' ' || f from unnest(array['anon', 'authenticated', 'service_role']) r,
       unnest(array['private.clock()', 'private.post_ledger_transaction(text,text,text,jsonb,uuid)',
                    'private.settle_payment(uuid,text,bigint,text,bigint)', 'private.auto_confirm_jobs()', 'private.release_holds()',
                    'private.complete_job(private.payables)']) f where has_function_privilege(r, f, 'execute') $$,
  'no API role can call the clock or the money functions');
select ok(not has_function_privilege('authenticated', 'public.apply_stripe_event(jsonb,bigint)', 'execute')
  and not has_function_privilege('anon', 'public.apply_stripe_event(jsonb,bigint)', 'execute')
  and has_function_privilege('service_role', 'public.apply_stripe_event(jsonb,bigint)', 'execute'),
  'only the secret key applies Stripe events');
select is((select sum(amount_cents) from private.ledger_entries)::bigint, 0::bigint, 'the whole ledger sums to zero');
select is_empty($$ select currency from private.ledger_entries group by currency having sum(amount_cents) <> 0 $$, 'in every currency');

select * from finish();
rollback;
