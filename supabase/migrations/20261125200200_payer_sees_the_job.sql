-- The payer follows the job: a referral lead's client (who pays through a link) sees the lead's
-- public part like its owner does, the payables view shows when each step happened and when the
-- job confirms itself, and a pay link cannot be claimed by the lead's owner or its performer.

create function private.my_paid_lead_ids() returns uuid[]
language plpgsql stable security definer set search_path = '' as $$
begin
  return (select coalesce(array_agg(p.lead_id), '{}') from private.payables p where p.payer_user_id = (select auth.uid()));
end
$$;
revoke all on function private.my_paid_lead_ids() from public;
grant execute on function private.my_paid_lead_ids() to authenticated;

drop policy leads_visible on private.leads;
create policy leads_visible on private.leads for select to authenticated using (
  owner_id = (select auth.uid())
  -- The board shows open leads only; a lead an expert proposed on stays visible to them (below).
  or ((select private.approved_expert_id()) is not null and visibility = 'board' and status = 'open')
  or id = any ((select private.my_referred_lead_ids())::uuid[])
  or id = any ((select private.my_proposed_lead_ids())::uuid[])
  or id = any ((select private.my_paid_lead_ids())::uuid[])
  or (select private.is_admin())
);

-- The timings are terms of service, not secrets: readable so screens can say "confirms itself on …".
alter table private.marketplace_settings enable row level security;
create policy marketplace_settings_readable on private.marketplace_settings for select to authenticated using (true);
grant select (auto_confirm_days, hold_days) on private.marketplace_settings to authenticated;
grant select (paid_at, done_at, completed_at, hold_until, released_at) on private.payables to authenticated;

create or replace view public.payables with (security_invoker = true) as
select p.id, p.lead_id, p.proposal_id, p.payer_kind, p.payer_user_id = (select auth.uid()) as is_payer,
       p.performer_expert_id, p.referrer_expert_id, p.amount_cents, p.currency, p.fee_policy_version,
       p.platform_percent, p.referrer_share_percent, p.platform_fee_cents, p.referrer_fee_cents, p.performer_net_cents,
       p.status, p.created_at, p.paid_at, p.done_at, p.completed_at, p.hold_until, p.released_at,
       p.done_at + make_interval(days => (select s.auto_confirm_days from private.marketplace_settings s)) as auto_confirm_at
  from private.payables p;

create or replace function private.claim_pay_link(p_token text) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  v private.pay_links%rowtype;
begin
  if auth.uid() is null then
    raise exception 'open the pay link in a session (a guest session is enough)' using errcode = '42501';
  end if;
  select * into v from private.pay_links l where l.token_sha256 = encode(extensions.digest(coalesce(p_token, ''), 'sha256'), 'hex') for update;
  if not found or (v.claimed_by is not null and v.claimed_by <> auth.uid()) then
    raise exception 'this pay link is not valid' using errcode = '42501';
  end if;
  -- The referrer and the performer are paid from this job: neither may become its payer.
  if exists (select 1 from private.payables p where p.id = v.payable_id and auth.uid() in (p.lead_owner_id, p.performer_user_id)) then
    raise exception 'the client pays this, not the experts on the job' using errcode = '42501';
  end if;
  if v.claimed_by is null then
    update private.pay_links set claimed_by = auth.uid(), claimed_at = now() where token_sha256 = v.token_sha256;
    update private.payables set payer_user_id = auth.uid() where id = v.payable_id;
  end if;
  return v.payable_id;
end
$$;
