// Plain HTTP to the gateway, for what supabase-js cannot do: send from another loopback address
// (the gateway takes the client IP from the socket), forge forwarding headers, post garbage, read
// the mailbox.
import http from 'node:http';
import { randomInt } from 'node:crypto';
import { stackEnv } from '../support/env.ts';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: Record<string, unknown>;
}

export interface RawRequest {
  method?: string;
  path: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  localAddress?: string;
}

/** A loopback address other than 127.0.0.1, fresh for each call, so earlier runs' limits don't apply. */
export const randomLoopback = (): string => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

export function rawRequest(r: RawRequest): Promise<RawResponse> {
  const env = stackEnv();
  const base = new URL(env.SUPABASE_URL);
  const payload = r.rawBody ?? (r.body === undefined ? undefined : JSON.stringify(r.body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: r.method ?? (payload === undefined ? 'GET' : 'POST'),
        path: r.path,
        localAddress: r.localAddress,
        agent: false,
        headers: {
          apikey: env.SUPABASE_PUBLISHABLE_KEY,
          'x-supabase-api-version': '2024-01-01',
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...r.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> = {};
          try {
            json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            // not JSON (the mailbox page)
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export const signInFrom = (localAddress: string, email: string, password: string, headers?: Record<string, string>) =>
  rawRequest({ path: '/auth/v1/token?grant_type=password', body: { email, password }, localAddress, headers });

export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  sentAt: string;
}

export async function mailboxFor(email: string): Promise<MailboxMessage[]> {
  const res = await fetch(`${stackEnv().SUPABASE_URL}/mailbox/api/messages?to=${encodeURIComponent(email)}`);
  if (!res.ok) throw new Error(`mailbox answered ${res.status}`);
  return (await res.json()) as MailboxMessage[];
}
