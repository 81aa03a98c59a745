// The request and reply types handlers see: a parsed URL, the caller's IP as the gateway reports it,
// the bearer token, and a size-limited JSON body validated by a zod schema (anything else is 400).
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { z } from 'zod';
import { validationFailed } from './errors.ts';

export const MAX_BODY_BYTES = 64 * 1024;

export interface Reply {
  status: number;
  json?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

export const json = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({ status, json: body, headers });
export const noContent = (): Reply => ({ status: 204 });
export const redirect = (location: string): Reply => ({ status: 303, headers: { location } });

/** The gateway sets X-Forwarded-For from the socket; the last entry is the one a proxy added. */
export function forwardedIp(req: IncomingMessage): string {
  const header = req.headers['x-forwarded-for'];
  const value = Array.isArray(header) ? header.at(-1) : header;
  const last = value
    ?.split(',')
    .at(-1)
    ?.trim()
    .replace(/^::ffff:/, '');
  if (last && isIP(last)) return last;
  return (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
}

export function describeIssues(issues: readonly { path: readonly PropertyKey[] }[]): string {
  const fields = [...new Set(issues.map((i) => i.path.map(String).join('.') || 'body'))];
  return `Invalid request: check ${fields.join(', ')}`;
}

export class AuthRequest {
  readonly ip: string;
  private bodyText: Promise<string> | undefined;

  constructor(
    readonly raw: IncomingMessage,
    readonly url: URL,
    readonly params: Record<string, string> = {},
  ) {
    this.ip = forwardedIp(raw);
  }

  get method(): string {
    return this.raw.method ?? 'GET';
  }

  get userAgent(): string | null {
    return this.raw.headers['user-agent']?.slice(0, 512) ?? null;
  }

  query(name: string): string | undefined {
    return this.url.searchParams.get(name) ?? undefined;
  }

  bearer(): string | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(this.raw.headers.authorization ?? '');
    return match?.[1];
  }

  /** Parses the JSON body (an empty body is `{}`) and validates it; never throws anything but a 400. */
  async body<T>(schema: z.ZodType<T>): Promise<T> {
    this.bodyText ??= readText(this.raw);
    const text = await this.bodyText;
    let value: unknown = {};
    if (text.trim() !== '') {
      try {
        value = JSON.parse(text);
      } catch {
        throw validationFailed('Could not parse request body as JSON');
      }
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw validationFailed(describeIssues(parsed.error.issues));
    return parsed.data;
  }
}

/**
 * Reads the body to its end even when it is too large (the excess is discarded): answering before
 * the body is consumed leaves the keep-alive connection from the gateway unusable.
 */
async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    else if (size > MAX_BODY_BYTES * 64) break; // a flood: stop reading, the connection is dropped
  }
  if (size > MAX_BODY_BYTES) throw validationFailed('Request body is too large');
  return Buffer.concat(chunks).toString('utf8');
}
