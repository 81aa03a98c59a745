-- Demo data for `npm start` and `supabase db reset`; never rows the product needs to be correct
-- (those live in migrations). The demo users themselves are created through the auth admin API
-- before this file runs (see stack/demo-users.ts): admin@, customer@ and expert@guildhall.test.
select 1;
