// What every handler gets: the pool, the token service, the mailbox, the limiters and settings.
import type pg from 'pg';
import type { Mailbox } from './mailbox.ts';
import type { IntervalLimiter, SlidingWindowLimiter } from './rate-limit.ts';
import type { TokenService } from './tokens.ts';
import type { AuthRequest, Reply } from './http.ts';

export interface Limiters {
  failedSignInsByIdentity: SlidingWindowLimiter;
  failedSignInsByIp: SlidingWindowLimiter;
  anonymousSignUpsByIp: SlidingWindowLimiter;
  /** Wrong recovery codes per user: past the limit the code is void and a new email is needed. */
  otpFailuresByUser: SlidingWindowLimiter;
  emailsByAddress: IntervalLimiter;
}

export interface AuthContext {
  db: pg.Pool;
  tokens: TokenService;
  mailbox: Mailbox;
  limits: Limiters;
  apiUrl: string;
  siteUrl: string;
  refreshTokenReuseMs: number;
  recoveryTokenTtlMs: number;
  log: (line: string) => void;
}

export type Handler = (ctx: AuthContext, req: AuthRequest) => Promise<Reply>;

export const PASSWORD_MIN_LENGTH = 8;
/** bcrypt reads 72 bytes; GoTrue refuses longer passwords rather than silently truncating. */
export const PASSWORD_MAX_BYTES = 72;
