-- Property: refunds, disputes and chargebacks keep the money right, whatever order Stripe's events
-- arrive in. Twelve random job pairs (consumer and referral leads, amounts 50.00–5,000.00 ILS,
-- referrer shares 0–90%), one of each history below, with random amounts and variations:
--   paid only; 1–3 partial admin refunds; a full refund by cancelling the paid lead; a dispute opened
--   by the payer or the performer and resolved with release, a partial or a full refund; completion
--   by confirmation or auto-confirmation and release when the hold ends (the clock moves); Stripe
--   chargebacks won or lost in escrow, on hold, after release, and after a payout (into the carry);
--   charge.refunded with the charge's refunds (ours, sent by the refunds function with our id in
--   their metadata, and sometimes one made in Stripe itself, before or after ours).
-- Each pair is two identical jobs. Twin 0 gets every Stripe event once, in order, right after it
-- happens. Twin 1 gets each one to three times, shuffled with every other job's events, and late
-- when a later event makes it moot (a charge.refunded listing fewer refunds or older statuses, the
-- payment intent's fee, a dispute's creation reported after its closing), plus now and then a stale
-- charge.refunded; a job whose whole history happens in Stripe gets its payment's events last.
-- Product actions (refunds, disputes, cancelling, confirming, payouts) happen in phases between
-- deliveries, the same for both twins, once the payment is settled; the clock moves and the crons
-- run each phase. The end state is checked against a model of each history (what was refunded,
-- charged back and paid out) and the pro-rata rule, and twin against twin. Deterministic: the
-- random generator is seeded.
begin;
select plan(18);
select setseed(0.4141);

-- The clock rules the property's timing relies on: a phase is four days (and a few hours), so a
-- job marked done auto-confirms two phases later and a completed job's hold ends two phases later.
update private.marketplace_settings set auto_confirm_days = 7, hold_days = 7;

create temp table cfg (phases int, admin uuid);
-- A pair's history, and the model of its money: what Stripe refunded in total (ours and its own),
-- what went back to the payer from the job (refunds and lost chargebacks), the chargebacks.
create temp table pairs (
  pair int primary key, kind text, amount bigint, share numeric, fee bigint, history text, script text[],
  stripe_only boolean, refunded bigint not null default 0, reversed bigint not null default 0, cb_amount bigint,
  cb_count int not null default 0, cb_sum bigint not null default 0, cb_won bigint not null default 0, cb_lost bigint not null default 0);
create temp table jobs (pair int, twin int, payable_id uuid, payment_id uuid, lead_id uuid, owner uuid, payer uuid, performer uuid,
                        performer_x uuid, referrer_x uuid, primary key (pair, twin));
create temp table emitted (seq serial primary key, pair int, twin int, phase int, event jsonb, fee bigint);
create temp table deliveries (id serial primary key, batch int, twin int, ord float8, seq int, outcome text, n int);
create temp sequence delivery_order;
create temp table steps (pair int, twin int, phase int, step text, outcome text);
create temp table payouts (pair int, twin int, party text, amount bigint);
-- Each twin's charge's refunds at Stripe: ours once the refunds function sent them, and Stripe's own.
create temp table stripe_refunds (n serial, pair int, twin int, id text, amount bigint, status text, refund_id uuid,
                                  listed boolean not null default false);
create temp table stale_reads (stale int, fresh int);
-- Jobs frozen (open dispute or chargeback) when the crons ran, and whether they were due.
create temp table frozen (pair int, twin int, phase int, due boolean, completed_at timestamptz, released_at timestamptz, moved boolean);

/** Helpers, for this session only */
-- Each delivery and each step stands for a transaction of its own, but here they all share one, and
-- now(): refunds and events get their own, increasing times, as in production, where parked events
-- are applied in the order they arrived.
create function pg_temp.stamp() returns void language sql as $$
  update private.refunds set created_at = clock_timestamp() where created_at = now();
  update private.stripe_events set received_at = clock_timestamp() where received_at = now();
$$;

-- A partial amount of what is left: sometimes a few cents (rounding), usually a good part.
create function pg_temp.partial(l bigint) returns bigint language sql volatile as $$
  select case when random() < 0.15 then 1 + floor(random() * least(3, l - 1))::bigint
              else 1 + floor(random() * (l - 1) * 0.6)::bigint end
$$;

-- Schedules an event for delivery: once, next batch, to twin 0; one to three copies to twin 1, the
-- first in the next batch if later steps depend on it, the others (and often that one) in any batch
-- from then on. A job whose whole history happens in Stripe has no such steps: its events may come
-- in any batch, and its payment's come at the very end (so its refunds and chargebacks wait for it).
create function pg_temp.emit(p_pair int, p_twin int, p_phase int, p_type text, p_object jsonb, p_blocking boolean,
                             p_fee bigint default null) returns int
language plpgsql as $$
declare
  v_seq int;
  v_last int := (select phases from cfg) + 1;
  v_any boolean := (select stripe_only from pairs where pair = p_pair);
