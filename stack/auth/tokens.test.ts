import { SignJWT, decodeProtectedHeader, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateKeys, signToken } from '../keys.ts';
import { AuthError } from './errors.ts';
import { safeEqual, sixDigitCode, TokenService } from './tokens.ts';

const keys = await generateKeys();
const service = new TokenService(keys, 'http://127.0.0.1:54321/auth/v1', 3600);
const user = {
  id: '6f1c2f5e-1d3a-4c47-9a3e-0a4d3b8e9f10',
  email: 'a@x.test',
  phone: null,
  raw_app_meta_data: { provider: 'email', providers: ['email'] },
  raw_user_meta_data: { name: 'A' },
  is_anonymous: false,
};

async function rejection(token: string): Promise<string> {
  try {
    await service.verify(token);
    return 'accepted';
  } catch (e) {
    return e instanceof AuthError ? `${e.status} ${e.errorCode}` : 'other';
  }
}

describe('TokenService', () => {
  it('issues ES256 access tokens with the kid and GoTrue claims, and verifies them', async () => {
    const { token, expiresAt } = await service.accessToken(user, 'session-1', [{ method: 'password', timestamp: 1 }]);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', kid: keys.signingJwk.kid });
    const claims = await service.verify(token);
    expect(claims).toMatchObject({
      iss: 'http://127.0.0.1:54321/auth/v1',
      sub: user.id,
      aud: 'authenticated',
      role: 'authenticated',
      aal: 'aal1',
      email: 'a@x.test',
      phone: '',
      session_id: 'session-1',
      is_anonymous: false,
      app_metadata: user.raw_app_meta_data,
      user_metadata: user.raw_user_meta_data,
      amr: [{ method: 'password', timestamp: 1 }],
    });
    expect(claims.exp).toBe(expiresAt);
  });

  it('accepts the gateway role tokens and the legacy HS256 keys', async () => {
    expect((await service.verify(await signToken(keys, { role: 'service_role' }, 60))).role).toBe('service_role');
    expect((await service.verify(keys.legacyServiceRoleKey)).role).toBe('service_role');
    expect((await service.verify(keys.legacyAnonKey)).role).toBe('anon');
  });

  it('rejects foreign keys, expired tokens, alg none and garbage with 403 bad_jwt', async () => {
    const other = await generateKeyPair('ES256');
    const foreign = await new SignJWT({ role: 'service_role' }).setProtectedHeader({ alg: 'ES256', kid: keys.signingJwk.kid }).sign(other.privateKey);
    const forgedLegacy = await new SignJWT({ role: 'service_role' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('x'.repeat(40)));
    const expired = await signToken(keys, { role: 'anon' }, -3600);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"role":"service_role"}').toString('base64url')}.`;
    for (const token of [foreign, forgedLegacy, expired, none, 'garbage', '']) expect(await rejection(token)).toBe('403 bad_jwt');
  });
});

describe('secrets', () => {
  it('codes are six digits', () => {
    for (let i = 0; i < 50; i++) expect(sixDigitCode()).toMatch(/^\d{6}$/);
  });
  it('safeEqual compares without throwing on length differences', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
