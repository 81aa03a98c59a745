-- The payouts benchmark's ledger, generated set-based as `postgres`: twelve weeks of jobs of the
-- experts payouts-data.sql made (each with a ready payout account by now), posted the way the
-- product posts them, then inserted in bulk. Every transaction sums to zero and is checked so at
-- commit by the ledger's own deferred trigger (left on: about a million checks, most of the time
-- this file takes). Run with `set bench.jobs = <n>` first; about 11.5 entries per job.
--
-- What the history holds, per job (`bench.jobs` of them, paid at a uniformly random time in the
-- last 84 days, for a uniformly random expert; 15% with a referrer, who gets 5%; the platform 10%):
--   payment        Stripe clearing +amount; platform escrow, expert escrow(s) −shares
--   processor_fee  processor fees +fee; Stripe clearing −fee
--   completion     1–10 days later: escrow → expert pending, platform escrow → revenue
--   hold_release   7 days after completion: expert pending → expert available
--   refund         3% of jobs, before completion: escrow back, Stripe clearing −amount
-- and, on top:
--   a pilot payout batch 35 days before the benchmark's period ends (payouts launched then): every
--   expert's available balance at its cutoff went out (payout, then payout_transfer), with its
--   payout_batches and payouts rows, status paid;
--   lost chargebacks on 2% of the jobs released before the pilot, after it: the card holder keeps
--   the money; each expert's share comes back from available as far as it covers it at that moment
--   and the rest is carried (what the expert owes), exactly as expert_reversal_entries splits it.
-- Ledger transactions have no payable (no leads, proposals or payables are generated): the batch
-- reads the ledger and the payout accounts only. 5% of the experts also work abroad (40% of their
-- jobs in EUR or USD), so some experts are paid in two currencies.
select setseed(0.2611);

create temp table pb_experts as
select row_number() over (order by pa.expert_id)::int as n, pa.expert_id, row_number() over (order by pa.expert_id) % 20 = 0 as abroad
  from private.payout_accounts pa join public.experts e on e.id = pa.expert_id
 where e.display_name like 'Payout Bench Expert %';

create temp table pb_jobs as
with draw as (
  select g.n, 1 + floor(random() * x.experts)::int as performer_n, 1 + floor(random() * x.experts)::int as referrer_n,
         random() < 0.15 as referred, random() as r_currency, random() as r_outcome, random() as r_chargeback, random() as r_when,
         (150 + floor(random() * 4851))::bigint * 100 as amount_cents,
         now() - random() * interval '84 days' as paid_at,
         interval '1 day' * (1 + random() * 9) as to_complete
    from generate_series(1, current_setting('bench.jobs')::int) g(n), (select count(*)::int as experts from pb_experts) x)
select d.n, p.expert_id as performer, case when d.referred and r.n <> p.n then r.expert_id end as referrer,
       case when p.abroad and d.r_currency < 0.4 then case when d.n % 2 = 0 then 'EUR' else 'USD' end else 'ILS' end as currency,
       d.amount_cents, d.r_outcome, d.r_chargeback, d.r_when, d.paid_at,
       d.paid_at + d.to_complete as completed_at, d.paid_at + d.to_complete + interval '7 days' as released_at,
       d.paid_at + d.to_complete * d.r_when as refund_at
  from draw d join pb_experts p on p.n = d.performer_n join pb_experts r on r.n = d.referrer_n;

alter table pb_jobs add column platform_fee bigint, add column referrer_fee bigint, add column net bigint, add column processor_fee bigint;
update pb_jobs set platform_fee = round(amount_cents * 0.10), referrer_fee = case when referrer is null then 0 else round(amount_cents * 0.05) end,
                   processor_fee = round(amount_cents * 0.029) + 30;
update pb_jobs set net = amount_cents - platform_fee - referrer_fee;
alter table pb_jobs add column refunded boolean, add column completed boolean, add column released boolean;
update pb_jobs set refunded = r_outcome < 0.03 and refund_at < now(), completed = r_outcome >= 0.03 and completed_at < now();
update pb_jobs set released = completed and released_at < now();

/** The entries, one transaction per key, before they get ids */
create temp table pb_entries (
  tx_key text not null,
  kind text not null,
  at timestamptz not null,
  purpose private.ledger_account_purpose not null,
  expert_id uuid,
  currency text not null,
  amount bigint not null
);

