-- The payouts benchmark's experts, generated set-based as `postgres` the way webhook-data.sql makes
-- its own: `bench.experts` approved experts, each an auth user (the sign-up trigger gives a profile
-- and the 'customer' role) with the expert role, a category and the private row. Their Stripe
-- accounts come next, from the fake (payouts-setup.ts), then their ledger (payouts-ledger.sql).
-- Run with `set bench.experts = <n>` first.
select setseed(0.1126);

create temp table pb_users as
select n, gen_random_uuid() as id, now() - interval '200 days' as created_at
  from generate_series(1, current_setting('bench.experts')::int) n;

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
                        raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', format('expert%s@payouts-bench.example.com', u.n),
       null, u.created_at, '{"provider": "email", "providers": ["email"]}',
       jsonb_build_object('display_name', 'Payout Bench Expert ' || u.n, 'locale', 'he'), u.created_at, u.created_at
  from pb_users u;

create temp table pb_new_experts as
select u.n, u.id as user_id, gen_random_uuid() as expert_id from pb_users u;

insert into public.experts (id, display_name, headline, bio, city, service_radius_km, currency, status, submitted_at, approved_at,
                            created_at, updated_at)
select e.expert_id, 'Payout Bench Expert ' || e.n, 'Plumbing in Tel Aviv', 'Clear quotes, on time, references on request.', 'tel-aviv', 30,
       'ILS', 'approved', now() - interval '190 days', now() - interval '189 days', now() - interval '190 days', now() - interval '189 days'
  from pb_new_experts e order by e.n;
insert into public.expert_private (expert_id, user_id, decided_at) select expert_id, user_id, now() - interval '189 days' from pb_new_experts;
insert into public.user_roles (user_id, role) select user_id, 'expert' from pb_new_experts;
insert into public.expert_categories (expert_id, category) select expert_id, 'plumbing' from pb_new_experts;

analyze auth.users, public.profiles, public.user_roles, public.experts, public.expert_private, public.expert_categories;
