-- The lead board benchmark's data set, generated set-based as `postgres` (minutes as RPC calls,
-- seconds this way): 2,000 approved experts, 20,000 customers, 100,000 leads with their contact rows
-- and 300,000 proposals, shaped like a live marketplace. Seeded (setseed): the same distributions
-- every run, give or take a row (uuids, and so some row orders, differ).
-- Every row satisfies the tables' checks and the RPCs' rules (one live proposal per expert and lead,
-- nobody proposes on their own lead, proposal_count = live proposals, hints fixed from the contact).
-- Expert 1 is the bench expert: Tel Aviv, plumbing and renovation, a 30 km radius, like the seed's
-- expert1, so the board it sees is a typical one.
select setseed(0.2026);

-- Leads live 60 days here (30 by default), so the whole 60-day window can be open; open leads are
-- younger than 59 days, so the pg_cron expiry job finds nothing to expire while the bench runs.
update private.marketplace_settings set lead_ttl_days = 60;

/** Weights: the big Israeli cities first, a few leads abroad; home services are most of the work */
create temp table bench_city (city text primary key, weight int, currency text);
insert into bench_city values
  ('tel-aviv', 180, 'ILS'), ('jerusalem', 140, 'ILS'), ('haifa', 90, 'ILS'), ('rishon-lezion', 60, 'ILS'),
  ('petah-tikva', 60, 'ILS'), ('ashdod', 50, 'ILS'), ('netanya', 50, 'ILS'), ('beer-sheva', 50, 'ILS'),
  ('holon', 40, 'ILS'), ('ramat-gan', 40, 'ILS'), ('bnei-brak', 30, 'ILS'), ('rehovot', 30, 'ILS'),
  ('bat-yam', 30, 'ILS'), ('ashkelon', 30, 'ILS'), ('herzliya', 20, 'ILS'), ('kfar-saba', 20, 'ILS'),
  ('raanana', 20, 'ILS'), ('modiin', 20, 'ILS'), ('hadera', 15, 'ILS'), ('nazareth', 15, 'ILS'),
  ('tiberias', 10, 'ILS'), ('eilat', 10, 'ILS'), ('london', 5, 'EUR'), ('new-york', 5, 'USD'),
  ('berlin', 3, 'EUR'), ('paris', 2, 'EUR');