insert into pb_entries
select 'payment:pb-' || j.n, 'payment', j.paid_at, x.purpose, x.expert_id, j.currency, x.amount
  from pb_jobs j cross join lateral (values
         ('stripe_clearing'::private.ledger_account_purpose, null::uuid, j.amount_cents),
         ('platform_escrow', null, -j.platform_fee),
         ('expert_escrow', j.performer, -j.net),
         ('expert_escrow', j.referrer, -j.referrer_fee)) x(purpose, expert_id, amount)
 where x.amount <> 0;

insert into pb_entries
select 'processor_fee:pb-' || j.n, 'processor_fee', j.paid_at + interval '2 seconds', x.purpose, null, j.currency, x.amount
  from pb_jobs j cross join lateral (values
         ('processor_fees'::private.ledger_account_purpose, j.processor_fee),
         ('stripe_clearing', -j.processor_fee)) x(purpose, amount);

insert into pb_entries
select 'completion:pb-' || j.n, 'completion', j.completed_at, x.purpose, x.expert_id, j.currency, x.amount
  from pb_jobs j cross join lateral (values
         ('platform_escrow'::private.ledger_account_purpose, null::uuid, j.platform_fee),
         ('platform_revenue', null, -j.platform_fee),
         ('expert_escrow', j.performer, j.net),
         ('expert_pending', j.performer, -j.net),
         ('expert_escrow', j.referrer, j.referrer_fee),
         ('expert_pending', j.referrer, -j.referrer_fee)) x(purpose, expert_id, amount)
 where j.completed and x.amount <> 0;

insert into pb_entries
select 'release:pb-' || j.n, 'hold_release', j.released_at, x.purpose, x.expert_id, j.currency, x.amount
  from pb_jobs j cross join lateral (values
         ('expert_pending'::private.ledger_account_purpose, j.performer, j.net),
         ('expert_available', j.performer, -j.net),
         ('expert_pending', j.referrer, j.referrer_fee),
         ('expert_available', j.referrer, -j.referrer_fee)) x(purpose, expert_id, amount)
 where j.released and x.amount <> 0;

insert into pb_entries
select 'refund:pb-' || j.n, 'refund', j.refund_at, x.purpose, x.expert_id, j.currency, x.amount
  from pb_jobs j cross join lateral (values
         ('stripe_clearing'::private.ledger_account_purpose, null::uuid, -j.amount_cents),
         ('platform_escrow', null, j.platform_fee),
         ('expert_escrow', j.performer, j.net),
         ('expert_escrow', j.referrer, j.referrer_fee)) x(purpose, expert_id, amount)
 where j.refunded and x.amount <> 0;

/** The pilot batch: everything available at its cutoff, paid out (transferred, then paid to the bank) */
create temp table pb_pilot_batch as
select gen_random_uuid() as id, d as period_end, (d + 1)::timestamp at time zone 'UTC' as cutoff
  from (select (now() at time zone 'UTC')::date - 36 as d) x;

insert into private.payout_batches (id, period_end, created_by, created_at, executed_at)
select b.id, b.period_end, (select r.user_id from public.user_roles r where r.role = 'admin' order by r.user_id limit 1),
       b.cutoff + interval '2 hours 15 minutes', b.cutoff + interval '2 hours 20 minutes'
  from pb_pilot_batch b;

create temp table pb_pilot as
select gen_random_uuid() as payout_id, e.expert_id, e.currency, -sum(e.amount) as take
  from pb_entries e, pb_pilot_batch b
 where e.purpose = 'expert_available' and e.at < b.cutoff
 group by e.expert_id, e.currency
having -sum(e.amount) > 0;

insert into private.payouts (id, batch_id, expert_id, currency, amount_cents, available_cents, carry_netted_cents, stripe_account_id, status,
                             transfer_id, bank_payout_id, attempts, created_at, transferred_at, paid_at)
select p.payout_id, b.id, p.expert_id, p.currency, p.take, p.take, 0, pa.stripe_account_id, 'paid',
       'tr_pilot' || replace(p.payout_id::text, '-', ''), 'po_pilot' || replace(p.payout_id::text, '-', ''), 1,
       b.cutoff + interval '2 hours 15 minutes', b.cutoff + interval '2 hours 20 minutes', b.cutoff + interval '1 day'
  from pb_pilot p join private.payout_accounts pa on pa.expert_id = p.expert_id, pb_pilot_batch b;

