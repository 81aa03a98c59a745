// A small GoTrue-compatible auth service for the local stack, enough for @supabase/supabase-js:
// email/password and anonymous sign-up, password and refresh-token grants, the user endpoints,
// logout, password recovery through a local mailbox, and the admin user API. It runs inside the
// runner's process; the gateway strips /auth/v1, checks the apikey and sets X-Forwarded-For.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StackKeys } from '../keys.ts';
import type { AuthContext } from './context.ts';
import { checkPrivileges, createPool } from './db.ts';
import { describeFailure, handle } from './handle.ts';
import { Mailbox } from './mailbox.ts';
import { IntervalLimiter, SlidingWindowLimiter } from './rate-limit.ts';
import { routes } from './router.ts';
import { TokenService } from './tokens.ts';

export interface AuthRateLimits {
  failedSignInsPerIdentity: number;
  failedSignInsPerIp: number;
  anonymousSignUpsPerIp: number;
  windowSeconds: number;
  /** Minimum gap between two recovery emails to one address (default 60 s, GoTrue's SMTP max frequency). */
  emailSendIntervalSeconds?: number;
  /** Wrong recovery codes per user within the window before the code is void (default 5). */
  otpAttemptsPerUser?: number;
}

export interface AuthServerOptions {
  host: string;
  port: number;
  dbUrl: string;
  keys: StackKeys;
  apiUrl: string;
  siteUrl: string;
  mailboxDir: string;
  rateLimits: AuthRateLimits;
  jwtExpirySeconds?: number;
  /** How long a rotated refresh token may still be presented (default 10 s, GoTrue's default). */
  refreshTokenReuseIntervalSeconds?: number;
  /** Where service errors are reported (default stderr). Lines never hold emails, passwords or tokens. */
  log?: (line: string) => void;
}

/** `npm start`: in the spirit of hosted Supabase's defaults (30 sign-in attempts per 5 minutes per IP). */
export const DEFAULT_RATE_LIMITS: AuthRateLimits = {
  failedSignInsPerIdentity: 10,
  failedSignInsPerIp: 30,
  anonymousSignUpsPerIp: 30,
  windowSeconds: 300,
};

/**
 * `npm test`: a low per-address limit so the rate-limit tests trip it quickly; per-IP limits high
 * enough for the other suites, which all share 127.0.0.1 (the rate-limit tests use their own
 * loopback addresses). The auth tests pass with either profile: they loop until the 429.
 */
export const TEST_RATE_LIMITS: AuthRateLimits = {
  failedSignInsPerIdentity: 5,
  failedSignInsPerIp: 30,
  anonymousSignUpsPerIp: 50,
  windowSeconds: 60,
};

export async function startAuthServer(o: AuthServerOptions): Promise<{ port: number; close(): Promise<void> }> {
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const db = createPool(o.dbUrl, log);
  const mailbox = new Mailbox(o.mailboxDir);
  try {
    await checkPrivileges(db);
    await mailbox.init();
  } catch (error) {
    await db.end();
    throw error;
  }
  const windowMs = o.rateLimits.windowSeconds * 1000;
  const ctx: AuthContext = {
    db,
    tokens: new TokenService(o.keys, `${o.apiUrl.replace(/\/$/, '')}/auth/v1`, o.jwtExpirySeconds ?? 3600),
    mailbox,
    limits: {
      failedSignInsByIdentity: new SlidingWindowLimiter(o.rateLimits.failedSignInsPerIdentity, windowMs),
      failedSignInsByIp: new SlidingWindowLimiter(o.rateLimits.failedSignInsPerIp, windowMs),
      anonymousSignUpsByIp: new SlidingWindowLimiter(o.rateLimits.anonymousSignUpsPerIp, windowMs),
      otpFailuresByUser: new SlidingWindowLimiter(o.rateLimits.otpAttemptsPerUser ?? 5, windowMs),
      emailsByAddress: new IntervalLimiter((o.rateLimits.emailSendIntervalSeconds ?? 60) * 1000),
    },
    apiUrl: o.apiUrl.replace(/\/$/, ''),
    siteUrl: o.siteUrl,
    refreshTokenReuseMs: (o.refreshTokenReuseIntervalSeconds ?? 10) * 1000,
    recoveryTokenTtlMs: 3600 * 1000,
    log,
  };
  const table = routes(o.keys);
  const server = http.createServer((req, res) => {
    handle(ctx, table, req, res).catch((error: unknown) => {
      log(`auth: response failed: ${describeFailure(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port, o.host, () => resolve());
    });
  } catch (error) {
    await db.end();
    throw error;
  }
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await db.end();
    },
  };
}