begin
  insert into emitted (pair, twin, phase, fee) values (p_pair, p_twin, p_phase, p_fee) returning seq into v_seq;
  update emitted set event = tests.stripe_event('evt_r41_' || v_seq, p_type, p_object) where seq = v_seq;
  if p_twin = 0 then
    insert into deliveries (batch, twin, ord, seq) values (p_phase + 1, 0, v_seq, v_seq);
  else
    for c in 1..1 + floor(random() * 3)::int loop
      insert into deliveries (batch, twin, ord, seq)
      values (case when v_any and p_phase = 0 then v_last
                   when not v_any and ((c = 1 and p_blocking) or random() < 0.5) then p_phase + 1
                   else p_phase + 1 + floor(random() * (v_last - p_phase))::int end,
              1, case when v_any and p_phase = 0 then 1 else 0 end + random(), v_seq);
    end loop;
  end if;
  return v_seq;
end
$$;

-- Twin 1 gets every copy of event `a` after the first copy of event `b`.
create function pg_temp.deliver_after(a int, b int) returns void
language plpgsql as $$
declare
  f record;
begin
  select batch, ord into f from deliveries where seq = b order by batch, ord limit 1;
  update deliveries set batch = greatest(batch, f.batch), ord = case when batch <= f.batch then f.ord + (1 - f.ord) * ord else ord end
   where seq = a;
end
$$;

-- A twin's charge with its refunds at Stripe now, as the webhook hands it over with charge.refunded.
create function pg_temp.charge(p_pair int, p_twin int, p_payment uuid, p_amount bigint) returns jsonb
language sql stable as $$
  select jsonb_build_object('id', 'ch_' || p_payment, 'object', 'charge', 'payment_intent', 'pi_' || p_payment, 'amount', p_amount,
           'currency', 'ils', 'amount_refunded', sum(sr.amount), 'refunded', sum(sr.amount) = p_amount,
           'refunds', jsonb_build_object('object', 'list', 'has_more', false, 'data',
             jsonb_agg(jsonb_build_object('id', sr.id, 'object', 'refund', 'amount', sr.amount, 'currency', 'ils', 'status', sr.status,
                                          'created', sr.n, 'charge', 'ch_' || p_payment, 'payment_intent', 'pi_' || p_payment,
                                          'metadata', case when sr.refund_id is null then '{}'::jsonb
                                                           else jsonb_build_object('refund_id', sr.refund_id) end)
                       order by sr.n)))
    from stripe_refunds sr where (sr.pair, sr.twin) = (p_pair, p_twin)
$$;

-- A twin's chargeback as Stripe reports it: the withdrawal (with Stripe's 15.00 fee), and when won
-- the reinstatement.
create function pg_temp.dispute(payment uuid, e jsonb) returns jsonb
language sql immutable as $$
  select jsonb_build_object('id', 'dp_' || payment, 'object', 'dispute', 'charge', 'ch_' || payment, 'payment_intent', 'pi_' || payment,
    'amount', (e ->> 'amount')::bigint, 'currency', 'ils', 'reason', 'fraudulent', 'status', e ->> 'status',
    'balance_transactions', jsonb_build_array(jsonb_build_object('id', 'txn_dw_' || payment, 'object', 'balance_transaction',
                                                                 'amount', -(e ->> 'amount')::bigint, 'fee', 1500))
      || case when e ->> 'status' = 'won'
              then jsonb_build_array(jsonb_build_object('id', 'txn_dr_' || payment, 'object', 'balance_transaction',
                                                        'amount', (e ->> 'amount')::bigint, 'fee', 0))
              else '[]' end)
$$;

-- What Stripe does after a refund step, and tells: `none`, our refund not sent yet; `confirm`, sent
-- (and charge.refunded); `confirm+extra`, and then `x` refunded in Stripe's dashboard; `extra_before`,
-- `x` refunded in the dashboard before ours was sent; `extra`, only that. A refund is pending at
-- Stripe now and then (until the charge is next reported), or always (`pending`); the refunds
-- function records what it sent, or not yet. The charge.refunded listing every refund of the step
-- must come in time; one listing fewer is moot by then.
create function pg_temp.refund_events(mode text, x bigint, pending boolean default false) returns jsonb
language plpgsql volatile as $$
declare
  send jsonb := jsonb_build_object('kind', 'send', 'status', case when pending or random() < 0.4 then 'pending' else 'succeeded' end,
                                   'record', random() < 0.5);
  extra jsonb := jsonb_build_object('kind', 'stripe_refund', 'amount', x, 'status', case when random() < 0.4 then 'pending' else 'succeeded' end);
  early jsonb := jsonb_build_object('kind', 'refunded', 'blocking', false);
  last jsonb := jsonb_build_object('kind', 'refunded', 'blocking', true);
begin
  return case mode
    when 'none' then '[]'::jsonb
    when 'confirm' then jsonb_build_array(send, early)
    when 'confirm+extra' then jsonb_build_array(send, early, extra, last)
    when 'extra_before' then jsonb_build_array(extra, early, send, last)
    when 'extra' then jsonb_build_array(extra, last)
  end;
end
$$;