insert into pb_entries
select 'payout:' || b.id || ':' || p.expert_id || ':' || p.currency, 'payout', b.cutoff + interval '2 hours 15 minutes', x.purpose, p.expert_id,
       p.currency, x.amount
  from pb_pilot p, pb_pilot_batch b,
       lateral (values ('expert_available'::private.ledger_account_purpose, p.take), ('expert_payout_in_flight', -p.take)) x(purpose, amount);

insert into pb_entries
select 'transfer:' || p.payout_id, 'payout_transfer', b.cutoff + interval '2 hours 20 minutes', x.purpose, x.expert_id, p.currency, x.amount
  from pb_pilot p, pb_pilot_batch b,
       lateral (values ('expert_payout_in_flight'::private.ledger_account_purpose, p.expert_id, p.take),
                       ('stripe_clearing', null::uuid, -p.take)) x(purpose, expert_id, amount);

/** Lost chargebacks after the pilot, split between available and carry as the product splits them */
create temp table pb_available as
select expert_id, currency, at, amount from pb_entries where purpose = 'expert_available';
create index on pb_available (expert_id, currency, at);
analyze pb_available;

create temp table pb_chargebacks as
select j.*, b.cutoff + interval '1 day' + (now() - b.cutoff - interval '1 day 1 hour') * j.r_when as lost_at
  from pb_jobs j, pb_pilot_batch b
 where j.released and j.released_at < b.cutoff and j.r_chargeback < 0.02;

do $$
declare
  c record;
  s record;
  v_available bigint;
  v_covered bigint;
begin
  for c in select * from pb_chargebacks order by lost_at, n loop
    -- Funds withdrawn when the dispute opened, three days earlier; the platform's commission back now.
    insert into pb_entries values
      ('chargeback:pb-' || c.n, 'chargeback', c.lost_at - interval '3 days', 'chargebacks_held', null, c.currency, c.amount_cents),
      ('chargeback:pb-' || c.n, 'chargeback', c.lost_at - interval '3 days', 'stripe_clearing', null, c.currency, -c.amount_cents),
      ('chargeback_lost:pb-' || c.n, 'chargeback', c.lost_at, 'chargebacks_held', null, c.currency, -c.amount_cents),
      ('chargeback_lost:pb-' || c.n, 'chargeback', c.lost_at, 'platform_revenue', null, c.currency, c.platform_fee);
    for s in select * from (values (c.performer, c.net), (c.referrer, c.referrer_fee)) x(expert_id, share) where x.share > 0 loop
      select -coalesce(sum(a.amount), 0) into v_available from pb_available a
       where a.expert_id = s.expert_id and a.currency = c.currency and a.at < c.lost_at;
      v_covered := least(greatest(v_available, 0), s.share);
      if v_covered > 0 then
        insert into pb_entries values ('chargeback_lost:pb-' || c.n, 'chargeback', c.lost_at, 'expert_available', s.expert_id, c.currency, v_covered);
        insert into pb_available values (s.expert_id, c.currency, c.lost_at, v_covered);
      end if;
      if s.share > v_covered then
        insert into pb_entries values ('chargeback_lost:pb-' || c.n, 'chargeback', c.lost_at, 'expert_carry', s.expert_id, c.currency, s.share - v_covered);
      end if;
    end loop;
  end loop;
end
$$;

/** Into the ledger: accounts, transactions in time order, then every entry */
insert into private.ledger_accounts (purpose, expert_id, currency)
select distinct purpose, expert_id, currency from pb_entries
on conflict (purpose, expert_id, currency) do nothing;

create temp table pb_tx as
select row_number() over (order by min(at), tx_key) + (select coalesce(max(id), 0) from private.ledger_transactions) as id,
       tx_key, min(kind) as kind, min(at) as at
  from pb_entries group by tx_key;

insert into private.ledger_transactions (id, kind, idempotency_key, effective_at, created_at) overriding system value
select id, kind, tx_key, at, at from pb_tx order by id;
select setval(pg_get_serial_sequence('private.ledger_transactions', 'id'), (select max(id) from private.ledger_transactions));

insert into private.ledger_entries (transaction_id, account_id, amount_cents, currency)
select t.id, a.id, e.amount, e.currency
  from pb_entries e
  join pb_tx t on t.tx_key = e.tx_key
  join private.ledger_accounts a
    on a.purpose = e.purpose and a.currency = e.currency
   and coalesce(a.expert_id, '00000000-0000-0000-0000-000000000000') = coalesce(e.expert_id, '00000000-0000-0000-0000-000000000000')
 order by t.id;
