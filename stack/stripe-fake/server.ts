// The fake's HTTP server. One port serves three things:
//   /v1/…       Stripe's REST dialect for the real `stripe` SDK (host/port/protocol: 'http')
//   /checkout/…, /connect/onboarding/…, /receipts/…   the pages Stripe would host
//   /_fake/…    the control API for tests
// A /v1 request goes through what Stripe does in front of every endpoint: the secret key, the
// Stripe-Account header, injected failures, Idempotency-Key replay; then the route's handler.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeControl } from './control.ts';
import { handleControl } from './control-http.ts';
import { authenticate, redact } from './api-keys.ts';
import { DataFileWriter, loadDataFile } from './data-file.ts';
import { apiError, cardDeclined, invalidRequest, rateLimited, StripeFakeError, unrecognizedUrl } from './errors.ts';
import { FakeContext } from './fake-context.ts';
import { FailureInjector, type FailureRule } from './failure-injection.ts';
import { canonicalParams, parseForm } from './form-encoding.ts';
import { errorPage, handlePage, relinkHostedPages, type PageReply } from './hosted-pages.ts';
import { findReplay, isStoredOutcome, saveResult } from './idempotency.ts';
import { newId, PREFIX } from './ids.ts';
import { STRIPE_LIKE_FEES, type FeeSchedule } from './money.ts';
import { Params } from './params.ts';
import { accountRoutes } from './resources/accounts.ts';
import { balanceRoutes } from './resources/balance.ts';
import { checkoutRoutes, sweepExpiredSessions } from './resources/checkout-sessions.ts';
import { disputeRoutes } from './resources/disputes.ts';
import { eventRoutes } from './resources/events.ts';
import { paymentRoutes } from './resources/payments.ts';
import { payoutRoutes } from './resources/payouts.ts';
import { refundRoutes } from './resources/refunds.ts';
import { topupRoutes } from './resources/topups.ts';
import { transferRoutes } from './resources/transfers.ts';
import { Router } from './router.ts';
import { Store } from './store.ts';
import { WebhookDispatcher, type RetryPolicy, type WebhookEndpoint } from './webhook-delivery.ts';

/** The API version stripe-node 23 pins; events carry it as `api_version`. A test keeps it in step with the SDK. */
export const DEFAULT_API_VERSION = '2026-10-28.endive';

export interface StripeFakeOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** The one secret key accepted; without it any test-mode key (`sk_test_…`, `rk_test_…`) is. */
  apiKey?: string;
  /** Where events are POSTed, each signed with its endpoint's secret. */
  webhookEndpoints?: WebhookEndpoint[];
  /**
   * Public base URL of the fake's pages when it is reached through a proxy (origin plus any path
   * prefix); a Checkout Session's `url` is `<checkoutBaseUrl>/checkout/<id>`. Default: the fake's own URL.
   */
  checkoutBaseUrl?: string;
  /** Keep state in this JSON file, so a restarted fake still has it. */
  dataFile?: string;
  /** Processing fee on every charge (default 2.9% + 30). */
  fees?: FeeSchedule;
  /** Webhook retries on a non-2xx answer (default 4 attempts, 250 ms doubling). */
  webhookRetry?: Partial<RetryPolicy>;
  /** How long an endpoint may take to answer (default 10 s). */
  webhookTimeoutMs?: number;
  /** Settle new payouts as paid right away (default true); false leaves them pending for the control API. */
  autoPayouts?: boolean;
  /** `api_version` of events (default: the version stripe-node 23 pins). */
  apiVersion?: string;
  /** Clock in ms (default Date.now); tests can move it to expire Checkout Sessions. */
  now?: () => number;
  /** Delivery failures and internal errors (default console.error). */
  log?: (line: string) => void;
}

