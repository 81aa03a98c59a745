-- Demo data for `npm start`, `npm run db:reset` and `supabase db reset`; never rows the product
-- needs to be correct (those live in migrations). Every demo account's password is `demo-password`.
--   admin@example.com      admin (the first admin, made by private.create_first_admin)
--   expert1@example.com    approved expert: plumbing and renovation, Tel Aviv
--   expert2@example.com    approved expert: tax and accounting, Jerusalem
--   applicant@example.com  a pending expert application, for the admin's review queue
--   customer@example.com   customer, with two open job requests (one with a proposal from expert1)
-- expert1 also posts a referral lead for peers on the board.
-- Users are created with SQL as GoTrue stores them (bcrypt via pgcrypto); everything else goes
-- through the same RPCs the app calls, acting as each user by setting the request's JWT claims.

create function pg_temp.demo_user(user_id uuid, email text, display_name text, locale text) returns void
language sql as $$
  insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                          raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
  values ('00000000-0000-0000-0000-000000000000', user_id, 'authenticated', 'authenticated', email,
          extensions.crypt('demo-password', extensions.gen_salt('bf', 10)), now(),
          '{"provider": "email", "providers": ["email"]}',
          jsonb_build_object('display_name', display_name, 'locale', locale), now(), now());
  insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
  values (user_id::text, user_id, jsonb_build_object('sub', user_id::text, 'email', email, 'email_verified', true),
          'email', now(), now(), now());
$$;

create function pg_temp.act_as(user_id uuid) returns void
language sql as $$
  select set_config('request.jwt.claims', jsonb_build_object('sub', user_id, 'role', 'authenticated')::text, false);
$$;

select pg_temp.demo_user('00000000-0000-4000-a000-000000000001', 'admin@example.com', 'Dana Levi', 'he');
select pg_temp.demo_user('00000000-0000-4000-a000-000000000002', 'expert1@example.com', 'Yossi Cohen', 'he');
select pg_temp.demo_user('00000000-0000-4000-a000-000000000003', 'expert2@example.com', 'Maya Friedman', 'en');
select pg_temp.demo_user('00000000-0000-4000-a000-000000000004', 'applicant@example.com', 'Omer Katz', 'he');
select pg_temp.demo_user('00000000-0000-4000-a000-000000000005', 'customer@example.com', 'Noa Shapiro', 'en');

select private.create_first_admin('admin@example.com');

select pg_temp.act_as('00000000-0000-4000-a000-000000000002');
select public.apply_as_expert(
  display_name => 'Yossi Cohen', headline => 'Licensed plumber, 15 years in Tel Aviv',
  bio => 'Leaks, boilers, bathroom renovations and emergency repairs across the Dan region.',
  categories => array['plumbing', 'renovation'], city => 'tel-aviv',
  specialties => array['Water heaters', 'Leak detection', 'Bathroom renovation'], languages => array['he', 'en'],
  service_radius_km => 30, hourly_rate => 25000, currency => 'ILS');

select pg_temp.act_as('00000000-0000-4000-a000-000000000003');
select public.apply_as_expert(
  display_name => 'Maya Friedman', headline => 'CPA for freelancers and small businesses',
  bio => 'Annual reports, VAT, bookkeeping and tax planning for freelancers, startups and families.',
  categories => array['tax', 'accounting'], city => 'jerusalem',
  specialties => array['Freelancer tax returns', 'VAT', 'Bookkeeping'], languages => array['he', 'en', 'ru'],
  service_radius_km => 50, hourly_rate => 40000, currency => 'ILS');

select pg_temp.act_as('00000000-0000-4000-a000-000000000004');
select public.apply_as_expert(
  display_name => 'Omer Katz', headline => 'Electrician for homes and offices',
  bio => 'Panel upgrades, smart lighting and EV chargers in the Haifa area.',
  categories => array['electrical'], city => 'haifa', languages => array['he', 'ar'],
  service_radius_km => 40, hourly_rate => 22000, currency => 'ILS');

select pg_temp.act_as('00000000-0000-4000-a000-000000000001');
select public.decide_expert_application(expert_id => e.id, approve => true, note => 'Welcome to Guildhall!')
  from public.experts e join public.expert_private p on p.expert_id = e.id
 where p.user_id in ('00000000-0000-4000-a000-000000000002', '00000000-0000-4000-a000-000000000003');

-- Job requests, proposals and a referral lead, through the same RPCs.
select pg_temp.act_as('00000000-0000-4000-a000-000000000005');
select public.create_lead(
  kind => 'consumer', title => 'Leaking kitchen sink', summary => 'Water drips under the kitchen sink; the cabinet floor is wet.',
  details => 'Third floor, no elevator. Parking in the back.', category => 'plumbing', city => 'tel-aviv',
  budget_cents => 60000, currency => 'ILS', client_name => 'Noa Shapiro', client_phone => '052-555-0101',
  client_email => 'customer@example.com', client_address => 'Herzl St 10, Tel Aviv');
select public.create_lead(
  kind => 'consumer', title => 'Annual tax return for a freelancer', summary => 'Freelance designer, first year with expenses to report.',
  details => 'Receipts are in a shared folder I can send.', category => 'tax', city => 'jerusalem',
  budget_cents => 150000, currency => 'ILS', client_name => 'Noa Shapiro', client_phone => '052-555-0101',
  client_email => 'customer@example.com', client_address => null);

select pg_temp.act_as('00000000-0000-4000-a000-000000000002');
select public.submit_proposal(lead_id => (select id from private.leads where title = 'Leaking kitchen sink'), price_cents => 45000, message => 'I can come tomorrow morning with parts for a new siphon.');
select public.create_lead(
  kind => 'referral', title => 'Bathroom renovation in Ramat Gan', summary => 'Full bathroom: tiles, shower and vanity. I handle the plumbing part only.',
  details => 'Client prefers work on weekdays.', category => 'renovation', city => 'ramat-gan',
  budget_cents => 2500000, currency => 'ILS', client_name => 'Eli Mizrahi', client_phone => '054-777-0202',
  client_email => null, client_address => 'Bialik St 5, Ramat Gan', referrer_share_percent => 15, visibility => 'board');

select set_config('request.jwt.claims', '', false);
