-- The webhook benchmark's data set, generated set-based as `postgres` (the RPCs one by one would take
-- minutes): `bench.payments` accepted consumer jobs, each in the state accept_proposal and then
-- prepare_payment leave it in: an assigned lead with its contact row, the accepted proposal, the
-- winner's contact-access grant, a due payable priced by price_lead_split with the policy in force,
-- and one pending payment. 2,000 customers own the leads and 200 approved experts do the work, so
-- the ledger's per-expert accounts are shared the way a live marketplace's are.
-- Run with `set bench.payments = <n>` first.
select setseed(0.2511);

create temp table wb_users as
select n, gen_random_uuid() as id, n <= 200 as is_expert, now() - interval '90 days' as created_at
  from generate_series(1, 2200) n;

-- The sign-up trigger gives each a profile and the 'customer' role.
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
                        raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated',
       format('%s%s@webhook-bench.example.com', case when u.is_expert then 'expert' else 'customer' end, u.n), null, u.created_at,
       '{"provider": "email", "providers": ["email"]}', jsonb_build_object('display_name', 'Bench User ' || u.n, 'locale', 'he'),
       u.created_at, u.created_at
  from wb_users u;

create temp table wb_experts as
select u.n, u.id as user_id, gen_random_uuid() as expert_id from wb_users u where u.is_expert;

insert into public.experts (id, display_name, headline, bio, city, service_radius_km, currency, status, submitted_at, approved_at,
                            created_at, updated_at)
select e.expert_id, 'Bench Expert ' || e.n, 'Plumbing in Tel Aviv', 'Clear quotes, on time, references on request.', 'tel-aviv', 30,
       'ILS', 'approved', now() - interval '80 days', now() - interval '79 days', now() - interval '80 days', now() - interval '79 days'
  from wb_experts e;
insert into public.expert_private (expert_id, user_id, decided_at) select expert_id, user_id, now() - interval '79 days' from wb_experts;
insert into public.user_roles (user_id, role) select user_id, 'expert' from wb_experts;
insert into public.expert_categories (expert_id, category) select expert_id, 'plumbing' from wb_experts;

/** The jobs: owner, performer and price drawn per job; prices are whole shekels from 150 to 5,000 */
create temp table wb_jobs as
select g.n, gen_random_uuid() as lead_id, gen_random_uuid() as proposal_id, gen_random_uuid() as payable_id,
       gen_random_uuid() as payment_id, c.id as owner_id, e.expert_id, e.user_id as performer_user_id,
       (150 + floor(random() * 4851))::bigint * 100 as price_cents, now() - interval '2 days' + g.n * interval '1 ms' as created_at
  from generate_series(1, current_setting('bench.payments')::int) g(n)
  join wb_users c on c.n = 201 + (g.n * 7919::bigint) % 2000
  join wb_experts e on e.n = 1 + (g.n * 104729::bigint) % 200;

insert into private.leads (id, kind, visibility, status, owner_id, title, summary, category, city, budget_cents, currency,
                           client_name_hint, client_phone_hint, proposal_count, expires_at, assigned_at, created_at, updated_at)
select j.lead_id, 'consumer', 'board', 'assigned', j.owner_id, 'Leaking kitchen sink', 'Water drips under the sink.', 'plumbing',
       'tel-aviv', j.price_cents, 'ILS', 'D.', private.phone_hint('+972501234567'), 1, j.created_at + interval '30 days',
       j.created_at + interval '1 day', j.created_at, j.created_at + interval '1 day'
  from wb_jobs j order by j.n;
insert into private.lead_contacts (lead_id, client_name, client_phone)
select j.lead_id, 'Dana Cohen', '+972501234567' from wb_jobs j order by j.n;
insert into public.proposals (id, lead_id, expert_id, price_cents, currency, message, status, created_at, updated_at, decided_at)
select j.proposal_id, j.lead_id, j.expert_id, j.price_cents, 'ILS', 'I can start this week.', 'accepted', j.created_at,
       j.created_at + interval '1 day', j.created_at + interval '1 day'
  from wb_jobs j order by j.n;
insert into private.contact_access_grants (lead_id, expert_id, user_id, granted_at)
select j.lead_id, j.expert_id, j.performer_user_id, j.created_at + interval '1 day' from wb_jobs j order by j.n;

-- Priced exactly as accept_proposal prices them: the split from the policy in force.
insert into private.payables (id, lead_id, proposal_id, lead_owner_id, payer_kind, payer_user_id, performer_expert_id, performer_user_id,
                              amount_cents, currency, fee_policy_version, platform_percent, referrer_share_percent, platform_fee_cents,
                              referrer_fee_cents, performer_net_cents, created_at, updated_at)
select j.payable_id, j.lead_id, j.proposal_id, j.owner_id, 'lead_owner', j.owner_id, j.expert_id, j.performer_user_id, j.price_cents,
       'ILS', v.version, s.platform_percent, 0, s.platform_fee_cents, s.referrer_fee_cents, s.performer_net_cents,
       j.created_at + interval '1 day', j.created_at + interval '1 day'
  from wb_jobs j
 cross join (select private.current_fee_policy_version() as version) v
 cross join lateral private.price_lead_split('consumer', j.price_cents, 0, 'ILS', v.version) s
 order by j.n;

-- As prepare_payment records the checkout attempt: pending, the payable's amount.
insert into private.payments (id, payable_id, payer_user_id, amount_cents, currency, created_at)
select j.payment_id, j.payable_id, j.owner_id, j.price_cents, 'ILS', j.created_at + interval '2 days' from wb_jobs j order by j.n;

analyze public.profiles, public.user_roles, public.experts, public.expert_private, public.expert_categories, private.leads,
        private.lead_contacts, public.proposals, private.contact_access_grants, private.payables, private.payments;