export interface StripeFake {
  /** `http://host:port`, what the SDK's host/port options point at. */
  url: string;
  host: string;
  port: number;
  control: FakeControl;
  /** Resolves when every webhook delivery (retries included) is over. */
  webhooksIdle(): Promise<void>;
  /** Stops listening, abandons pending deliveries and writes the data file one last time. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(invalidRequest('Request body too large.', {}, 413));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function failureError(rule: FailureRule): StripeFakeError {
  if (rule.type === 'card_declined') return cardDeclined(rule.declineCode);
  if (rule.type === 'rate_limit') return rateLimited();
  return apiError("Something went wrong on Stripe's end. (Injected by the local Stripe fake.)");
}

/** A connection closed without an answer, as when a network path to Stripe drops. */
function dropConnection(req: IncomingMessage, res: ServerResponse): void {
  res.socket?.destroy();
  req.socket.destroy();
}

export async function startStripeFake(o: StripeFakeOptions): Promise<StripeFake> {
  const host = o.host ?? '127.0.0.1';
  const log = o.log ?? ((line: string) => console.error(line));
  const store = new Store();
  if (o.dataFile) {
    const snapshot = await loadDataFile(o.dataFile);
    if (snapshot) store.restore(snapshot);
  }
  const writer = o.dataFile ? new DataFileWriter(o.dataFile, () => store.snapshot()) : undefined;
  store.onChange = () => writer?.schedule();

  let ownUrl = '';
  const dispatcher = new WebhookDispatcher({
    endpoints: o.webhookEndpoints ?? [],
    retry: { attempts: 4, backoffMs: 250, ...o.webhookRetry },
    timeoutMs: o.webhookTimeoutMs ?? 10_000,
    // Deliveries start only after `ctx` below exists.
    onDelivered: (eventId, endpoint) => ctx.delivered(eventId, endpoint),
    log,
  });
  const ctx = new FakeContext({
    store,
    dispatcher,
    fees: o.fees ?? STRIPE_LIKE_FEES,
    apiVersion: o.apiVersion ?? DEFAULT_API_VERSION,
    nowMs: o.now ?? Date.now,
    publicUrl: () => o.checkoutBaseUrl ?? ownUrl,
    autoPayouts: o.autoPayouts ?? true,
    log,
  });
  const failures = new FailureInjector();
  const control = new FakeControl(ctx, failures);
  const router = new Router([
    ...checkoutRoutes,
    ...paymentRoutes,
    ...refundRoutes,
    ...disputeRoutes,
    ...balanceRoutes,
    ...eventRoutes,
    ...accountRoutes,
    ...transferRoutes,
    ...payoutRoutes,
    ...topupRoutes,
  ]);

  const sendJson = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-cache, no-store', ...headers });
    res.end(body);
  };

