// Who is calling: a signed-in user (their token's claims) or a server holding the secret key.
// Proves the edge plumbing end to end; @supabase/server checks the caller, so config.toml turns
// the platform's verify_jwt off for this function.
import { withSupabase } from 'npm:@supabase/server@^1.8.1';

export interface WhoamiUser {
  id: string;
  email: string | null;
  role: string | null;
  is_anonymous: boolean;
}

export interface WhoamiResponse {
  mode: string;
  user: WhoamiUser | null;
}

export default {
  fetch: withSupabase({ auth: ['user', 'secret'] }, (_req, ctx) => {
    const claims = ctx.jwtClaims;
    const user: WhoamiUser | null = claims
      ? {
          id: claims.sub,
          email: claims.email || null,
          role: claims.role ?? null,
          is_anonymous: claims.is_anonymous === true,
        }
      : null;
    const body: WhoamiResponse = { mode: ctx.authMode, user };
    return Promise.resolve(Response.json(body));
  }),
};
