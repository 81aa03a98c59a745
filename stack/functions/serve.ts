// One Deno process serving every supabase/functions/<name>/index.ts under /<name>/…, the way the
// hosted edge runtime does behind /functions/v1 (the gateway strips that prefix). Routing and the
// hosted `verify_jwt` gate are exported so `deno test` can drive them with a fixture folder.
import { parse as parseToml } from 'npm:smol-toml@^1.9.1';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'npm:jose@^6.2.17';
import { pathToFileURL } from 'node:url';

type Handler = (req: Request, info: Deno.ServeHandlerInfo) => Response | Promise<Response>;
export interface LoadedFunction {
  name: string;
  verifyJwt: boolean;
  handler?: Handler;
  bootError?: unknown;
}
export interface JwtKeys {
  jwks?: JSONWebKeySet;
  legacySecret?: string;
}

// Hosted's own answers (gateway refusals, missing or crashed functions) carry the code in a header too.
const json = (status: number, code: string, message: string) => Response.json({ code, message }, { status, headers: { 'sb-error-code': code } });

/** Hosted default: verify_jwt is on unless `[functions.<name>] verify_jwt = false` says otherwise. */
export function verifyJwtSettings(configToml: string): (name: string) => boolean {
  const functions = (parseToml(configToml).functions ?? {}) as Record<string, { verify_jwt?: unknown }>;
  return (name) => functions[name]?.verify_jwt !== false;
}

export async function functionNames(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (!entry.isDirectory || /^[_.]/.test(entry.name)) continue;
    try {
      if ((await Deno.stat(`${dir}/${entry.name}/index.ts`)).isFile) names.push(entry.name);
    } catch {
      /* a folder without index.ts is not a function */
    }
  }
  return names.sort();
}

/** Imports a module with Deno.serve patched, so `Deno.serve(handler)` hands us the handler instead of listening. */
export async function loadHandler(path: string): Promise<Handler> {
  const original = Deno.serve;
  let captured: Handler | undefined;
  const fakeServer = {
    finished: new Promise<void>(() => {}),
    addr: { transport: 'tcp', hostname: '127.0.0.1', port: 0 },
    shutdown: () => Promise.resolve(),
    ref() {},
    unref() {},
    [Symbol.asyncDispose]: () => Promise.resolve(),
  };
  // deno-lint-ignore no-explicit-any
  (Deno as any).serve = (a: any, b?: any) => {
    captured = typeof a === 'function' ? a : typeof b === 'function' ? b : a?.handler;
    return fakeServer;
  };
  try {
    const mod = await import(pathToFileURL(path).href);
    const fetch = mod.default?.fetch;
    captured ??= typeof fetch === 'function' ? fetch.bind(mod.default) : undefined;
  } finally {
    (Deno as { serve: typeof original }).serve = original;
  }
  if (!captured) throw new Error(`${path} neither calls Deno.serve nor exports default { fetch }`);
  return captured;
}

/** The hosted gate: a Bearer JWT signed by the project (ES256 via JWKS, or the legacy HS256 secret). */
export function jwtGate(keys: JwtKeys): (req: Request) => Promise<Response | null> {
  const keySet = keys.jwks ? createLocalJWKSet(keys.jwks) : undefined;
  const secret = keys.legacySecret ? new TextEncoder().encode(keys.legacySecret) : undefined;
  return async (req) => {
    const header = req.headers.get('authorization');
    if (!header) return json(401, 'UNAUTHORIZED_NO_AUTH_HEADER', 'Missing authorization header');
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    try {
      // sb_publishable_/sb_secret_ keys land here: they are not JWTs, exactly as on hosted.
      const alg = token ? decodeProtectedHeader(token).alg : undefined;
      if (alg === 'ES256' && keySet) await jwtVerify(token!, keySet, { algorithms: ['ES256'] });
      else if (alg === 'HS256' && secret) await jwtVerify(token!, secret, { algorithms: ['HS256'] });
      else throw new Error('unsupported');
      return null;
    } catch {
      return json(401, 'UNAUTHORIZED_INVALID_JWT_FORMAT', 'Invalid JWT');
    }
  };
}

export function router(functions: LoadedFunction[], keys: JwtKeys, log = (line: string) => console.log(line)): Handler {
  const byName = new Map(functions.map((f) => [f.name, f]));
  const gate = jwtGate(keys);
  return async (req, info) => {
    const started = performance.now();
    const name = new URL(req.url).pathname.split('/')[1] ?? '';
    const response = await dispatch(req, info, name);
    log(`${req.method} ${name || '/'} ${response.status} ${Math.round(performance.now() - started)}ms`);
    return response;
  };

  async function dispatch(req: Request, info: Deno.ServeHandlerInfo, name: string): Promise<Response> {
    if (name === '_health') return Response.json({ ok: true, functions: [...byName.keys()] });
    const fn = byName.get(name);
    if (!fn) return json(404, 'NOT_FOUND', 'Requested function was not found');
    if (!fn.handler) return json(503, 'BOOT_ERROR', 'Worker failed to boot (please check logs)');
    // Like the CLI's edge runtime, CORS preflights pass the gate: browsers never send credentials on them.
    if (fn.verifyJwt && req.method !== 'OPTIONS') {
      const refused = await gate(req);
      if (refused) return refused;
    }
    try {
      return await fn.handler(req, info);
    } catch (error) {
      // The stack trace goes to the server log; the caller learns nothing about the internals.
      console.error(`function ${name} threw:`, error);
      return json(500, 'WORKER_ERROR', 'Function exited due to an error (please check logs)');
    }
  }
}

export async function loadFunctions(dir: string, configToml: string): Promise<LoadedFunction[]> {
  const verifyJwt = verifyJwtSettings(configToml);
  const loaded: LoadedFunction[] = [];
  // One at a time: the Deno.serve patch captures whichever module is being imported.
  for (const name of await functionNames(dir)) {
    const entry: LoadedFunction = { name, verifyJwt: verifyJwt(name) };
    try {
      entry.handler = await loadHandler(`${dir}/${name}/index.ts`);
    } catch (error) {
      entry.bootError = error;
      console.error(`function ${name} failed to boot:`, error);
    }
    loaded.push(entry);
  }
  return loaded;
}

if (import.meta.main) {
  const env = (name: string) => Deno.env.get(name) ?? '';
  const keys: JwtKeys = {
    jwks: env('SUPABASE_JWKS') ? JSON.parse(env('SUPABASE_JWKS')) : undefined,
    legacySecret: env('GUILDHALL_LEGACY_JWT_SECRET') || undefined,
  };
  // Hosted functions never see the project's JWT secret: drop it before any function code runs.
  // Not under --watch, whose restarts reuse this process's (then emptied) environment.
  if (!env('GUILDHALL_FUNCTIONS_WATCH')) Deno.env.delete('GUILDHALL_LEGACY_JWT_SECRET');
  const configToml = await Deno.readTextFile(env('GUILDHALL_CONFIG_TOML'));
  const functions = await loadFunctions(env('GUILDHALL_FUNCTIONS_DIR'), configToml);
  const names = functions.map((f) => f.name).join(', ') || '(none)';
  const hostname = env('GUILDHALL_FUNCTIONS_HOST') || '127.0.0.1';
  const port = Number(env('GUILDHALL_FUNCTIONS_PORT'));
  const onListen = () => console.log(`functions on http://${hostname}:${port}: ${names}`);
  Deno.serve({ hostname, port, onListen }, router(functions, keys));
}
