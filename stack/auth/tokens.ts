// Access tokens as Supabase Auth issues them (ES256, the project key's kid, GoTrue's claims), the
// verification of incoming bearer tokens (project ES256 key, or the legacy HS256 secret for the old
// anon/service_role keys), and the random secrets the flows hand out.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { signToken, type StackKeys } from '../keys.ts';
import { forbidden } from './errors.ts';

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
export const sixDigitCode = (): string => randomInt(0, 1_000_000).toString().padStart(6, '0');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type AmrMethod = 'password' | 'anonymous' | 'recovery';
export interface Amr {
  method: AmrMethod;
  timestamp: number;
}

/** What the claims need from a user row. */
export interface ClaimsUser {
  id: string;
  email: string | null;
  phone: string | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  is_anonymous: boolean;
}

export interface VerifiedClaims extends JWTPayload {
  role?: string;
  session_id?: string;
  is_anonymous?: boolean;
}

export class TokenService {
  private readonly jwks;
  private readonly legacySecret: Uint8Array;

  constructor(
    private readonly keys: StackKeys,
    readonly issuer: string,
    readonly expirySeconds: number,
  ) {
    this.jwks = createLocalJWKSet(keys.jwks);
    this.legacySecret = new TextEncoder().encode(keys.legacyJwtSecret);
  }

  async accessToken(user: ClaimsUser, sessionId: string, amr: Amr[]): Promise<{ token: string; expiresAt: number }> {
    const expiresAt = Math.floor(Date.now() / 1000) + this.expirySeconds;
    const token = await signToken(
      this.keys,
      {
        iss: this.issuer,
        sub: user.id,
        aud: 'authenticated',
        email: user.email ?? '',
        phone: user.phone ?? '',
        app_metadata: user.raw_app_meta_data ?? {},
        user_metadata: user.raw_user_meta_data ?? {},
        role: 'authenticated',
        aal: 'aal1',
        amr,
        session_id: sessionId,
        is_anonymous: user.is_anonymous,
      },
      this.expirySeconds,
    );
    return { token, expiresAt };
  }

  /** Verifies a bearer token's signature and expiry; anything else is GoTrue's 403 `bad_jwt`. */
  async verify(token: string): Promise<VerifiedClaims> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw badJwt();
    }
    try {
      if (alg === 'ES256') return (await jwtVerify(token, this.jwks, { algorithms: ['ES256'], clockTolerance: 5 })).payload;
      if (alg === 'HS256') return (await jwtVerify(token, this.legacySecret, { algorithms: ['HS256'], clockTolerance: 5 })).payload;
    } catch {
      throw badJwt();
    }
    throw badJwt();
  }
}

const badJwt = () => forbidden('bad_jwt', 'invalid JWT: unable to parse or verify signature, token is invalid or expired');
