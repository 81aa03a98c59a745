// Keys shaped like the stack's (stack/keys.ts), minted in-process so Deno tests need no stack.
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet, type JWTPayload } from 'npm:jose@^6.2.17';

export interface TestKeys {
  jwks: JSONWebKeySet;
  legacySecret: string;
  publishableKey: string;
  secretKey: string;
  /** ES256 with a kid, as Supabase Auth signs access tokens. */
  userToken(claims?: JWTPayload, expiresIn?: string | number): Promise<string>;
  /** HS256 with the legacy secret, like the old anon/service_role keys. */
  legacyToken(role: string, secret?: string): Promise<string>;
}

export async function testKeys(): Promise<TestKeys> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = crypto.randomUUID();
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
  const legacySecret = 'test-legacy-secret-at-least-32-characters';
  return {
    jwks,
    legacySecret,
    publishableKey: 'sb_publishable_testtesttesttest',
    secretKey: 'sb_secret_testtesttesttesttest',
    userToken: (claims = {}, expiresIn = '1h') =>
      new SignJWT({ role: 'authenticated', aud: 'authenticated', sub: crypto.randomUUID(), ...claims })
        .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(privateKey),
    legacyToken: (role, secret = legacySecret) =>
      new SignJWT({ role, iss: 'supabase-demo' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(secret)),
  };
}

/** A second, unrelated ES256 key: its tokens must not verify against the project's JWKS. */
export async function foreignToken(): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256');
  return new SignJWT({ role: 'authenticated', sub: crypto.randomUUID() })
    .setProtectedHeader({ alg: 'ES256', kid: 'foreign', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}
