-- The stripe-webhook function applies events over a direct database connection (SUPABASE_DB_URL,
-- which hosted Supabase gives every function, as `postgres`) rather than supabase-js → the gateway →
-- PostgREST: at webhook volume that path cost more per event than applying the event
-- (bench/webhook.ts: 559 → over 1,000 events/s). Each transaction drops to this role first, so the
-- statement that carries Stripe's payload can run apply_stripe_event and nothing else: no table, no
-- other function. It cannot log in, and PostgREST's authenticator is not a member, so no API key or
-- token can reach it. SET LOCAL keeps it to one transaction, as the transaction pooler requires.
-- Roles are per cluster, not per database, hence the guard: a local `db reset` recreates the database.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'stripe_webhook') then
    create role stripe_webhook nologin noinherit;
  end if;
end
$$;
grant stripe_webhook to postgres;
grant usage on schema private to stripe_webhook;
grant execute on function private.apply_stripe_event(jsonb, bigint) to stripe_webhook;
