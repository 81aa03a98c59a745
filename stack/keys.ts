// The keys a Supabase project has today: a publishable key for browsers, a secret key for servers,
// an asymmetric (ES256) signing key for user tokens published as a JWKS, and the legacy HS256
// anon/service_role keys older clients still send. Generated once per data folder and kept, so a
// restart keeps sessions valid.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export interface StackKeys {
  publishableKey: string;
  secretKey: string;
  /** Private ES256 signing key (with kid) for user and role tokens. */
  signingJwk: JWK;
  /** Public keys only: what `/auth/v1/.well-known/jwks.json` serves. */
  jwks: { keys: JWK[] };
  legacyJwtSecret: string;
  legacyAnonKey: string;
  legacyServiceRoleKey: string;
}

export const ISSUER_PATH = '/auth/v1';

function token(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

async function legacyKey(secret: string, role: 'anon' | 'service_role'): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role, iss: 'supabase-demo' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + 10 * 365 * 24 * 3600)
    .sign(new TextEncoder().encode(secret));
}

export async function generateKeys(): Promise<StackKeys> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  const signingJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig', key_ops: ['verify'] };
  const legacyJwtSecret = token(40);
  return {
    publishableKey: `sb_publishable_${token(24)}`,
    secretKey: `sb_secret_${token(24)}`,
    signingJwk,
    jwks: { keys: [publicJwk] },
    legacyJwtSecret,
    legacyAnonKey: await legacyKey(legacyJwtSecret, 'anon'),
    legacyServiceRoleKey: await legacyKey(legacyJwtSecret, 'service_role'),
  };
}

export async function loadOrCreateKeys(file: string): Promise<StackKeys> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StackKeys;
  const keys = await generateKeys();
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

/**
 * PostgREST takes a JWKS as its JWT secret. The EC public key verifies user tokens; the symmetric
 * (`oct`) key lets legacy HS256 anon/service_role keys verify too.
 */
export function postgrestJwks(keys: StackKeys): string {
  const oct = { kty: 'oct', k: Buffer.from(keys.legacyJwtSecret).toString('base64url'), alg: 'HS256' };
  return JSON.stringify({ keys: [...keys.jwks.keys, oct] });
}

/** Signs claims with the project's ES256 key, as Supabase Auth does. */
export async function signToken(keys: StackKeys, claims: Record<string, unknown>, expiresInSeconds: number): Promise<string> {
  const key = await importJWK(keys.signingJwk, 'ES256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: keys.signingJwk.kid, typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(key);
}
