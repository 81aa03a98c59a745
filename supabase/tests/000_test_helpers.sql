-- Helpers the other pgTAP files share, installed (and committed) first: files run in name order.
-- They live in schema `tests`, which PostgREST does not expose and no API role can use. Only the
-- test database gets them; migrations never reference them.
select plan(1);

create schema if not exists tests;
revoke all on schema tests from public;

-- A confirmed auth user, created as GoTrue would; the sign-up trigger gives them a profile and the
-- customer role.
create or replace function tests.create_user(email text, display_name text default 'Test User') returns uuid
language plpgsql set search_path = '' as $$
declare
  user_id uuid := gen_random_uuid();
begin
  insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                          raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
  values ('00000000-0000-0000-0000-000000000000', user_id, 'authenticated', 'authenticated', email, '', now(),
          '{"provider": "email", "providers": ["email"]}', jsonb_build_object('display_name', display_name), now(), now());
  return user_id;
end
$$;

-- Makes a user an admin directly, as the database owner can (the API cannot).
create or replace function tests.make_admin(user_id uuid) returns void
language sql set search_path = '' as $$
  insert into public.user_roles (user_id, role) values (user_id, 'admin') on conflict do nothing
$$;

-- Act as a signed-in user, as PostgREST does: role `authenticated` and the token's claims, until
-- the transaction ends or `reset role`. Optional request headers (e.g. x-forwarded-for).
create or replace function tests.act_as(user_id uuid, headers jsonb default '{}'::jsonb) returns void
language plpgsql set search_path = '' as $$
begin
  perform set_config('request.jwt.claims', jsonb_build_object('sub', user_id, 'role', 'authenticated')::text, true);
  perform set_config('request.headers', headers::text, true);
  perform set_config('role', 'authenticated', true);
end
$$;

-- Act as a visitor with only the publishable key.
create or replace function tests.act_as_anon() returns void
language plpgsql set search_path = '' as $$
begin
  perform set_config('request.jwt.claims', '{"role": "anon"}', true);
  perform set_config('request.headers', '{}', true);
  perform set_config('role', 'anon', true);
end
$$;

-- An expert application by `user_id` through the real RPC, then back to the caller's role.
create or replace function tests.apply(user_id uuid, display_name text, categories text[], city text,
                                       languages text[] default '{he}') returns uuid
language plpgsql set search_path = '' as $$
declare
  expert_id uuid;
begin
  perform tests.act_as(user_id);
  expert_id := public.apply_as_expert(display_name => display_name, bio => 'Experienced and reliable.',
                                      categories => categories, city => city, languages => languages);
  perform set_config('role', 'postgres', true);
  return expert_id;
end
$$;

-- A decision by `admin_id` through the real RPC, then back to the caller's role.
create or replace function tests.decide(admin_id uuid, expert_id uuid, approve boolean, note text default null)
returns public.expert_status
language plpgsql set search_path = '' as $$
declare
  result public.expert_status;
begin
  perform tests.act_as(admin_id);
  result := public.decide_expert_application(expert_id => expert_id, approve => approve, note => note);
  perform set_config('role', 'postgres', true);
  return result;
end
$$;

-- An approved expert (set up directly, as the owner can; the approval flow has its own tests).
-- Returns the user id; tests.expert_id() gives the expert id.
create or replace function tests.create_expert(email text, city text default 'tel-aviv', categories text[] default '{plumbing}')
returns uuid
language plpgsql set search_path = '' as $$
declare
  user_id uuid := tests.create_user(email, 'Expert ' || split_part(email, '@', 1));
  expert_id uuid := tests.apply(user_id, 'Expert ' || split_part(email, '@', 1), categories, city);
begin
  update public.experts set status = 'approved', approved_at = now() where id = expert_id;
  insert into public.user_roles (user_id, role) values (user_id, 'expert');
  return user_id;
end
$$;

create or replace function tests.expert_id(user_id uuid) returns uuid
language sql stable set search_path = '' as $$
  select p.expert_id from public.expert_private p where p.user_id = expert_id.user_id
$$;

-- A consumer lead posted by `owner_id` through the real RPC (client phone 052-555-1234).
create or replace function tests.consumer_lead(owner_id uuid, category text default 'plumbing', city text default 'tel-aviv',
                                               title text default 'Fix a leaking sink') returns uuid
language plpgsql set search_path = '' as $$
declare
  lead_id uuid;
