-- The baseline for the lead board benchmark: the same lead_board call as the service role, which
-- bypasses RLS. The project grants service_role nothing (hosted no longer grants new objects to the
-- API roles, and no migration needs it), so this throwaway database gives it exactly what the
-- function reads; with RLS out of the way, the difference between the two runs is RLS's cost.
grant usage on schema private to service_role;
grant execute on function private.approved_expert_id() to service_role;
grant execute on function public.lead_board(text, integer, bigint, bigint, text, timestamptz, uuid, integer) to service_role;
grant select on private.leads, public.experts, public.expert_categories, public.categories, public.city_distances to service_role;