-- One step of a history for one twin: the product action as its actor, then its Stripe events.
create function pg_temp.run(p_pair int, p_twin int, p_phase int, p_step text, p jsonb) returns text
language plpgsql as $$
declare
  j record;
  v text;
  amt bigint := (p ->> 'amount')::bigint;
  admin uuid := (select c.admin from cfg c);
  dispute uuid;
  x record;
  bal bigint;
  e jsonb;
  amount bigint := (select pr.amount from pairs pr where pr.pair = p_pair);
  seqs int[] := '{}';
  stale int;
begin
  select * into j from jobs where pair = p_pair and twin = p_twin;
  select d.id into dispute from private.disputes d where d.payable_id = j.payable_id;
  begin
    case split_part(p_step, ':', 1)
      when 'done' then
        perform tests.act_as(j.performer);
        v := public.mark_job_done(j.lead_id);
      when 'confirm' then
        perform tests.act_as(j.payer);
        v := public.confirm_job_done(j.lead_id);
      when 'cancel' then
        perform tests.act_as(j.owner);
        v := public.cancel_lead(j.lead_id);
      when 'refund', 'refund_stripe_full' then
        perform tests.act_as(admin);
        perform public.refund_payable(j.payable_id, amt, 'goodwill refund');
        v := 'refunded ' || amt;
      when 'dispute' then
        perform tests.act_as(case split_part(p_step, ':', 2) when 'payer' then j.payer else j.performer end);
        perform public.open_dispute(j.payable_id, 'not_as_described', 'Not what we agreed on');
        v := 'opened';
      when 'resolve' then
        perform tests.act_as(admin);
        v := public.resolve_dispute(dispute, case when p_step = 'resolve:release' then 'release' else 'refund' end, amt, 'decided');
      when 'payout' then
        -- Money paid out to the experts: their whole available balance leaves Stripe.
        v := 'paid out';
        for x in select * from (values ('performer', j.performer_x), ('referrer', j.referrer_x)) t(party, expert_id) where t.expert_id is not null
        loop
          bal := tests.balance('expert_available', 'ILS', x.expert_id);
          if bal > 0 then
            perform private.post_ledger_transaction('test_payout', 'test_payout:' || x.expert_id || ':' || p_phase, 'ILS',
              jsonb_build_array(jsonb_build_object('account', private.ledger_account('expert_available', 'ILS', x.expert_id), 'amount_cents', bal),
                                jsonb_build_object('account', private.ledger_account('stripe_clearing', 'ILS'), 'amount_cents', -bal)),
              j.payable_id);
            insert into payouts values (p_pair, p_twin, x.party, bal);
            v := v || ' ' || x.party || ' ' || bal;
          end if;
        end loop;
      else
        v := 'stripe'; -- events only
    end case;
    perform set_config('role', 'postgres', true);
    perform pg_temp.stamp();
  exception when others then
    perform set_config('role', 'postgres', true);
    return 'error ' || sqlstate || ': ' || sqlerrm;
  end;
  for e in select value from jsonb_array_elements(coalesce(p -> 'events', '[]')) loop
    case e ->> 'kind'
      when 'send' then
        -- The refunds function sends our pending refunds; Stripe keeps our id in their metadata.
        for x in select r.id, r.amount_cents from private.refunds r
                  where r.payable_id = j.payable_id and r.reason <> 'provider' and r.status in ('pending', 'submitted')
                    and r.id not in (select sr.refund_id from stripe_refunds sr where sr.refund_id is not null)
                  order by r.created_at, r.id
        loop
          insert into stripe_refunds (pair, twin, id, amount, status, refund_id)
          values (p_pair, p_twin, 're_' || x.id, x.amount_cents, e ->> 'status', x.id);
          if (e ->> 'record')::boolean then
            perform set_config('role', 'service_role', true);
            perform public.record_refund_sent(x.id, 're_' || x.id);
            perform set_config('role', 'postgres', true);
          end if;
        end loop;
      when 'stripe_refund' then
        -- A refund made in Stripe's dashboard.
        insert into stripe_refunds (pair, twin, id, amount, status)
        values (p_pair, p_twin, 're_dashboard_' || p_phase || '_' || j.payment_id, (e ->> 'amount')::bigint, e ->> 'status');
      when 'refunded' then
        -- charge.refunded with the charge's refunds as the webhook reads them now: those pending when
        -- last reported went through meanwhile. Then twin 1 also gets a charge.refunded whose webhook
        -- read the list before that, but which lands after.
        stale := null;
        if p_twin = 1 and exists (select 1 from stripe_refunds sr where (sr.pair, sr.twin) = (p_pair, p_twin) and sr.listed
                                                                     and sr.status = 'pending') then
          stale := pg_temp.emit(p_pair, p_twin, p_phase, 'charge.refunded', pg_temp.charge(p_pair, p_twin, j.payment_id, amount), false);
        end if;
        update stripe_refunds set status = 'succeeded' where (pair, twin) = (p_pair, p_twin) and listed and status = 'pending';
        seqs := seqs || pg_temp.emit(p_pair, p_twin, p_phase, 'charge.refunded', pg_temp.charge(p_pair, p_twin, j.payment_id, amount),
                                     (e ->> 'blocking')::boolean);
        update stripe_refunds set listed = true where (pair, twin) = (p_pair, p_twin);
        if stale is not null then
          perform pg_temp.deliver_after(stale, seqs[array_upper(seqs, 1)]);
          insert into stale_reads values (stale, seqs[array_upper(seqs, 1)]);
        end if;
      else
        seqs := seqs || pg_temp.emit(p_pair, p_twin, p_phase, 'charge.dispute.' || (e ->> 'type'),
          pg_temp.dispute(j.payment_id, e), (e ->> 'blocking')::boolean);
    end case;
  end loop;
  -- A chargeback opened and lost at once: twin 1 hears of the closing first.
  if p_twin = 1 and p_step = 'cb_now_lost' then
    perform pg_temp.deliver_after(seqs[1], seqs[2]);
  end if;
  return v;