-- Budgets are log-uniform between lo and hi (whole shekels); titles and summaries are public text,
-- so no phone numbers or emails in them (the has_contact_details check).
create temp table bench_category (category text primary key, weight int, lo int, hi int, titles text[], summaries text[]);
insert into bench_category values
  ('plumbing', 140, 300, 4000,
   '{"Leaking kitchen sink","Replace a water heater","Blocked shower drain","New toilet and bathroom taps","Low water pressure in the flat"}',
   '{"Water drips under the sink and the cabinet floor is wet.","The boiler is old and takes an hour to heat water.","Water pools in the shower after a minute."}'),
  ('electrical', 100, 300, 6000,
   '{"Add sockets in the living room","Fuse keeps tripping","Install an EV charger","Replace the electrical panel","Garden lighting"}',
   '{"The main fuse trips whenever the oven and kettle run together.","Parking spot in the building garage, panel on the same floor.","Old ceramic fuses, the insurer asks for a modern panel."}'),
  ('renovation', 120, 5000, 250000,
   '{"Bathroom renovation","Kitchen remodel","Replace floor tiles","Open a wall between kitchen and living room","Paint a three-room flat"}',
   '{"Full bathroom: tiles, shower and vanity.","Old kitchen out, new cabinets and counter in; we have a design.","About ninety square metres, the flat is empty."}'),
  ('cleaning', 110, 150, 2000,
   '{"Deep clean before moving in","Weekly home cleaning","Office cleaning, twice a week","Window cleaning, high floor","Post-renovation cleaning"}',
   '{"Four rooms and two bathrooms, empty flat.","Small office, eight desks and a kitchenette.","Dust everywhere after the renovation finished."}'),
  ('moving', 80, 1200, 12000,
   '{"Move a three-room flat","Move a piano","Small office move","Storage for two months","Move within the building"}',
   '{"Third floor without an elevator, new place has one.","About forty boxes and the usual furniture.","Need packing materials and help with the wardrobe."}'),
  ('gardening', 50, 200, 5000,
   '{"Garden maintenance, monthly","Drip irrigation for the balcony","Prune the trees","New lawn","Design a small garden"}',
   '{"Small garden behind the house, overgrown.","Balcony with about twenty pots.","Two old olive trees near the fence."}'),
  ('tax', 60, 800, 8000,
   '{"Annual tax return for a freelancer","Tax refund for past years","VAT reporting","Tax planning for a new business","Capital gains on a flat sale"}',
   '{"Freelance designer, first year with expenses to report.","Employee with two employers last year.","Selling an inherited flat, need advice first."}'),
  ('legal', 60, 1500, 30000,
   '{"Review a rental contract","Set up a company","Employment dispute","Will and estate planning","Trademark registration"}',
   '{"Contract for a flat, the landlord wants a long guarantee.","Two founders, simple structure.","Dismissed without a hearing, need advice."}'),
  ('accounting', 60, 600, 12000,
   '{"Bookkeeping for a small business","Payroll for five employees","Year-end reports","Switch accountants","Invoices and expense tracking"}',
   '{"Small shop, a few hundred invoices a year.","Five employees, monthly payroll.","Current accountant is retiring."}'),
  ('marketing', 50, 2000, 40000,
   '{"Social media for a restaurant","Google Ads campaign","Brand identity for a startup","Newsletter setup","Landing page copy"}',
   '{"New restaurant, opening next month.","B2B software, small budget, clear audience.","Logo, colours and a short brand book."}'),
  ('logistics', 30, 2000, 30000,
   '{"Warehouse space for an online shop","Import shipment from Europe","Last-mile delivery partner","Customs clearance","Inventory system setup"}',
   '{"Online shop, about two hundred orders a week.","One container a quarter, household goods.","Looking for a partner in the centre of the country."}'),
  ('software', 70, 10000, 250000,
   '{"Build an MVP web app","Fix bugs in a mobile app","Migrate to the cloud","Online booking system","Shop on a new platform"}',
   '{"Marketplace idea, designs ready, need a developer.","React Native app, crashes on older phones.","Legacy server in the office, want it managed."}'),
  ('data-ai', 40, 10000, 200000,
   '{"Dashboard for sales data","Chatbot for customer service","Clean up a customer database","Forecast demand","Document search with AI"}',
   '{"Sales data in spreadsheets, want weekly dashboards.","Customer questions repeat, want a first-line bot.","Duplicates and old records across systems."}'),
  ('integrations', 30, 5000, 60000,
   '{"Connect the CRM to the website","Sync invoices with the accounting system","Payment provider integration","Automate order emails","Calendar booking integration"}',
   '{"Leads from the website should land in the CRM.","Invoices typed twice today.","Switching payment provider, shop on a hosted platform."}');

-- Weighted picks as lookup arrays: one slot per weight unit, so a pick is one random subscript.
create temp table bench_pick as
select (select array_agg(city order by city, g) from bench_city, generate_series(1, weight) g) as cities,
       (select array_agg(category order by category, g) from bench_category, generate_series(1, weight) g) as categories,
       array['Yossi','Noa','Dana','Avi','Maya','Omer','Tamar','Eitan','Shira','Itai','Yael','Daniel','Michal','Amit',
             'Roni','Lior','Ariel','Hila','Gal','Nadav','Rami','Sivan','Yuval','Adi','Moshe','Rivka','Samir','Lina','Olga','Boris'] as first_names,
       array['Cohen','Levi','Mizrahi','Peretz','Biton','Friedman','Katz','Shapiro','Avraham','Dahan','Azoulay','Ben-David',
             'Goldberg','Halevi','Rosen','Amar','Haddad','Khoury','Ivanov','Klein'] as last_names;

