// The control API over HTTP, under `/_fake/`, with JSON bodies and answers. It needs no key: the
// fake listens on the loopback interface and holds only test data. Errors come back as
// `{error: {message, param?}}` with a 4xx status.
import type { FakeControl } from './control.ts';
import { invalidRequest } from './errors.ts';
import type { FailureRule } from './failure-injection.ts';
import type { WebhookEndpoint } from './webhook-delivery.ts';

export interface ControlReply {
  status: number;
  body: unknown;
}

type Body = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

const FLUSH_TIMEOUT_MS = 30_000;

async function flush(control: FakeControl, timeoutMs: number): Promise<ControlReply> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  const result = await Promise.race([control.webhooksIdle().then(() => 'idle' as const), timedOut]);
  clearTimeout(timer);
  return result === 'idle'
    ? { status: 200, body: { idle: true } }
    : { status: 504, body: { idle: false, error: { message: `deliveries still running after ${timeoutMs} ms` } } };
}

export async function handleControl(control: FakeControl, method: string, url: URL, body: Body): Promise<ControlReply | undefined> {
  const path = url.pathname.slice('/_fake'.length);
  const ok = (b: unknown = { ok: true }): ControlReply => ({ status: 200, body: b });
  const route = `${method} ${path}`;
  let m: RegExpExecArray | null;

  switch (route) {
    case 'GET /health':
      return ok({ ok: true });
    case 'POST /reset':
      control.reset();
      return ok();
    case 'POST /fail-next':
      control.failNext(body as unknown as FailureRule);
      return ok({ pending: control.pendingFailures() });
    case 'GET /fail-next':
      return ok({ pending: control.pendingFailures() });
    case 'DELETE /fail-next':
      control.clearFailures();
      return ok();
    case 'POST /webhooks/next':
      control.planWebhooks({
        count: num(body.count),
        delayMs: num(body.delayMs),
        copies: num(body.copies),
        concurrent: body.concurrent === true,
      });
      return ok();
    case 'POST /webhooks/hold':
      control.holdWebhooks();
      return ok({ holding: true });
    case 'POST /webhooks/release':
      return ok({ released: control.releaseWebhooks((str(body.order) ?? 'fifo') as 'fifo' | 'reverse') });
    case 'GET /webhooks/held':
      return ok({ held: control.heldWebhooks() });
    case 'GET /webhooks/attempts':
      return ok({
        data: control.webhookAttempts({
          eventId: url.searchParams.get('event') ?? undefined,
          endpoint: url.searchParams.get('endpoint') ?? undefined,
        }),
      });
    case 'DELETE /webhooks/attempts':
      control.clearWebhookAttempts();
      return ok();
    case 'POST /webhooks/flush':
      return flush(control, num(body.timeoutMs) ?? FLUSH_TIMEOUT_MS);
    case 'GET /webhooks/endpoints':
      return ok({ endpoints: control.webhookEndpoints() });
    case 'PUT /webhooks/endpoints':
      if (!Array.isArray(body.endpoints)) throw invalidRequest('endpoints must be an array', { param: 'endpoints' });
      control.setWebhookEndpoints(body.endpoints as WebhookEndpoint[]);
      return ok();
    case 'POST /idempotency/forget':
      return ok({ forgotten: control.forgetIdempotencyKeys() });
    case 'POST /payouts/fail-next':
      control.failNextPayout(str(body.failureCode));
      return ok();
  }

  if (method !== 'POST') return undefined;
  if ((m = /^\/events\/([^/]+)\/resend$/.exec(path))) return ok({ sent: control.resendEvent(m[1] ?? '', str(body.endpoint)) });
  if ((m = /^\/checkout\/sessions\/([^/]+)\/(pay|decline|pay-later|settle)$/.exec(path))) {
    const [, id = '', action] = m;
    const input = { email: str(body.email) };
    if (action === 'pay') return ok(control.pay(id, input));
    if (action === 'decline') return ok(control.decline(id, { ...input, declineCode: str(body.declineCode) }));
    if (action === 'pay-later') return ok(control.payLater(id, input));
    return ok(control.settleAsync(id, str(body.outcome) as 'succeeded' | 'failed'));
  }
  if ((m = /^\/accounts\/([^/]+)\/onboard$/.exec(path))) return ok(control.onboardAccount(m[1] ?? ''));
  if ((m = /^\/accounts\/([^/]+)\/restrict$/.exec(path))) {
    // Passed through unchecked: restrictAccount refuses anything but a list of names.
    return ok(control.restrictAccount(m[1] ?? '', body.requirements as string[] | undefined));
  }
  if ((m = /^\/payouts\/([^/]+)\/settle$/.exec(path)))
    return ok(control.settlePayout(m[1] ?? '', str(body.outcome) as 'paid' | 'failed', str(body.failureCode)));
  if ((m = /^\/refunds\/([^/]+)\/fail$/.exec(path))) return ok(control.failRefund(m[1] ?? '', str(body.failureReason)));
  if ((m = /^\/charges\/([^/]+)\/dispute$/.exec(path))) {
    // Passed through unchecked: disputeCharge refuses a reason or amount of the wrong type by name.
    return ok(control.disputeCharge(m[1] ?? '', { reason: body.reason as string | undefined, amount: body.amount as number | undefined }));
  }
  if ((m = /^\/disputes\/([^/]+)\/close$/.exec(path))) return ok(control.closeDispute(m[1] ?? '', str(body.outcome) as 'won' | 'lost'));
  return undefined;
}
