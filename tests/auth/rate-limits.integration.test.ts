// Rate limits on failed sign-ins (per address and per IP) and anonymous sign-ups (per IP). Requests
// come from fresh loopback addresses: the gateway takes the client IP from the socket, so other
// tests (from 127.0.0.1) are not locked out, and earlier runs' counters do not apply. The tests loop
// until the limit trips, so they hold for any configured limits (see TEST_RATE_LIMITS).
import { describe, expect, it } from 'vitest';
import { adminClient, uniqueEmail } from '../support/clients.ts';
import { randomLoopback, rawRequest, signInFrom, type RawResponse } from './raw-http.ts';

const MAX_ATTEMPTS = 200;
const PASSWORD = 'the-right-password';
const FORGED = { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.8', forwarded: 'for=203.0.113.9' };

async function untilLimited(attempt: (i: number) => Promise<RawResponse>, expectedBefore: number): Promise<{ res: RawResponse; attempts: number }> {
  for (let i = 1; i <= MAX_ATTEMPTS; i++) {
    const res = await attempt(i);
    if (res.status === 429) return { res, attempts: i };
    expect(res.status).toBe(expectedBefore);
  }
  throw new Error(`no 429 after ${MAX_ATTEMPTS} attempts`);
}

async function confirmedUser(): Promise<string> {
  const email = uniqueEmail('limited');
  const { error } = await adminClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
  if (error) throw error;
  return email;
}

describe('failed sign-ins per address', () => {
  it('lock the address, even with the right password and from another IP', async () => {
    const email = await confirmedUser();
    const ip = randomLoopback();
    const { res, attempts } = await untilLimited(() => signInFrom(ip, email, 'a-wrong-password'), 400);
    expect(attempts).toBeGreaterThan(1);
    expect(res.json).toMatchObject({ code: 'over_request_rate_limit' });
    // Checked before the password: the right one is refused too, from any address.
    expect((await signInFrom(ip, email, PASSWORD)).status).toBe(429);
    expect((await signInFrom(randomLoopback(), email, PASSWORD)).status).toBe(429);
    // The per-IP limit is higher than the per-address one: this IP may still try other addresses.
    expect((await signInFrom(ip, uniqueEmail('other'), PASSWORD)).json).toMatchObject({ code: 'invalid_credentials' });
  });

  it('do not count successful sign-ins', async () => {
    const email = await confirmedUser();
    const ip = randomLoopback();
    for (let i = 0; i < 12; i++) expect((await signInFrom(ip, email, PASSWORD)).status).toBe(200);
  });

  it('are counted case-insensitively', async () => {
    const email = await confirmedUser();
    const ip = randomLoopback();
    await untilLimited((i) => signInFrom(ip, i % 2 ? email.toUpperCase() : email, 'a-wrong-password'), 400);
    expect((await signInFrom(ip, email, PASSWORD)).status).toBe(429);
  });
});

describe('failed sign-ins per IP', () => {
  it('lock the IP across addresses, and forged forwarding headers do not evade it', async () => {
    const ip = randomLoopback();
    const { res } = await untilLimited(() => signInFrom(ip, uniqueEmail('spray'), 'a-wrong-password'), 400);
    expect(res.json).toMatchObject({ code: 'over_request_rate_limit' });
    expect((await signInFrom(ip, uniqueEmail('spray'), 'a-wrong-password', FORGED)).status).toBe(429);
    // A real user elsewhere is unaffected.
    const email = await confirmedUser();
    expect((await signInFrom(randomLoopback(), email, PASSWORD)).status).toBe(200);
  });
});

describe('anonymous sign-ups per IP', () => {
  it('stop at the limit, forged headers or not; other IPs still sign up', async () => {
    const ip = randomLoopback();
    const signUp = (headers?: Record<string, string>) => rawRequest({ path: '/auth/v1/signup', body: { data: {} }, localAddress: ip, headers });
    const { res } = await untilLimited(() => signUp(), 200);
    expect(res.json).toMatchObject({ code: 'over_request_rate_limit' });
    expect((await signUp(FORGED)).status).toBe(429);
    const elsewhere = await rawRequest({ path: '/auth/v1/signup', body: {}, localAddress: randomLoopback() });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.json).toMatchObject({ user: { is_anonymous: true } });
  });
});