end
$$;

-- A pair's step in a phase: draw its amounts from the model, update the model, run it for both
-- twins (in random order).
create function pg_temp.advance(p_pair int, p_phase int) returns void
language plpgsql as $$
declare
  m record;
  s text;
  l bigint;
  y bigint := 0;
  x bigint := 0;
  cb bigint;
  mode text;
  ev jsonb := '[]';
  p jsonb;
  t int;
begin
  select * into m from pairs where pair = p_pair;
  s := m.script[p_phase];
  l := m.amount - m.reversed;
  if s = 'wait' then
    return;
  end if;
  if l = 0 or (s in ('refund', 'refund_stripe_full', 'stripe_refund', 'resolve:partial') and l < 2) then
    insert into steps select p_pair, tw, p_phase, s, 'skipped: nothing left' from unnest(array[0, 1]) tw;
    return;
  end if;
  if s in ('refund', 'refund_stripe_full', 'resolve:partial') then
    y := pg_temp.partial(l);
    mode := case when s = 'refund_stripe_full' then 'confirm+extra'
                 else (array['none', 'confirm', 'confirm+extra', 'extra_before'])[1 + floor(random() * 4)::int] end;
    if mode in ('confirm+extra', 'extra_before') then
      x := case when s = 'refund_stripe_full' then l - y
                when l - y >= 2 then 1 + floor(random() * (l - y - 1))::bigint end;
      if coalesce(x, 0) = 0 then
        mode := 'confirm';
        x := 0;
      end if;
    end if;
    ev := pg_temp.refund_events(mode, x, s = 'refund_stripe_full');
  elsif s in ('cancel', 'resolve:full') then
    y := l;
    ev := pg_temp.refund_events((array['none', 'confirm'])[1 + floor(random() * 2)::int], 0);
  elsif s = 'stripe_refund' then
    x := 1 + floor(random() * (l - 1))::bigint;
    ev := pg_temp.refund_events('extra', x);
  elsif s in ('cb_open', 'cb_now_lost') then
    cb := case when random() < 0.5 then l else 1 + floor(random() * l)::bigint end;
    update pairs set cb_amount = cb, cb_count = cb_count + 1, cb_sum = cb_sum + cb where pair = p_pair;
    ev := jsonb_build_array(jsonb_build_object('kind', 'dispute', 'type', 'created', 'status', 'needs_response', 'amount', cb,
                                               'blocking', s = 'cb_open'));
  end if;
  if s in ('cb_won', 'cb_lost', 'cb_now_lost') then
    cb := coalesce(cb, m.cb_amount);
    ev := ev || jsonb_build_array(jsonb_build_object('kind', 'dispute', 'type', 'closed', 'status', case when s like '%won' then 'won' else 'lost' end,
                                                     'amount', cb, 'blocking', true));
    if s like '%won' then
      update pairs set cb_won = cb_won + cb where pair = p_pair;
    else
      update pairs set cb_lost = cb_lost + cb, reversed = reversed + cb where pair = p_pair;
    end if;
  end if;
  update pairs set refunded = refunded + y + x, reversed = reversed + y + x where pair = p_pair;
  p := jsonb_build_object('amount', case when s = 'resolve:full' then null when y > 0 then y end, 'events', ev);
  for t in select tw from unnest(array[0, 1]) tw order by random() loop
    insert into steps values (p_pair, t, p_phase, s, pg_temp.run(p_pair, t, p_phase, s, p));
  end loop;
end
$$;

-- A history's steps, one a phase.
create function pg_temp.script(history text) returns text[]
language plpgsql volatile as $$
declare
  r float8 := random();
  who text := (array['payer', 'performer'])[1 + floor(random() * 2)::int];
  cb text[] := case when random() < 0.5 then '{cb_open,cb_lost}' else '{cb_now_lost}' end;