/** Users: 2,000 experts and 20,000 customers; the sign-up trigger gives each a profile and 'customer' */
create temp table bench_users as
select n, gen_random_uuid() as id, n <= 2000 as is_expert,
       p.first_names[1 + floor(random() * 30)::int] || ' ' || p.last_names[1 + floor(random() * 20)::int] as display_name,
       now() - random() * interval '400 days' - interval '60 days' as created_at
  from generate_series(1, 22000) n, bench_pick p;

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
                        raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated',
       format('%s%s@bench.example.com', case when u.is_expert then 'expert' else 'customer' end, u.n),
       null, u.created_at, '{"provider": "email", "providers": ["email"]}',
       jsonb_build_object('display_name', u.display_name, 'locale', case when u.n % 3 = 0 then 'en' else 'he' end), u.created_at, u.created_at
  from bench_users u;
insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', a.email, 'email_verified', true), 'email', u.created_at, u.created_at
  from bench_users u join auth.users a on a.id = u.id;

/** Experts: weighted city and main category; a sibling category for half; a whole group for a few */
create temp table bench_experts as
select u.n, u.id as user_id, gen_random_uuid() as expert_id, u.display_name, u.created_at,
       case when u.n = 1 then 'tel-aviv' else p.cities[1 + floor(random() * cardinality(p.cities))::int] end as city,
       case when u.n = 1 then 'plumbing' else p.categories[1 + floor(random() * cardinality(p.categories))::int] end as main_category,
       case when u.n = 1 then 30 else (array[10, 15, 20, 20, 25, 25, 25, 30, 30, 40, 50, 75, 100])[1 + floor(random() * 13)::int] end as radius,
       random() as r
  from bench_users u, bench_pick p
 where u.is_expert;

insert into public.experts (id, display_name, headline, bio, specialties, languages, city, service_radius_km, hourly_rate, currency,
                            status, submitted_at, approved_at, created_at, updated_at)
select e.expert_id, e.display_name, initcap(replace(e.main_category, '-', ' ')) || ' in ' || c.name_en,
       'Experienced professional serving ' || c.name_en || ' and the surrounding area. Clear quotes, on time, references on request.',
       array[initcap(replace(e.main_category, '-', ' '))],
       (array['{he,en}', '{he}', '{he,ru}', '{ar,he}', '{he,en,fr}'])[1 + floor(e.r * 5)::int]::text[],
       e.city, e.radius, (100 + floor(random() * 40) * 10)::int * 100, 'ILS', 'approved',
       e.created_at, e.created_at + interval '2 days', e.created_at, e.created_at + interval '2 days'
  from bench_experts e join public.cities c on c.slug = e.city;

insert into public.expert_private (expert_id, user_id, decided_at, created_at, updated_at)
select expert_id, user_id, created_at + interval '2 days', created_at, created_at + interval '2 days' from bench_experts;
insert into public.user_roles (user_id, role, granted_at) select user_id, 'expert', created_at + interval '2 days' from bench_experts;

insert into public.expert_categories (expert_id, category)
select e.expert_id, e.main_category from bench_experts e
union
select e.expert_id, 'renovation' from bench_experts e where e.n = 1
union
select e.expert_id, s.slug from bench_experts e
  cross join lateral (select c.slug from public.categories c
                       where c.parent_slug = (select k.parent_slug from public.categories k where k.slug = e.main_category)
                         and c.slug <> e.main_category and e.r < 0.5 and e.n > 1
                       order by random() limit 1) s
union
select e.expert_id, k.parent_slug from bench_experts e join public.categories k on k.slug = e.main_category where e.r > 0.95 and e.n > 1;

-- Who may propose on what: the experts serving each category (groups expanded) within reach of each
-- city, shuffled; a lead's proposals come from consecutive slots, so one expert proposes once.
create temp table bench_reach as
select category, city, array_agg(expert_id order by random()) as experts
  from (select distinct c.slug as category, d.to_city as city, e.expert_id
          from public.categories c
          join public.expert_categories ec on ec.category in (c.slug, c.parent_slug)
          join bench_experts e on e.expert_id = ec.expert_id
          join public.city_distances d on d.from_city = e.city and d.km <= e.radius
         where c.parent_slug is not null) reach
 group by category, city;

