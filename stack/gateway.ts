// The API gateway on :54321, routing like hosted Supabase's: /rest/v1 → PostgREST, /auth/v1 →
// auth, /functions/v1 → edge functions, each with its path prefix stripped. It checks the apikey,
// translates the new API keys into role tokens, answers CORS, and sets X-Forwarded-For from the
// socket itself so the IP addresses audit logs record cannot be forged by a client.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RoleTokens, roleForApiKey } from './gateway-keys.ts';
import type { StackKeys } from './keys.ts';

export interface GatewayOptions {
  host: string;
  port: number;
  keys: StackKeys;
  issuer: string;
  upstreams: { rest: number; auth: number; functions: number };
}

interface Route {
  prefix: string;
  upstream: keyof GatewayOptions['upstreams'];
  /** Strip the prefix before forwarding (the mailbox keeps its path). */
  strip: boolean;
  /** Paths under the prefix reachable without an apikey (links opened from an email, key discovery). */
  open?: RegExp;
  /** Functions check callers themselves; they get apikey and Authorization exactly as sent. */
  passThrough?: boolean;
}

const ROUTES: Route[] = [
  { prefix: '/rest/v1', upstream: 'rest', strip: true },
  { prefix: '/auth/v1', upstream: 'auth', strip: true, open: /^\/(verify|health|\.well-known\/jwks\.json)(\?|$)/ },
  { prefix: '/functions/v1', upstream: 'functions', strip: true, passThrough: true },
  { prefix: '/mailbox', upstream: 'auth', strip: false, open: /.*/ },
];

const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD',
  'access-control-allow-headers':
    'authorization, x-client-info, apikey, content-type, x-supabase-api-version, prefer, range, accept-profile, content-profile, x-upsert, accept, accept-language',
  'access-control-expose-headers': 'content-range, content-location, content-profile, preference-applied, x-supabase-api-version, location',
  'access-control-max-age': '86400',
};

// Client-supplied forwarding headers are dropped: only the gateway says where a request came from.
const DROPPED = new Set(['x-forwarded-for', 'x-real-ip', 'forwarded', 'x-forwarded-host', 'x-forwarded-proto', 'host', 'connection']);

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', ...CORS_HEADERS });
  res.end(JSON.stringify(body));
}

export function clientIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}

export async function startGateway(o: GatewayOptions): Promise<{ port: number; close(): Promise<void> }> {
  const tokens = new RoleTokens(o.keys, o.issuer);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      return res.end();
    }
    const route = ROUTES.find((r) => url === r.prefix || url.startsWith(`${r.prefix}/`) || url.startsWith(`${r.prefix}?`));
    if (!route) return sendJson(res, 404, { message: 'no Route matched with those values' });
    const rest = route.strip ? url.slice(route.prefix.length) || '/' : url;

    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined && !DROPPED.has(name)) headers[name] = value;
    headers['x-forwarded-for'] = clientIp(req);
    headers['x-forwarded-host'] = req.headers.host ?? '';
    headers['x-forwarded-proto'] = 'http';

    if (!route.passThrough) {
      const apikey = (req.headers.apikey as string | undefined) ?? new URL(url, 'http://x').searchParams.get('apikey') ?? undefined;
      const role = roleForApiKey(o.keys, apikey);
      const isOpen = route.open?.test(rest) ?? false;
      if (!role && !isOpen) {
        return apikey
          ? sendJson(res, 401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' })
          : sendJson(res, 401, { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' });
      }
      headers.authorization = await tokens.authorization(role ?? 'anon', req.headers.authorization);
    }

    const upstream = http.request({ host: o.host, port: o.upstreams[route.upstream], method: req.method, path: rest, headers }, (up) => {
      const outHeaders = { ...up.headers, ...CORS_HEADERS };
      res.writeHead(up.statusCode ?? 502, outHeaders);
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) sendJson(res, 502, { message: `The ${route.upstream} service is not answering.` });
      else res.destroy();
    });
    req.pipe(upstream);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { message: 'Gateway error' });
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