begin
  return case history
    when 'paid_only' then '{}'
    when 'partial_refunds' then
      array_fill('refund'::text, array[1 + floor(random() * 3)::int])
      || case when random() < 0.5 then '{stripe_refund}' else '{}' end::text[]
      || case when r < 0.25 then '{}' when r < 0.5 then '{done}' when r < 0.75 then '{done,confirm}' else '{done,confirm,wait,wait}' end::text[]
    when 'cancel' then
      case when r < 0.5 then '{refund}' else '{}' end::text[] || case when random() < 0.5 then '{stripe_refund}' else '{}' end::text[]
      || '{cancel}'::text[]
    when 'dispute_release' then
      case when r < 0.5 then '{done}' else '{}' end::text[] || array['dispute:' || who, 'resolve:release']
      || case when random() < 0.5 then '{payout}' else '{}' end::text[] || case when random() < 0.5 then '{refund}' else '{}' end::text[]
    when 'dispute_partial' then
      array['done', 'confirm', 'dispute:' || who, 'resolve:partial'] || case when r < 0.5 then '{payout}' else '{}' end::text[]
    when 'dispute_full' then
      case when r < 0.5 then '{refund}' else '{}' end::text[] || array['dispute:' || who, 'resolve:full']
    when 'release_then_refund' then
      '{done,confirm,wait}'::text[] || case when r < 0.5 then '{payout}' else '{}' end::text[] || '{refund}'::text[]
      || case when random() < 0.5 then '{refund}' else '{}' end::text[]
    when 'auto_confirm_chargeback_won' then
      -- done; auto-confirmed two phases later; the chargeback freezes the hold's end; won, released.
      '{done,wait,cb_open,wait,cb_won,wait}'
    when 'chargeback_lost_escrow' then
      case when r < 0.5 then '{stripe_refund}' else '{}' end::text[] || '{cb_now_lost}'::text[]
    when 'chargeback_lost_available' then
      '{done,confirm,wait}'::text[] || case when r < 0.5 then '{refund}' else '{}' end::text[] || cb
    when 'payout_then_chargeback_lost' then
      '{done,confirm,wait,payout}'::text[] || cb
    when 'pending_refund_then_stripe_full' then
      '{done,confirm,refund_stripe_full}'
  end;
end
$$;

/** Twelve pairs of identical jobs, paid */
do $$
declare
  h record;
  tw int;
  performer uuid; owner uuid; payer uuid; lead uuid; payable uuid; payment uuid;
  n int;