  async function api(req: IncomingMessage, res: ServerResponse, method: string, url: URL): Promise<void> {
    const requestId = newId(PREFIX.request, 14);
    const stripeVersion = req.headers['stripe-version'];
    const headers: Record<string, string> = {
      'request-id': requestId,
      'stripe-version': typeof stripeVersion === 'string' ? stripeVersion : ctx.apiVersion,
    };
    const idempotencyHeader = req.headers['idempotency-key'];
    const idempotencyKey = method === 'POST' && typeof idempotencyHeader === 'string' ? idempotencyHeader : null;
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const fail = (e: StripeFakeError) => sendJson(res, e.status, JSON.stringify(e.body(), null, 2), headers);

    const text = await readBody(req);
    const auth = authenticate(req.headers.authorization, o.apiKey);
    if (auth instanceof StripeFakeError)
      return sendJson(res, 401, JSON.stringify(auth.body(), null, 2), { ...headers, 'www-authenticate': 'Basic realm="Stripe"' });

    const failure = failures.take(method, url.pathname);
    if (failure && !failure.afterProcessing) {
      if (failure.type === 'network') return dropConnection(req, res);
      return fail(failureError(failure));
    }

    // POST parameters come in the body; Stripe also reads the query string.
    const raw = parseForm(url.search.slice(1));
    if (method === 'POST') Object.assign(raw, parseForm(text));

    const accountHeader = req.headers['stripe-account'];
    const account = typeof accountHeader === 'string' && accountHeader ? accountHeader : null;
    if (account && !store.get(account, null, 'account')) {
      return fail(
        invalidRequest(
          `The provided key '${redact(auth.key)}' does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
          { code: 'account_invalid' },
          403,
        ),
      );
    }
    if (account) headers['stripe-account'] = account;

    const match = router.match(method, url.pathname);
    if (!match) return fail(unrecognizedUrl(method, url.pathname));

    const idem = idempotencyKey ? { key: idempotencyKey, account, method, path: url.pathname, params: canonicalParams(raw) } : undefined;
    if (idem) {
      let replay;
      try {
        replay = findReplay(store, idem, ctx.now());
      } catch (e) {
        if (e instanceof StripeFakeError) return fail(e);
        throw e;
      }
      if (replay) {
        return sendJson(res, replay.status, replay.body, { ...headers, 'idempotent-replayed': 'true', 'original-request': replay.requestId });
      }
    }

    sweepExpiredSessions(ctx);
    let status = 200;
    let body: unknown;
    try {
      body = match.route.handler(ctx, { info: { account, requestId, idempotencyKey }, params: new Params(raw), path: match.path });
    } catch (e) {
      if (!(e instanceof StripeFakeError)) throw e;
      status = e.status;
      body = e.body();
    }
    const bodyText = JSON.stringify(body, null, 2);
    if (idem && isStoredOutcome(status)) saveResult(store, idem, { status, body: bodyText, requestId }, ctx.now());

    if (failure) {
      // The change happened; the caller just never hears about it (or hears an error).
      if (failure.type === 'network') return dropConnection(req, res);
      return fail(failureError(failure));
    }
    sendJson(res, status, bodyText, headers);
  }

  async function pages(req: IncomingMessage, res: ServerResponse, method: string, url: URL): Promise<void> {
    const text = method === 'POST' ? await readBody(req) : '';
    const form = Object.fromEntries(new URLSearchParams(text));
    const failure = url.pathname.startsWith('/v1/') ? undefined : failures.take(method, url.pathname);
    let reply: PageReply | undefined;
    if (failure?.type === 'network') return dropConnection(req, res);
    if (failure && failure.type !== 'card_declined') reply = errorPage(failureError(failure));
    else {
      try {
        reply = handlePage(ctx, {
          method,
          url,
          form,
          declineCode: failure?.type === 'card_declined' ? (failure.declineCode ?? 'generic_decline') : undefined,
        });
      } catch (e) {
        if (!(e instanceof StripeFakeError)) throw e;
        reply = errorPage(e);
      }
    }
    if (!reply) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Not found. This is a local Stripe fake: the API is under ${ownUrl}/v1, its control API under ${ownUrl}/_fake.\n`);
      return;
    }
    if (reply.location) {
      res.writeHead(reply.status, { location: reply.location, 'cache-control': 'no-store' });
      res.end();
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(reply.html);
  }

  async function controlApi(req: IncomingMessage, res: ServerResponse, method: string, url: URL): Promise<void> {
    const text = await readBody(req);
    let body: Record<string, unknown> = {};
    try {
      const parsed: unknown = text ? JSON.parse(text) : {};
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
      else throw new Error('not an object');
    } catch {
      return sendJson(res, 400, JSON.stringify({ error: { message: 'The control API takes a JSON object body.' } }));
    }
    try {
      const reply = await handleControl(control, method, url, body);
      if (!reply) return sendJson(res, 404, JSON.stringify({ error: { message: `No control route ${method} ${url.pathname}` } }));
      sendJson(res, reply.status, JSON.stringify(reply.body, null, 2));
    } catch (e) {
      if (!(e instanceof StripeFakeError)) throw e;
      sendJson(res, e.status, JSON.stringify({ error: { message: e.message, ...(e.fields.param ? { param: e.fields.param } : {}) } }));
    }
  }

  const server = http.createServer((req, res) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://stripe-fake');
    const route = url.pathname.startsWith('/v1/') ? api : url.pathname === '/_fake' || url.pathname.startsWith('/_fake/') ? controlApi : pages;
    route(req, res, method, url).catch((e: unknown) => {
      const status = e instanceof StripeFakeError ? e.status : 500;
      if (status === 500) log(`stripe-fake: ${method} ${url.pathname} failed: ${(e as Error).stack ?? String(e)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const error = e instanceof StripeFakeError ? e : apiError(`The local Stripe fake failed: ${(e as Error).message}`);
      sendJson(res, status, JSON.stringify(error.body(), null, 2));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  ownUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  relinkHostedPages(ctx);

  return {
    url: ownUrl,
    host,
    port,
    control,
    webhooksIdle: () => control.webhooksIdle(),
    async close() {
      dispatcher.close();
      ctx.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The SDK keeps connections alive; without this, close() would wait for them to time out.
        server.closeAllConnections();
      });
      await writer?.flush();
    },
  };
}
