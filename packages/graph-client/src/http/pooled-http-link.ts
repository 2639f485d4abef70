/**
 * The last link of the Graph SDK's middleware chain: the HTTP exchange itself, on an undici
 * connection pool instead of the SDK's `fetch`. A profile of the gateway under load put about a
 * third of its CPU inside `fetch` (web streams for every body, a `Request` clone, an
 * `AbortSignal.timeout` and an `AbortSignal.any` per attempt, DOMExceptions); a pooled
 * `request()` reads the same bytes over the same keep-alive connections for a fraction of that.
 *
 * What the link owns:
 * - keep-alive connections to Graph, at most `connections` of them (the in-flight cap), so a
 *   burst never opens more sockets than it may use;
 * - where requests go: only to the configured Graph origin. Its pool is bound to that origin,
 *   and a request the SDK addressed elsewhere fails before anything is opened, whatever the
 *   call's path held (the SDK reads a path containing `https://` as an absolute URL);
 * - the attempt's time limit: one timer, which also covers a body that trickles in, and the
 *   request's deadline (the SDK's `signal` option), whichever ends first;
 * - reading the answer, never more than `maxResponseBytes`;
 * - turning failures into `GraphTransportError`s, keeping apart the one case where the request
 *   certainly never reached Graph (refused).
 *
 * The answer it hands back through the SDK is already read (`ReadAnswer`), so nothing is
 * streamed twice; packages/graph-client/src/http/transport.ts takes it as it is.
 */
import type { Context, FetchOptions, Middleware } from '@microsoft/microsoft-graph-client';
import { type Dispatcher, Pool } from 'undici';
import { GraphTransportError } from '../call.js';
import { attemptFailure } from './attempt-failure.js';
import { readAnswer } from './read-answer.js';

export interface PooledHttpLinkOptions {
  /** Graph's origin (`https://graph.microsoft.com`): the only one this link sends to. */
  origin: string;
  /** One attempt's limit, from sending to the last byte of the answer. */
  timeoutMs: number;
  /** The most read of one answer; more fails the call (`oversized`). */
  maxResponseBytes: number;
  /** Connections per origin; the upstream's in-flight cap, so no request queues here. */
  connections: number;
}

type HttpMethod = Dispatcher.HttpMethod;

/**
 * The reason an attempt is aborted with (its time limit or the request's deadline): one made
 * once, since aborting without a reason builds a DOMException. Never shown: an aborted attempt
 * is a `timeout` (attempt-failure.ts).
 */
const OUT_OF_TIME = new Error('the attempt ran out of time');

export class PooledHttpLink implements Middleware {
  private readonly pool: Pool;
  /** As `URL.origin` spells it (lower case, no default port), to compare with each request's. */
  private readonly origin: string;

  constructor(private readonly options: PooledHttpLinkOptions) {
    this.origin = new URL(options.origin).origin;
    this.pool = new Pool(this.origin, {
      connections: options.connections,
      // The attempt's timer is the limit; undici's own per-phase timers are a backstop only.
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connect: { timeout: options.timeoutMs },
    });
  }

  async execute(context: Context): Promise<void> {
    const url = new URL(
      typeof context.request === 'string' ? context.request : context.request.url,
    );
    if (url.origin !== this.origin) {
      throw new GraphTransportError(
        'foreign-origin',
        'The gateway refused to send a request outside Microsoft Graph; nothing was sent',
      );
    }
    const options: FetchOptions = context.options ?? {};
    const attempt = new AbortController();
    const timer = setTimeout(() => attempt.abort(OUT_OF_TIME), this.options.timeoutMs);
    const deadline = options.signal ?? undefined;
    const onDeadline = () => attempt.abort(OUT_OF_TIME);
    if (deadline?.aborted) onDeadline();
    deadline?.addEventListener('abort', onDeadline, { once: true });
    try {
      const response = await this.pool.request({
        path: url.pathname + url.search,
        method: (options.method ?? 'GET') as HttpMethod,
        headers: headerRecord(context),
        body: bodyOf(options.body),
        signal: attempt.signal,
      });
      const answer = await readAnswer(
        response,
        this.options.maxResponseBytes,
        () => attempt.signal.aborted,
      );
      context.response = answer as unknown as Response;
    } catch (error) {
      const timedOut = attempt.signal.aborted || isUndiciTimeout(error);
      throw attemptFailure(error, timedOut, this.options.timeoutMs);
    } finally {
      clearTimeout(timer);
      deadline?.removeEventListener('abort', onDeadline);
    }
  }
}

function headerRecord(context: Context): Record<string, string> {
  const headers: Record<string, string> = {};
  const from =
    typeof context.request === 'string' ? context.options?.headers : context.request.headers;
  if (from instanceof Headers) {
    from.forEach((value, name) => {
      headers[name] = value;
    });
  } else if (Array.isArray(from)) {
    for (const [name, value] of from) headers[name.toLowerCase()] = value;
  } else if (from) {
    for (const [name, value] of Object.entries(from)) headers[name.toLowerCase()] = value;
  }
  return headers;
}

/** The SDK serializes JSON bodies to strings; the gateway sends nothing else. */
function bodyOf(body: FetchOptions['body']): string | Uint8Array | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  throw new TypeError('The gateway sends only string or byte bodies to Microsoft Graph');
}

const UNDICI_TIMEOUTS = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const isUndiciTimeout = (error: unknown): boolean =>
  UNDICI_TIMEOUTS.has(String((error as { code?: unknown } | null)?.code));