/** Leads: 15% referral (a fifth of those private), ~80% open on the board, the rest decided */
create temp table bench_leads as
with drawn as (
  select n, gen_random_uuid() as id, random() < 0.15 as is_referral, random() as r_vis, random() as r_status, random() as r_budget,
         p.categories[1 + floor(random() * cardinality(p.categories))::int] as category,
         p.cities[1 + floor(random() * cardinality(p.cities))::int] as city,
         1 + floor(power(random(), 1.6) * 20000)::int as customer_n, 1 + floor(random() * 2000)::int as referrer_n
    from generate_series(1, 100000) n, bench_pick p
), stated as (
  select d.*, case when d.is_referral and d.r_vis < 0.2 then 'private' else 'board' end as visibility,
         case when d.r_status < 0.825 then 'open' when d.r_status < 0.915 then 'assigned'
              when d.r_status < 0.96 then 'cancelled' else 'expired' end as status
    from drawn d
)
select s.n, s.id, s.category, s.city, s.status, s.visibility,
       case when s.is_referral then 'referral' else 'consumer' end as kind,
       case when s.is_referral then x.user_id else cu.id end as owner_id,
       case when s.is_referral then x.expert_id end as referrer_expert_id,
       case when s.is_referral then (5 * (1 + floor(random() * 6)))::numeric else 0 end as share,
       -- Expired leads outlived the 60 days; the others are spread over the last 59.
       case when s.status = 'expired' then now() - interval '60 days' - random() * interval '30 days'
            else now() - random() * interval '59 days' end as created_at,
       case when s.r_budget < 0.15 then null
            else (round(exp(ln(k.lo) + random() * (ln(k.hi) - ln(k.lo))) / 50) * 50 * 100)::bigint end as budget_cents,
       bc.currency, k.titles[1 + floor(random() * cardinality(k.titles))::int] as title,
       k.summaries[1 + floor(random() * cardinality(k.summaries))::int] as summary,
       p.first_names[1 + floor(random() * 30)::int] as client_first, p.last_names[1 + floor(random() * 20)::int] as client_last,
       '+9725' || (array['0', '2', '3', '4', '8'])[1 + floor(random() * 5)::int] || lpad(floor(random() * 10000000)::text, 7, '0') as client_phone,
       random() < 0.7 as has_email, random() < 0.6 as has_address, random() < 0.5 as has_details,
       greatest(0, floor(-ln(1 - random()) * 3.6))::int as wanted_proposals
  from stated s
  join bench_category k on k.category = s.category
  join bench_city bc on bc.city = s.city
  cross join bench_pick p
  left join bench_users cu on cu.n = 2000 + s.customer_n
  left join bench_experts x on x.n = s.referrer_n;

/** Proposals: from experts who serve the lead's category and reach its city, statuses that follow
    the lead's state; assigned leads have their accepted one first. Capped at exactly 300,000. */
