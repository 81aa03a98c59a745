// whoami with the env hosted injects, faked: a user token, the secret key, and the refusals.
// Also served through the real config.toml, to prove its verify_jwt = false lets secret-key callers in.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadFunctions, router } from '../../../stack/functions/serve.ts';
import { foreignToken, testKeys } from '../_tests/test-keys.ts';
import whoami, { type WhoamiResponse } from './index.ts';

const keys = await testKeys();
Deno.env.set('SUPABASE_URL', 'http://127.0.0.1:1');
Deno.env.set('SUPABASE_PUBLISHABLE_KEYS', JSON.stringify({ default: keys.publishableKey }));
Deno.env.set('SUPABASE_SECRET_KEYS', JSON.stringify({ default: keys.secretKey }));
Deno.env.set('SUPABASE_JWKS', JSON.stringify(keys.jwks));

async function call(headers: Record<string, string>): Promise<{ status: number; body: WhoamiResponse & { code?: string } }> {
  const res = await whoami.fetch(new Request('http://127.0.0.1/whoami', { method: 'POST', headers }));
  return { status: res.status, body: await res.json() };
}

Deno.test('a signed-in user gets their own claims back', async () => {
  const sub = crypto.randomUUID();
  const token = await keys.userToken({ sub, email: 'ada@example.test', is_anonymous: false });
  const res = await call({ authorization: `Bearer ${token}`, apikey: keys.publishableKey });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { mode: 'user', user: { id: sub, email: 'ada@example.test', role: 'authenticated', is_anonymous: false } });
});

Deno.test('an anonymous session is a user with is_anonymous and no email', async () => {
  const token = await keys.userToken({ email: '', is_anonymous: true });
  const res = await call({ authorization: `Bearer ${token}` });
  assert.equal(res.status, 200);
  assert.equal(res.body.user?.is_anonymous, true);
  assert.equal(res.body.user?.email, null);
});

Deno.test('a server with the secret key is mode secret, no user', async () => {
  const res = await call({ apikey: keys.secretKey });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { mode: 'secret', user: null });
});

Deno.test('refused: nothing, the publishable key alone, a foreign or legacy token', async () => {
  assert.equal((await call({})).status, 401);
  assert.equal((await call({ apikey: keys.publishableKey })).status, 401);
  assert.equal((await call({ apikey: 'sb_secret_wrongwrongwrongwrong' })).status, 401);
  assert.equal((await call({ authorization: `Bearer ${await foreignToken()}`, apikey: keys.secretKey })).status, 401);
  assert.equal((await call({ authorization: `Bearer ${await keys.legacyToken('service_role')}` })).status, 401);
});

Deno.test('served from the real functions folder, secret-key callers pass the platform gate', async () => {
  const dir = fileURLToPath(new URL('..', import.meta.url));
  const configToml = await Deno.readTextFile(fileURLToPath(new URL('../../config.toml', import.meta.url)));
  const functions = await loadFunctions(dir, configToml);
  const handle = router(functions, { jwks: keys.jwks }, () => {});
  const info = { remoteAddr: { transport: 'tcp', hostname: '127.0.0.1', port: 1 }, completed: Promise.resolve() } as Deno.ServeHandlerInfo;
  const res = await handle(new Request('http://127.0.0.1/whoami', { headers: { apikey: keys.secretKey } }), info);
  assert.equal(res.status, 200);
  assert.equal(((await res.json()) as WhoamiResponse).mode, 'secret');
});
