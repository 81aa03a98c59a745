-- The referrer share is set on the lead and may change until the first proposal arrives; from then
-- on it is frozen (share_locked_at), and acceptance snapshots it on the payable.

create function private.set_referrer_share(p_lead_id uuid, p_share numeric) returns numeric
language plpgsql volatile security definer set search_path = '' as $$
declare
  v private.leads%rowtype;
  v_max numeric := (select p.referrer_share_max_percent from public.fee_policies p where p.version = private.current_fee_policy_version());
begin
  select * into v from private.leads l where l.id = p_lead_id for update;
  if not found or v.owner_id <> auth.uid() then
    raise exception 'only the lead''s owner sets its referrer share' using errcode = '42501';
  end if;
  if v.kind <> 'referral' then
    raise exception 'only referral leads have a referrer share' using errcode = '22023';
  end if;
  if v.status <> 'open' or v.share_locked_at is not null then
    raise exception 'the referrer share is frozen once the first proposal arrives' using errcode = '22023';
  end if;
  if p_share is null or p_share < 0 or p_share > v_max or p_share <> round(p_share, 2) then
    raise exception 'the referrer share must be between 0 and % percent', v_max::float8 using errcode = '22023';
  end if;
  update private.leads l set referrer_share_percent = p_share where l.id = v.id;
  update public.referrals r set referrer_share_percent = p_share where r.lead_id = v.id and r.status = 'pending';
  return p_share;
end
$$;
revoke all on function private.set_referrer_share(uuid, numeric) from public;
grant execute on function private.set_referrer_share(uuid, numeric) to authenticated;

create function public.set_referrer_share(lead_id uuid, referrer_share_percent numeric) returns numeric
language sql volatile set search_path = '' as $$ select private.set_referrer_share(lead_id, referrer_share_percent) $$;
comment on function public.set_referrer_share is 'The owner of a referral lead changes its referrer share, until the first proposal arrives.';
revoke all on function public.set_referrer_share(uuid, numeric) from public;
grant execute on function public.set_referrer_share(uuid, numeric) to authenticated;
