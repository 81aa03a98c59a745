-- Platform: the schemas the API does not expose (`private` for SECURITY DEFINER helpers and money
-- math, `audit` for append-only logs), and functions secure by default: nobody executes a new one
-- until a migration grants it to the roles that need it.

/** Schemas */
create schema if not exists private;
comment on schema private is 'Definer helpers, money math and webhook inboxes. Not exposed by PostgREST.';
create schema if not exists audit;
comment on schema audit is 'Append-only logs of admin actions and PII reveals. Not exposed by PostgREST.';
revoke all on schema private, audit from public;

/** Functions are not executable by PUBLIC by default */
-- Postgres grants EXECUTE on new functions to PUBLIC; migrations grant each function explicitly.
alter default privileges for role postgres revoke execute on functions from public;
