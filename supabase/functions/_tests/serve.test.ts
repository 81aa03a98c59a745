// The local functions server (stack/functions/serve.ts) against a fixture folder: discovery, both
// module styles, hosted-style verify_jwt, and error answers that leak nothing.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { functionNames, loadFunctions, router, verifyJwtSettings } from '../../../stack/functions/serve.ts';
import { foreignToken, testKeys } from './test-keys.ts';

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));
const configToml = await Deno.readTextFile(`${fixtures}/config.toml`);
const keys = await testKeys();
const logs: string[] = [];
const originalServe = Deno.serve;
const functions = await loadFunctions(fixtures, configToml);
const handle = router(functions, { jwks: keys.jwks, legacySecret: keys.legacySecret }, (line) => logs.push(line));
const info = { remoteAddr: { transport: 'tcp', hostname: '127.0.0.1', port: 1 }, completed: Promise.resolve() } as Deno.ServeHandlerInfo;

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await handle(new Request(`http://127.0.0.1${path}`, init), info);
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : { text }, headers: res.headers };
}
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

Deno.test('discovers function folders with an index.ts, skipping _ and . folders', async () => {
  assert.deepEqual(await functionNames(fixtures), ['boom', 'broken', 'default-export', 'hello', 'open']);
  assert.equal(Deno.serve, originalServe, 'Deno.serve is restored after loading');
});

Deno.test('verify_jwt defaults to true, as on hosted', () => {
  const verify = verifyJwtSettings(configToml);
  assert.equal(verify('hello'), true);
  assert.equal(verify('default-export'), true);
  assert.equal(verify('open'), false);
  assert.equal(verifyJwtSettings('')('anything'), true);
});

Deno.test('a function sees /<name>/… and gets the request as sent', async () => {
  const res = await call('/hello/sub/path?x=1', { ...bearer(await keys.userToken()), method: 'POST' });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { path: '/hello/sub/path', method: 'POST' });
});

Deno.test('verify_jwt on: accepts project ES256 tokens and legacy HS256 keys', async () => {
  assert.equal((await call('/hello', bearer(await keys.userToken()))).status, 200);
  assert.equal((await call('/hello', bearer(await keys.legacyToken('anon')))).status, 200);
  assert.equal((await call('/default-export', bearer(await keys.legacyToken('service_role')))).body.style, 'default-export');
});

Deno.test('verify_jwt on: refuses missing, non-JWT, foreign, expired and wrongly signed tokens', async () => {
  const missing = await call('/hello');
  assert.equal(missing.status, 401);
  assert.equal(missing.body.code, 'UNAUTHORIZED_NO_AUTH_HEADER');
  const refused = [
    keys.publishableKey, // the new keys are not JWTs: exactly why functions set verify_jwt = false
    keys.secretKey,
    await foreignToken(),
    await keys.userToken({}, Math.floor(Date.now() / 1000) - 60),
    await keys.legacyToken('anon', 'some-other-secret-of-at-least-32-chars'),
  ];
  for (const token of refused) {
    const res = await call('/hello', bearer(token));
    assert.equal(res.status, 401);
    assert.equal(res.body.code, 'UNAUTHORIZED_INVALID_JWT_FORMAT');
    assert.equal(res.headers.get('sb-error-code'), 'UNAUTHORIZED_INVALID_JWT_FORMAT');
  }
  const apikeyOnly = await call('/hello', { headers: { apikey: keys.publishableKey } });
  assert.equal(apikeyOnly.status, 401);
  assert.equal((await call('/hello', { headers: { authorization: 'Basic abc' } })).status, 401);
});

Deno.test('verify_jwt on: CORS preflight passes the gate', async () => {
  assert.equal((await call('/hello', { method: 'OPTIONS' })).status, 200);
});

Deno.test('verify_jwt = false: no credentials needed', async () => {
  const res = await call('/open', { method: 'PUT' });
  assert.equal(res.status, 200);
  assert.equal(res.body.text, 'open PUT');
});

Deno.test('errors: unknown 404, throwing 500, failed boot 503, none leaking internals', async () => {
  const unknown = await call('/nope');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.code, 'NOT_FOUND');
  assert.equal((await call('/_ignored')).status, 404);
  assert.equal((await call('/no-index')).status, 404);
  const boom = await call('/boom');
  assert.equal(boom.status, 500);
  assert.doesNotMatch(JSON.stringify(boom.body), /secret internals|boom:/);
  const broken = await call('/broken', bearer(await keys.userToken()));
  assert.equal(broken.status, 503);
  assert.doesNotMatch(JSON.stringify(broken.body), /broken at import/);
});

Deno.test('/_health answers 200 with the function list', async () => {
  const res = await call('/_health');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.functions, ['boom', 'broken', 'default-export', 'hello', 'open']);
});

Deno.test('logs one line per request: method, function, status, ms; no headers', async () => {
  logs.length = 0;
  const token = await keys.userToken();
  await call('/hello/x', bearer(token));
  await call('/nope', { method: 'DELETE' });
  assert.equal(logs.length, 2);
  assert.match(logs[0]!, /^GET hello 200 \d+ms$/);
  assert.match(logs[1]!, /^DELETE nope 404 \d+ms$/);
  assert.ok(!logs.join('\n').includes(token));
});