begin
  perform tests.act_as(owner_id);
  lead_id := public.create_lead('consumer', title, 'The kitchen sink leaks under the counter', 'Door code 4321', category, city,
                                60000, 'ILS', 'Dana Levi', '052-555-1234', 'dana@example.com', 'Herzl 1, Tel Aviv');
  perform set_config('role', 'postgres', true);
  return lead_id;
end
$$;

-- A referral lead posted by the expert `owner_id`, on the board or private.
create or replace function tests.referral_lead(owner_id uuid, share numeric default 20, visibility text default 'board') returns uuid
language plpgsql set search_path = '' as $$
declare
  lead_id uuid;
begin
  perform tests.act_as(owner_id);
  lead_id := public.create_lead('referral', 'Bathroom renovation', 'Full bathroom, tiles and plumbing', 'Second floor', 'renovation',
                                'tel-aviv', 1500000, 'ILS', 'Yael Ben-David', '+972 54 777 8899', null, 'Dizengoff 10',
                                referrer_share_percent => share, visibility => visibility);
  perform set_config('role', 'postgres', true);
  return lead_id;
end
$$;

-- A proposal by the expert `user_id` through the real RPC.
create or replace function tests.propose(user_id uuid, lead_id uuid, price_cents bigint default 55000) returns uuid
language plpgsql set search_path = '' as $$
declare
  proposal_id uuid;
begin
  perform tests.act_as(user_id);
  proposal_id := public.submit_proposal(lead_id, price_cents, 'I can do it this week');
  perform set_config('role', 'postgres', true);
  return proposal_id;
end
$$;

-- The lead owner accepts a proposal through the real RPC; returns the payable id.
create or replace function tests.accept(owner_id uuid, proposal_id uuid) returns uuid
language plpgsql set search_path = '' as $$
declare
  payable_id uuid;
begin
  perform tests.act_as(owner_id);
  payable_id := public.accept_proposal(proposal_id);
  perform set_config('role', 'postgres', true);
  return payable_id;
end
$$;

-- A Stripe event as the webhook hands it to apply_stripe_event.
create or replace function tests.stripe_event(id text, type text, object jsonb) returns jsonb
language sql immutable set search_path = '' as $$
  select jsonb_build_object('id', id, 'object', 'event', 'type', type, 'data', jsonb_build_object('object', object))
$$;

-- The webhook's call, as the secret key does it.
create or replace function tests.deliver(event jsonb, fee_cents bigint default null) returns text
language plpgsql set search_path = '' as $$
declare
  outcome text;
begin
  perform set_config('role', 'service_role', true);
  outcome := public.apply_stripe_event(event, fee_cents);
  perform set_config('role', 'postgres', true);
  return outcome;
end
$$;

-- A paid consumer job: a lead by `owner_id`, the expert's accepted proposal, a payment prepared by
-- the owner and Stripe's checkout.session.completed for it. Returns the payable id.
create or replace function tests.paid_job(owner_id uuid, expert_user_id uuid, price_cents bigint default 100000) returns uuid
language plpgsql set search_path = '' as $$
declare
  lead_id uuid := tests.consumer_lead(owner_id);
  payable_id uuid := tests.accept(owner_id, tests.propose(expert_user_id, lead_id, price_cents));
  payment_id uuid;
begin
  perform tests.act_as(owner_id);
  select p.payment_id into payment_id from public.prepare_payment(payable_id) p;
  perform set_config('role', 'postgres', true);
  perform tests.deliver(tests.stripe_event('evt_cs_' || payment_id, 'checkout.session.completed',
    jsonb_build_object('id', 'cs_' || payment_id, 'object', 'checkout.session', 'payment_status', 'paid',
                       'amount_total', price_cents, 'currency', 'ils', 'payment_intent', 'pi_' || payment_id,
                       'metadata', jsonb_build_object('payment_id', payment_id))));
  return payable_id;
end
$$;

-- Moves the money clock (the database owner only).
create or replace function tests.advance_clock(by interval) returns void
language sql set search_path = '' as $$
  update private.clock_offset set shift = shift + by
$$;

-- An account's balance as its owner sees it: liabilities and revenue positive.
create or replace function tests.balance(purpose text, currency text, expert_id uuid default null) returns bigint
language sql stable set search_path = '' as $$
  select coalesce(-sum(e.amount_cents), 0)::bigint
    from private.ledger_entries e join private.ledger_accounts a on a.id = e.account_id
   where a.purpose::text = balance.purpose and a.currency = balance.currency and a.expert_id is not distinct from balance.expert_id
$$;

select has_schema('tests', 'the shared test helpers are installed');
select * from finish();
