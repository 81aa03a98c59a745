-- Money: one clock for every money rule, and a double-entry ledger. Entries are signed minor units
-- (debit positive, credit negative) with a currency; every ledger transaction sums to zero per
-- currency, checked at commit; entries are never updated or deleted: corrections are reversals.
-- Balances come from the entries. Nothing here is reachable through the API.

/** The clock: now() plus an offset that only the database owner moves (tests move time with it) */
create table private.clock_offset (
  singleton boolean primary key default true check (singleton),
  shift interval not null default '0 seconds'
);
alter table private.clock_offset enable row level security;
insert into private.clock_offset default values;

create function private.clock() returns timestamptz
language sql stable set search_path = '' as $$
  select now() + (select c.shift from private.clock_offset c)
$$;
revoke all on function private.clock() from public;

/** Accounts */
create type private.ledger_account_purpose as enum (
  'stripe_clearing',    -- asset: money Stripe holds for us
  'processor_fees',     -- expense: Stripe's processing fees
  'platform_escrow',    -- liability: the platform's commission on a paid job not yet completed
  'platform_revenue',   -- revenue: commission on completed jobs
  'expert_escrow',      -- liability: an expert's share of a paid job not yet completed
  'expert_pending',     -- liability: completed, waiting out the hold period
  'expert_available'    -- liability: the expert may be paid out
);

create table private.ledger_accounts (
  id bigint generated always as identity primary key,
  purpose private.ledger_account_purpose not null,
  expert_id uuid references public.experts (id),
  currency text not null check (currency in ('ILS', 'USD', 'EUR')),
  created_at timestamptz not null default now(),
  unique nulls not distinct (purpose, expert_id, currency),
  check ((purpose in ('expert_escrow', 'expert_pending', 'expert_available')) = (expert_id is not null))
);
alter table private.ledger_accounts enable row level security;

-- The account for a purpose (and expert) in a currency, created on first use.
create function private.ledger_account(p_purpose private.ledger_account_purpose, p_currency text, p_expert_id uuid default null)
returns bigint
language plpgsql volatile set search_path = '' as $$
declare
  v bigint;
begin
  select a.id into v from private.ledger_accounts a
   where a.purpose = p_purpose and a.currency = p_currency and a.expert_id is not distinct from p_expert_id;
  if v is null then
    insert into private.ledger_accounts (purpose, expert_id, currency) values (p_purpose, p_expert_id, p_currency)
    on conflict (purpose, expert_id, currency) do nothing
    returning id into v;
    if v is null then
      select a.id into v from private.ledger_accounts a
       where a.purpose = p_purpose and a.currency = p_currency and a.expert_id is not distinct from p_expert_id;
    end if;
  end if;
  return v;
end
$$;

/** Transactions and entries */
create table private.ledger_transactions (
  id bigint generated always as identity primary key,
  kind text not null check (kind ~ '^[a-z_]+$'),
  payable_id uuid references private.payables (id),
  idempotency_key text not null unique, -- one effect per business event, however often it is posted
  effective_at timestamptz not null,    -- on the money clock
  created_at timestamptz not null default now()
);
create index ledger_transactions_payable_idx on private.ledger_transactions (payable_id);
alter table private.ledger_transactions enable row level security;

create table private.ledger_entries (
  id bigint generated always as identity primary key,
  transaction_id bigint not null references private.ledger_transactions (id),
  account_id bigint not null references private.ledger_accounts (id),
  amount_cents bigint not null check (amount_cents <> 0), -- debit > 0, credit < 0
  currency text not null check (currency in ('ILS', 'USD', 'EUR'))
);
create index ledger_entries_account_idx on private.ledger_entries (account_id);
create index ledger_entries_transaction_idx on private.ledger_entries (transaction_id);
alter table private.ledger_entries enable row level security;

create trigger ledger_transactions_append_only before update or delete on private.ledger_transactions
  for each row execute function audit.refuse_change();
create trigger ledger_transactions_no_truncate before truncate on private.ledger_transactions
  for each statement execute function audit.refuse_change();
create trigger ledger_entries_append_only before update or delete on private.ledger_entries
  for each row execute function audit.refuse_change();
create trigger ledger_entries_no_truncate before truncate on private.ledger_entries
  for each statement execute function audit.refuse_change();

-- At commit: each transaction's entries sum to zero in each currency, and an entry's currency is its account's.
-- A definer: the check runs at commit as whoever is connected (the webhook's service_role), who may not read the ledger.
create function private.ledger_transaction_balances() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from private.ledger_entries e join private.ledger_accounts a on a.id = e.account_id
              where e.transaction_id = new.transaction_id and e.currency <> a.currency) then
    raise exception 'ledger transaction % books an entry in another currency than its account', new.transaction_id
      using errcode = '23514';
  end if;
  if exists (select 1 from private.ledger_entries e where e.transaction_id = new.transaction_id
              group by e.currency having sum(e.amount_cents) <> 0) then
    raise exception 'ledger transaction % does not balance', new.transaction_id using errcode = '23514';
  end if;
  return null;
end
$$;
create constraint trigger ledger_entries_balance after insert on private.ledger_entries
  deferrable initially deferred for each row execute function private.ledger_transaction_balances();
revoke all on function private.ledger_transaction_balances() from public;

-- Posts one balanced transaction; posting the same idempotency key again changes nothing and
-- returns the first transaction's id. `entries`: [{account: id, amount_cents: n}], all in `currency`.
create function private.post_ledger_transaction(p_kind text, p_key text, p_currency text, p_entries jsonb, p_payable_id uuid default null)
returns bigint
language plpgsql volatile set search_path = '' as $$
declare
  v bigint;
begin
  insert into private.ledger_transactions (kind, payable_id, idempotency_key, effective_at)
  values (p_kind, p_payable_id, p_key, private.clock())
  on conflict (idempotency_key) do nothing
  returning id into v;
  if v is null then
    return (select t.id from private.ledger_transactions t where t.idempotency_key = p_key);
  end if;
  insert into private.ledger_entries (transaction_id, account_id, amount_cents, currency)
  select v, (e ->> 'account')::bigint, (e ->> 'amount_cents')::bigint, p_currency
    from jsonb_array_elements(p_entries) e
   where (e ->> 'amount_cents')::bigint <> 0;
  return v;
end
$$;

/** Balances, from the entries. Liabilities and revenue are shown positive (credit balances). */
create function private.account_balance(p_account bigint) returns bigint
language sql stable set search_path = '' as $$
  select coalesce(sum(e.amount_cents), 0)::bigint from private.ledger_entries e where e.account_id = p_account
$$;
