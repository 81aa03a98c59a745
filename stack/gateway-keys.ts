// How the gateway turns API keys into roles, as hosted Supabase does: the publishable key (or the
// legacy anon key) makes a request `anon`, the secret key (or legacy service_role key) makes it
// `service_role`. A user's own token in Authorization is passed on unchanged.
import { signToken, type StackKeys } from './keys.ts';

export type ApiRole = 'anon' | 'service_role';

export function roleForApiKey(keys: StackKeys, apikey: string | undefined): ApiRole | undefined {
  if (!apikey) return undefined;
  if (apikey === keys.publishableKey || apikey === keys.legacyAnonKey) return 'anon';
  if (apikey === keys.secretKey || apikey === keys.legacyServiceRoleKey) return 'service_role';
  return undefined;
}

const looksLikeJwt = (value: string) => /^[\w-]+\.[\w-]+\.[\w-]*$/.test(value);

/** Mints short-lived role tokens signed with the project key, and reuses them until half-life. */
export class RoleTokens {
  private cache = new Map<ApiRole, { token: string; renewAt: number }>();
  constructor(
    private readonly keys: StackKeys,
    private readonly issuer: string,
  ) {}

  async get(role: ApiRole): Promise<string> {
    const hit = this.cache.get(role);
    if (hit && hit.renewAt > Date.now()) return hit.token;
    const lifetime = 3600;
    const token = await signToken(this.keys, { role, iss: this.issuer }, lifetime);
    this.cache.set(role, { token, renewAt: Date.now() + (lifetime / 2) * 1000 });
    return token;
  }

  /** The Authorization header upstream services should see for this request. */
  async authorization(role: ApiRole, incoming: string | undefined): Promise<string> {
    const bearer = incoming?.replace(/^Bearer\s+/i, '').trim();
    // A JWT (a user's token, or a legacy key) is verified upstream; anything else is the API key itself.
    if (bearer && looksLikeJwt(bearer)) return `Bearer ${bearer}`;
    return `Bearer ${await this.get(role)}`;
  }
}