begin
  insert into cfg values (null, tests.create_user('r41-admin@refund.local'));
  perform tests.make_admin((select admin from cfg));
  insert into pairs (pair, kind, amount, share, history)
  select row_number() over (order by random()), null, 0, 0, x.history
    from unnest(array['paid_only', 'partial_refunds', 'cancel', 'dispute_release', 'dispute_partial', 'dispute_full',
                      'release_then_refund', 'auto_confirm_chargeback_won', 'chargeback_lost_escrow', 'chargeback_lost_available',
                      'payout_then_chargeback_lost', 'pending_refund_then_stripe_full']) x(history);
  for h in select * from pairs order by pair loop
    update pairs set kind = case when pair % 2 = 1 then 'referral' else 'consumer' end,
                     amount = 5000 + floor(random() * 495001)::bigint, share = floor(random() * 91),
                     script = pg_temp.script(history)
     where pair = h.pair;
  end loop;
  update pairs set fee = 30 + floor(amount * 0.029)::bigint;
  update pairs set stripe_only = script <@ '{cb_open,cb_won,cb_lost,cb_now_lost,stripe_refund}';
  -- Scripts end together in the last phase (so some jobs stay on hold or in escrow), but for those
  -- that happen in Stripe alone, which start at once (so their events may beat the payment's).
  n := (select max(coalesce(array_length(script, 1), 0)) + 1 from pairs);
  update cfg set phases = n;
  update pairs set script = case when stripe_only then coalesce(script, '{}') || array_fill('wait'::text, array[n - coalesce(array_length(script, 1), 0)])
                                 else array_fill('wait'::text, array[n - coalesce(array_length(script, 1), 0)]) || script end;

  for h in select * from pairs order by pair loop
    for tw in 0..1 loop
      performer := tests.create_expert(format('r41-performer-%s-%s@refund.local', h.pair, tw), 'tel-aviv', '{plumbing,renovation}');
      if h.kind = 'consumer' then
        owner := tests.create_user(format('r41-owner-%s-%s@refund.local', h.pair, tw));
        lead := tests.consumer_lead(owner);
      else
        owner := tests.create_expert(format('r41-referrer-%s-%s@refund.local', h.pair, tw), 'tel-aviv', '{renovation}');
        lead := tests.referral_lead(owner, h.share);
      end if;
      payable := tests.accept(owner, tests.propose(performer, lead, h.amount));
      payer := owner;
      if h.kind = 'referral' then
        perform tests.act_as(owner);
        perform set_config('r41.token', public.create_pay_link(payable), true);
        perform set_config('role', 'postgres', true);
        payer := tests.create_user(format('r41-client-%s-%s@refund.local', h.pair, tw));
        perform tests.act_as(payer);
        perform public.claim_pay_link(current_setting('r41.token'));
        perform set_config('role', 'postgres', true);
      end if;
      perform tests.act_as(payer);
      select p.payment_id into payment from public.prepare_payment(payable) p;
      perform set_config('role', 'postgres', true);
      insert into jobs
      select h.pair, tw, payable, payment, lead, owner, payer, performer, p.performer_expert_id, p.referrer_expert_id
        from private.payables p where p.id = payable;
      -- The checkout's completion settles it; the intent's success (with the fee) may come late.
      perform pg_temp.emit(h.pair, tw, 0, 'checkout.session.completed',
        jsonb_build_object('id', 'cs_' || payment, 'object', 'checkout.session', 'payment_status', 'paid', 'amount_total', h.amount,
                           'currency', 'ils', 'payment_intent', 'pi_' || payment, 'metadata', jsonb_build_object('payment_id', payment)), true);
      perform pg_temp.emit(h.pair, tw, 0, 'payment_intent.succeeded',
        jsonb_build_object('id', 'pi_' || payment, 'object', 'payment_intent', 'amount_received', h.amount, 'currency', 'ils',
                           'latest_charge', 'ch_' || payment), false, h.fee);
    end loop;
  end loop;
end
$$;

/** The histories: each phase moves the clock, delivers a batch of events, runs the crons, then the steps */
do $$
declare
  ph int;
  d record;
  pr record;
  v_outcome text;
  last_phase int := (select phases from cfg);
begin
  for ph in 1..last_phase + 1 loop
    perform tests.advance_clock(make_interval(days => 4, hours => floor(random() * 12)::int));
    for d in select dl.id, e.event, e.fee from deliveries dl join emitted e using (seq) where dl.batch = ph order by dl.twin, dl.ord loop
      begin
        v_outcome := tests.deliver(d.event, d.fee);
      exception when others then
        v_outcome := 'error ' || sqlstate || ': ' || sqlerrm;
      end;
      update deliveries set outcome = v_outcome, n = nextval('delivery_order') where id = d.id;
      perform pg_temp.stamp();
    end loop;
    exit when ph > last_phase;
    insert into frozen
    select j.pair, j.twin, ph,
           (p.status = 'completed' and p.released_at is null and p.hold_until <= private.clock())
           or (l.status = 'done' and p.status = 'paid' and p.done_at <= private.clock() - interval '7 days'),
           p.completed_at, p.released_at
      from jobs j join private.payables p on p.id = j.payable_id join private.leads l on l.id = j.lead_id
     where exists (select 1 from private.disputes x where x.payable_id = p.id and x.status = 'open')
        or exists (select 1 from private.chargebacks x where x.payable_id = p.id and x.outcome is null);
    perform private.auto_confirm_jobs();
    perform private.release_holds();
    update frozen f set moved = (p.completed_at, p.released_at) is distinct from (f.completed_at, f.released_at)
      from jobs j join private.payables p on p.id = j.payable_id
     where f.phase = ph and (j.pair, j.twin) = (f.pair, f.twin);
    for pr in select pair from pairs order by random() loop
      perform pg_temp.advance(pr.pair, ph);
    end loop;
  end loop;
end
$$;

-- Each job's ledger, by account purpose and party.
create temp view job_ledger as
select j.pair, j.twin, a.purpose::text as purpose,
       case when a.expert_id is null then 'platform' when a.expert_id = j.performer_x then 'performer'
            when a.expert_id = j.referrer_x then 'referrer' else 'someone else' end as party,
       sum(e.amount_cents)::bigint as amount
  from jobs j
  join private.ledger_transactions t on t.payable_id = j.payable_id
  join private.ledger_entries e on e.transaction_id = t.id
  join private.ledger_accounts a on a.id = e.account_id
 group by 1, 2, 3, 4;

create temp view job_state as
select j.pair, j.twin, p.status::text as status, l.status::text as lead_status, private.payable_stage(p) as stage, p.amount_cents,
       p.platform_fee_cents, p.referrer_fee_cents, p.performer_net_cents,
       p.reversed_cents, p.reversed_platform_cents, p.reversed_referrer_cents, p.reversed_performer_cents
  from jobs j join private.payables p on p.id = j.payable_id join private.leads l on l.id = j.lead_id;

/** Stripe's events and the steps */
select is_empty($$
  select d.twin, e.event ->> 'type', d.outcome from deliveries d join emitted e using (seq) where d.outcome is null or d.outcome like 'error%'
  union all
  select null, s.type, s.status from private.stripe_events s
   where s.id in (select event ->> 'id' from emitted) and (s.status <> 'applied' or s.note = 'refund_unmatched') $$,
  'every delivery went through, and every event was applied in the end: none failed, or was left parked or unmatched');
select is_empty($$
  select sr.pair, sr.twin, sr.id, sr.amount, sr.refund_id from stripe_refunds sr join jobs j using (pair, twin)
   where not exists (select 1 from private.refunds r where r.payment_id = j.payment_id and r.stripe_refund_id = sr.id
                        and r.amount_cents = sr.amount and (r.id = sr.refund_id or (sr.refund_id is null and r.reason = 'provider'))) $$,
  'every refund at Stripe is known by its id: ours as ours, those made in Stripe as provider refunds');
select is_empty($$ select pair, twin, phase, step, outcome from steps where outcome like 'error%' $$,
  'every step of every history went through, in both twins');
select is_empty($$
  select pair, phase, step, outcome from steps where twin = 0
  except select pair, phase, step, outcome from steps where twin = 1
  union all
  (select pair, phase, step, outcome from steps where twin = 1
   except select pair, phase, step, outcome from steps where twin = 0) $$,
  'each step had the same outcome whatever order the earlier events had arrived in');

select is_empty($$ select pair, twin, phase from frozen where moved $$,
  'a job with an open dispute or chargeback neither auto-confirms nor leaves its hold');

/** The ledger */
select is_empty($$ select transaction_id, currency from private.ledger_entries group by transaction_id, currency having sum(amount_cents) <> 0 $$,
  'every ledger transaction balances in each currency');
select is_empty($$ select currency from private.ledger_entries group by currency having sum(amount_cents) <> 0 $$,
  'the whole ledger sums to zero in each currency');
select is_empty($$
  select a.purpose::text, a.expert_id, a.currency, sum(e.amount_cents) from private.ledger_accounts a join private.ledger_entries e on e.account_id = a.id
   where a.purpose in ('platform_escrow', 'platform_revenue')
      or a.expert_id in (select performer_x from jobs union select referrer_x from jobs)
   group by a.id, a.purpose, a.expert_id, a.currency
  having case when a.purpose = 'expert_carry' then sum(e.amount_cents) < 0 else sum(e.amount_cents) > 0 end
  union all
  select purpose, null, 'job ' || pair || '/' || twin, amount from job_ledger
   where case when purpose = 'expert_carry' then amount < 0
              when purpose in ('platform_escrow', 'platform_revenue', 'expert_escrow', 'expert_pending', 'expert_available') then amount > 0 end $$,
  'no escrow, pending, available or revenue balance is owed the wrong way (only the carry is an expert''s debt), per account and per job');

/** Reversals */
select is_empty($$
  select j.pair, j.twin, p.reversed_cents, x.refunds, x.lost
    from jobs j join private.payables p on p.id = j.payable_id,
         lateral (select (select coalesce(sum(r.amount_cents), 0) from private.refunds r where r.payable_id = p.id and r.status <> 'failed'),
                         (select coalesce(sum(c.reversed_cents), 0) from private.chargebacks c where c.payable_id = p.id and c.outcome = 'lost')
                 ) x(refunds, lost)
   where p.reversed_cents <> x.refunds + x.lost $$,
  'each job''s reversed amount is its refunds plus what its lost chargebacks took back');
select is_empty($$
  select s.pair, s.twin, s.reversed_cents, m.reversed from job_state s join pairs m using (pair)
   where s.reversed_cents <> m.reversed or s.reversed_platform_cents + s.reversed_referrer_cents + s.reversed_performer_cents <> s.reversed_cents $$,
  'each job reversed exactly what its history gave back, and the platform, referrer and performer parts add up to it');

-- The rule: cumulative commission and referrer fee are round-half-up of fee × reversed / amount, the
-- performer takes the rest, each within its share.
create function pg_temp.split(fp bigint, fr bigint, net bigint, amount bigint, t bigint, out rp bigint, out rr bigint, out rn bigint)
language plpgsql immutable as $$
begin
  rp := round(fp::numeric * t / amount);
  rr := round(fr::numeric * t / amount);
  rn := t - rp - rr;
  if rn < 0 then
    rr := rr + rn; rn := 0;
    if rr < 0 then rp := rp + rr; rr := 0; end if;
  elsif rn > net then
    rr := rr + rn - net; rn := net;
    if rr > fr then rp := rp + rr - fr; rr := fr; end if;
  end if;
end
$$;
select is_empty($$
  select s.pair, s.twin, s.reversed_platform_cents, s.reversed_referrer_cents, s.reversed_performer_cents, x.*
    from job_state s, pg_temp.split(s.platform_fee_cents, s.referrer_fee_cents, s.performer_net_cents, s.amount_cents, s.reversed_cents) x
   where (s.reversed_platform_cents, s.reversed_referrer_cents, s.reversed_performer_cents) <> (x.rp, x.rr, x.rn) $$,
  'each party gave back its pro-rata part of the cumulative reversal, however many pieces it came in');
select is_empty($$
  select s.pair, s.twin, s.status, s.lead_status, l.purpose, l.amount from job_state s left join job_ledger l
      on (l.pair, l.twin) = (s.pair, s.twin) and l.purpose in ('platform_escrow', 'expert_escrow', 'expert_pending') and l.amount <> 0
   where (s.reversed_cents = s.amount_cents) <> (s.status = 'refunded')
      or (s.status = 'refunded' and (l.purpose is not null or s.lead_status not in ('cancelled', 'completed'))) $$,
  'a job is refunded exactly when all of it went back, and then nothing of it is left in escrow or pending');

/** The balances each job should leave, from its parameters and its history */
-- Released money is the expert's available balance, less what they owe (carry) once it was paid out.
select set_eq($$
  select pair, twin, case when purpose in ('expert_available', 'expert_carry') then 'expert_released' else purpose end, party, sum(amount)
    from job_ledger group by 1, 2, 3, 4 having sum(amount) <> 0 $$, $$
  with x as (
    select s.*, m.fee, m.refunded, m.cb_count, m.cb_sum, m.cb_won, m.cb_lost, sp.*,
           coalesce((select sum(po.amount) from payouts po where (po.pair, po.twin) = (s.pair, s.twin)), 0) as paid_out
      from job_state s join pairs m using (pair),
           pg_temp.split(s.platform_fee_cents, s.referrer_fee_cents, s.performer_net_cents, s.amount_cents, m.reversed) sp),
  shares as (
    select x.*, q.party, q.owed - coalesce((select sum(po.amount) from payouts po where (po.pair, po.twin, po.party) = (x.pair, x.twin, q.party)), 0) as owed
      from x, lateral (values ('platform', x.platform_fee_cents - x.rp), ('referrer', x.referrer_fee_cents - x.rr),
                              ('performer', x.performer_net_cents - x.rn)) q(party, owed))
  select pair, twin, purpose, party, amount from (
    select pair, twin, case when party = 'platform' then case when stage = 'escrow' then 'platform_escrow' else 'platform_revenue' end
                            when stage = 'available' then 'expert_released' else 'expert_' || stage end as purpose, party, -owed as amount
      from shares
    union all
    select pair, twin, 'stripe_clearing', 'platform', amount_cents - fee - refunded - cb_sum + cb_won - 1500 * cb_count - paid_out from x
    union all
    select pair, twin, 'processor_fees', 'platform', fee + 1500 * cb_count from x
    union all
    select pair, twin, 'chargebacks_held', 'platform', cb_sum - cb_won - cb_lost from x) e
   where amount <> 0 $$,
  'every job leaves each party its share less its part of the reversals, in the bucket the job ended in, and Stripe''s money accounted for');

/** Webhook order changes nothing */
select set_eq($$ select pair, purpose, party, amount from job_ledger where twin = 1 and amount <> 0 $$,
              $$ select pair, purpose, party, amount from job_ledger where twin = 0 and amount <> 0 $$,
  'shuffled and repeated events leave every job''s ledger as in-order delivery does');
select set_eq($$
  select s.pair, s.status, s.lead_status, s.stage, s.reversed_cents, s.reversed_platform_cents, s.reversed_referrer_cents, s.reversed_performer_cents,
         c.amount_cents as cb_amount, c.stripe_status, c.outcome, c.reversed_cents as cb_reversed, pay.processor_fee_cents
    from job_state s join jobs j using (pair, twin) join private.payments pay on pay.id = j.payment_id
    left join private.chargebacks c on c.payable_id = j.payable_id where s.twin = 1 $$, $$
  select s.pair, s.status, s.lead_status, s.stage, s.reversed_cents, s.reversed_platform_cents, s.reversed_referrer_cents, s.reversed_performer_cents,
         c.amount_cents as cb_amount, c.stripe_status, c.outcome, c.reversed_cents as cb_reversed, pay.processor_fee_cents
    from job_state s join jobs j using (pair, twin) join private.payments pay on pay.id = j.payment_id
    left join private.chargebacks c on c.payable_id = j.payable_id where s.twin = 0 $$,
  'shuffled and repeated events leave every job, its payment and its chargeback as in-order delivery does');
select bag_eq($$ select j.pair, r.reason, r.status, r.amount_cents from jobs j join private.refunds r on r.payable_id = j.payable_id
                  where j.twin = 1 $$,
              $$ select j.pair, r.reason, r.status, r.amount_cents from jobs j join private.refunds r on r.payable_id = j.payable_id
                  where j.twin = 0 $$,
  'shuffled and repeated events confirm the same refunds and record the same refunds made in Stripe');

/** The histories reached what they were meant to (or the property proves little) */
select is((select array_agg(distinct stage order by stage) from job_state), '{available,escrow,pending}',
  'the jobs end in escrow, on hold and released');
select ok((select bool_and(c) from (values
    ((select count(*) from job_state where status = 'refunded') > 0),
    ((select count(*) from job_state where status <> 'refunded' and reversed_cents > 0) > 0),
    ((select count(*) from job_ledger where purpose = 'expert_carry' and amount > 0) > 0),
    ((select count(*) from private.chargebacks c join jobs j on j.payable_id = c.payable_id where c.outcome = 'won') > 0),
    ((select count(*) from private.chargebacks c join jobs j on j.payable_id = c.payable_id where c.outcome = 'lost') > 0),
    ((select count(*) from private.refunds r join jobs j on j.payable_id = r.payable_id where r.reason = 'provider') > 0),
    ((select count(*) from private.refunds r join jobs j on j.payable_id = r.payable_id where r.reason = 'dispute') > 0),
    ((select count(*) from private.refunds r join jobs j on j.payable_id = r.payable_id where r.reason = 'lead_cancelled') > 0),
    ((select count(*) from deliveries where outcome = 'duplicate') > 0),
    ((select count(*) from deliveries d join emitted e using (seq) where d.outcome = 'parked' and e.event ->> 'type' like 'charge.%') > 0),
    ((select count(*) from frozen where due) > 0),
    (exists (select 1 from emitted c join emitted o using (pair, twin)
              where c.event ->> 'type' = 'charge.dispute.closed' and o.event ->> 'type' = 'charge.dispute.created'
                and (select min(n) from deliveries where seq = c.seq) < (select min(n) from deliveries where seq = o.seq))),
    (exists (select 1 from stale_reads))) v(c)),
  'the histories include full and partial reversals, a carry, won and lost chargebacks, Stripe-side, dispute and cancellation refunds, '
  'duplicates, refunds and chargebacks reported before their payment, a chargeback''s closing before its opening, a refund '
  'reported pending after it was reported succeeded, and a freeze holding back a due confirmation or release');

select * from finish();
rollback;
