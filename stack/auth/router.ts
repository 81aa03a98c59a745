// The route table: paths as the gateway forwards them (/auth/v1 already stripped; /mailbox as is).
import type { StackKeys } from '../keys.ts';
import type { Handler } from './context.ts';
import { createUser, deleteUserById, getUserById, listAllUsers, updateUserById } from './routes-admin.ts';
import { health, jwks, mailboxMessages, mailboxPage, settings } from './routes-meta.ts';
import { getVerify, postVerify, recover } from './routes-recover.ts';
import { signup } from './routes-signup.ts';
import { token } from './routes-token.ts';
import { getUser, logout, putUser } from './routes-user.ts';

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

function route(method: string, path: string, handler: Handler): Route {
  const names: string[] = [];
  const source = path
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { method, pattern: new RegExp(`^${source}/?$`), names, handler };
}

export function routes(keys: StackKeys): Route[] {
  return [
    route('GET', '/health', health),
    route('GET', '/settings', settings),
    route('GET', '/.well-known/jwks.json', jwks(keys)),
    route('POST', '/signup', signup),
    route('POST', '/token', token),
    route('GET', '/user', getUser),
    route('PUT', '/user', putUser),
    route('POST', '/logout', logout),
    route('POST', '/recover', recover),
    route('GET', '/verify', getVerify),
    route('POST', '/verify', postVerify),
    route('POST', '/admin/users', createUser),
    route('GET', '/admin/users', listAllUsers),
    route('GET', '/admin/users/:id', getUserById),
    route('PUT', '/admin/users/:id', updateUserById),
    route('DELETE', '/admin/users/:id', deleteUserById),
    route('GET', '/mailbox', mailboxPage),
    route('GET', '/mailbox/api/messages', mailboxMessages),
  ];
}

export type RouteMatch = { handler: Handler; params: Record<string, string> } | 'method_not_allowed' | undefined;

export function matchRoute(table: Route[], method: string, pathname: string): RouteMatch {
  let pathMatched = false;
  for (const r of table) {
    const m = r.pattern.exec(pathname);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== method && !(r.method === 'GET' && method === 'HEAD')) continue;
    const params: Record<string, string> = {};
    r.names.forEach((name, i) => {
      try {
        params[name] = decodeURIComponent(m[i + 1] ?? '');
      } catch {
        params[name] = '';
      }
    });
    return { handler: r.handler, params };
  }
  return pathMatched ? 'method_not_allowed' : undefined;
}
