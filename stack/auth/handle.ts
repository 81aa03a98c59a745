// One request: route it, run the handler, turn any failure into a GoTrue-shaped error, write the
// reply. Unexpected failures are logged without emails, passwords or tokens (no bodies, no queries).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthContext } from './context.ts';
import { API_VERSION, AuthError, errorResponse, notFound, unexpected, wantsVersionedErrors } from './errors.ts';
import { AuthRequest, type Reply } from './http.ts';
import { matchRoute, type routes } from './router.ts';

const BASE = 'http://auth.internal';

const redactEmails = (text: string) => text.replace(/[^\s@"'<>]+@[^\s@"'<>]+/g, '[redacted]');

export function describeFailure(error: unknown): string {
  const e = error as { code?: string; message?: string; name?: string } | null;
  const message = redactEmails(String(e?.message ?? e ?? 'unknown error')).slice(0, 300);
  return `${e?.name ?? 'Error'}${e?.code ? ` ${e.code}` : ''}: ${message}`;
}

function write(req: IncomingMessage, res: ServerResponse, reply: Reply, versioned: boolean): void {
  const headers: Record<string, string> = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...reply.headers };
  if (versioned) headers['x-supabase-api-version'] = API_VERSION;
  let body: string | undefined;
  if (reply.html !== undefined) {
    headers['content-type'] = 'text/html; charset=utf-8';
    headers['content-security-policy'] = "default-src 'none'; style-src 'unsafe-inline'";
    body = reply.html;
  } else if (reply.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(reply.json);
  }
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

export async function handle(ctx: AuthContext, table: ReturnType<typeof routes>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const versioned = wantsVersionedErrors(req.headers['x-supabase-api-version']);
  const target = (req.url ?? '/').replace(/^\/+/, '/'); // '//host/x' must stay a path
  const url = URL.canParse(target, BASE) ? new URL(target, BASE) : new URL('/', BASE);
  let reply: Reply;
  try {
    const match = matchRoute(table, req.method ?? 'GET', url.pathname);
    if (!match) throw notFound('not_found', 'Not found');
    if (match === 'method_not_allowed') throw new AuthError(405, 'method_not_allowed', 'Method not allowed');
    reply = await match.handler(ctx, new AuthRequest(req, url, match.params));
  } catch (error) {
    const err = error instanceof AuthError ? error : unexpected();
    if (err.status >= 500) ctx.log(`auth: ${req.method} ${url.pathname} failed: ${describeFailure(error)}`);
    const { body, headers } = errorResponse(err, versioned);
    reply = { status: err.status, json: body, headers };
  }
  write(req, res, reply, versioned);
}
