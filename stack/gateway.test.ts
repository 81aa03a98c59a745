// The gateway against echoing upstreams: routing, key translation, CORS, and the client IP it sets.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from './gateway.ts';
import { generateKeys, signToken, type StackKeys } from './keys.ts';

interface Seen {
  upstream: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

let keys: StackKeys;
let base: string;
const seen: Seen[] = [];
const servers: http.Server[] = [];
let closeGateway: () => Promise<void>;

async function echo(name: string): Promise<number> {
  const server = http.createServer((req, res) => {
    seen.push({ upstream: name, path: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ upstream: name }));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

async function call(path: string, headers: Record<string, string> = {}, method = 'GET') {
  seen.length = 0;
  const res = await fetch(`${base}${path}`, { method, headers });
  const body = await res.text();
  return { status: res.status, body, headers: res.headers, upstream: seen[0] };
}

async function roleOf(authorization: string | string[] | undefined): Promise<unknown> {
  const token = String(authorization).replace('Bearer ', '');
  const { payload } = await jwtVerify(token, createLocalJWKSet(keys.jwks));
  return payload.role;
}

beforeAll(async () => {
  keys = await generateKeys();
  const upstreams = { rest: await echo('rest'), auth: await echo('auth'), functions: await echo('functions') };
  const gateway = await startGateway({ host: '127.0.0.1', port: 0, keys, issuer: 'http://test/auth/v1', upstreams });
  closeGateway = gateway.close;
  base = `http://127.0.0.1:${gateway.port}`;
});

afterAll(async () => {
  await closeGateway();
  for (const s of servers) s.close();
});

describe('gateway', () => {
  it('routes /rest/v1 to PostgREST without the prefix', async () => {
    const r = await call('/rest/v1/experts?select=id', { apikey: keys.publishableKey });
    expect(r.status).toBe(200);
    expect(r.upstream).toMatchObject({ upstream: 'rest', path: '/experts?select=id' });
  });

  it('turns the publishable key into an anon token and the secret key into a service_role token', async () => {
    const anon = await call('/rest/v1/x', { apikey: keys.publishableKey, authorization: `Bearer ${keys.publishableKey}` });
    expect(await roleOf(anon.upstream?.headers.authorization)).toBe('anon');
    const service = await call('/auth/v1/admin/users', { apikey: keys.secretKey });
    expect(await roleOf(service.upstream?.headers.authorization)).toBe('service_role');
  });

  it("passes a user's own token through unchanged", async () => {
    const userToken = await signToken(keys, { sub: 'u1', role: 'authenticated' }, 60);
    const r = await call('/rest/v1/x', { apikey: keys.publishableKey, authorization: `Bearer ${userToken}` });
    expect(r.upstream?.headers.authorization).toBe(`Bearer ${userToken}`);
  });

  it('refuses a missing or unknown API key, without reaching the service', async () => {
    const missing = await call('/rest/v1/x');
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body).message).toBe('No API key found in request');
    const wrong = await call('/rest/v1/x', { apikey: 'sb_publishable_not-ours' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body).message).toBe('Invalid API key');
    expect(wrong.upstream).toBeUndefined();
  });

  it('sets X-Forwarded-For from the connection, ignoring what the client claims', async () => {
    const r = await call('/rest/v1/x', { apikey: keys.publishableKey, 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9' });
    expect(r.upstream?.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(r.upstream?.headers['x-real-ip']).toBeUndefined();
  });

  it('hands functions the apikey and Authorization exactly as sent', async () => {
    const r = await call('/functions/v1/whoami/extra', { apikey: keys.publishableKey, authorization: `Bearer ${keys.publishableKey}` });
    expect(r.upstream).toMatchObject({ upstream: 'functions', path: '/whoami/extra' });
    expect(r.upstream?.headers.apikey).toBe(keys.publishableKey);
    expect(r.upstream?.headers.authorization).toBe(`Bearer ${keys.publishableKey}`);
  });

  it('lets email links and key discovery through without an apikey', async () => {
    expect((await call('/auth/v1/verify?token=t&type=recovery')).upstream?.path).toBe('/verify?token=t&type=recovery');
    expect((await call('/auth/v1/.well-known/jwks.json')).status).toBe(200);
  });

  it('answers CORS preflight itself', async () => {
    const r = await call('/rest/v1/x', { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'POST' }, 'OPTIONS');
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-headers')).toContain('apikey');
    expect(r.upstream).toBeUndefined();
  });

  it('answers 404 for paths no service owns', async () => {
    expect((await call('/nope', { apikey: keys.publishableKey })).status).toBe(404);
  });
});