create temp table bench_proposals as
with slots as (
  select l.id as lead_id, l.status, l.created_at as lead_created, l.budget_cents, l.currency, l.referrer_expert_id, j,
         r.experts[1 + (o.offset_ + j) % cardinality(r.experts)] as expert_id
    from bench_leads l
    join bench_reach r on r.category = l.category and r.city = l.city
   cross join lateral (select floor(random() * cardinality(r.experts))::int as offset_) o
   cross join lateral generate_series(0, least(case when l.status = 'assigned' then greatest(l.wanted_proposals, 1) else l.wanted_proposals end,
                                               cardinality(r.experts)) - 1) j
), ranked as (
  select s.*, row_number() over (partition by s.lead_id order by s.j) as rk
    from slots s where s.expert_id is distinct from s.referrer_expert_id
), kept as (
  select * from ranked r order by (r.status = 'assigned' and r.rk = 1) desc, random() limit 300000
)
select gen_random_uuid() as id, k.lead_id, k.expert_id, k.currency,
       greatest(case k.currency when 'ILS' then 5000 else 1500 end,
                (round(coalesce(k.budget_cents, 80000) * (0.6 + random() * 0.8) / 1000) * 1000)::bigint) as price_cents,
       (array['I can start this week and bring everything needed.', 'Done this many times; happy to come and take a look first.',
              'Fixed price, materials included. Available on weekdays.', 'Can do it next week. Price may change if we find surprises.'])
         [1 + floor(random() * 4)::int] as message,
       case when random() < 0.4 then (now() + random() * interval '20 days')::date end as proposed_date,
       case when k.status = 'assigned' and k.rk = 1 then 'accepted'
            when random() < 0.1 then 'withdrawn'
            when k.status = 'open' then 'submitted'
            else 'declined' end as status,
       k.lead_created + random() * least(now() - k.lead_created, interval '5 days') as created_at
  from kept k;

-- A lead nobody can reach was never assigned: it stays open (it has no proposals at all).
update bench_leads l set status = 'open'
 where l.status = 'assigned' and not exists (select 1 from bench_proposals p where p.lead_id = l.id and p.status = 'accepted');

-- proposal_count is the number of live proposals, as the RPCs keep it: submitted ones on an open
-- lead, the accepted one on an assigned lead, none on a cancelled or expired one.
create temp table bench_counts as
select lead_id, count(*) filter (where status in ('submitted', 'accepted')) as live, min(created_at) as first_at,
       max(created_at) as last_at
  from bench_proposals group by lead_id;

insert into private.leads (id, kind, visibility, status, owner_id, referrer_expert_id, title, summary, category, city, budget_cents,
                           currency, referrer_share_percent, share_locked_at, client_name_hint, client_phone_hint, client_email_hint,
                           proposal_count, expires_at, assigned_at, cancelled_at, created_at, updated_at)
select l.id, l.kind::public.lead_kind, l.visibility::public.lead_visibility, l.status::public.lead_status, l.owner_id,
       l.referrer_expert_id, l.title, l.summary, l.category, l.city, l.budget_cents, l.currency, l.share, c.first_at,
       left(l.client_first, 1) || '.', private.phone_hint(l.client_phone),
       case when l.has_email then private.email_hint(lower(l.client_first || '.' || l.client_last || l.n || '@example.com')) end,
       coalesce(c.live, 0), l.created_at + interval '60 days',
       case when l.status = 'assigned' then least(now(), c.last_at + interval '1 hour') end,
       case when l.status = 'cancelled' then l.created_at + random() * (now() - l.created_at) end,
       l.created_at, l.created_at
  from bench_leads l left join bench_counts c on c.lead_id = l.id
 order by l.created_at; -- rows arrive over time: the heap is in creation order, as a live table's is

insert into private.lead_contacts (lead_id, client_name, client_phone, client_email, client_address, details)
select l.id, l.client_first || ' ' || l.client_last, l.client_phone,
       case when l.has_email then lower(l.client_first || '.' || l.client_last || l.n || '@example.com') end,
       case when l.has_address then 'Herzl St ' || (1 + l.n % 120) || ', ' || c.name_en end,
       case when l.has_details then 'Best reached in the evening. Parking in the back.' end
  from bench_leads l join public.cities c on c.slug = l.city
 order by l.created_at;

insert into public.proposals (id, lead_id, expert_id, price_cents, currency, message, proposed_date, status, created_at, updated_at, decided_at)
select p.id, p.lead_id, p.expert_id, p.price_cents, p.currency, p.message, p.proposed_date, p.status::public.proposal_status,
       p.created_at, p.created_at, case when p.status <> 'submitted' then least(now(), p.created_at + interval '1 day') end
  from bench_proposals p
 order by p.created_at;

analyze public.profiles, public.user_roles, public.experts, public.expert_private, public.expert_categories,
        private.leads, private.lead_contacts, public.proposals;
