/**
 * The request scope around everything the HTTP server does for one request, and the access
 * line written when the answer is done: one per request, at `info` (probes at `debug`, so that a
 * kubelet polling them does not fill the log).
 *
 * Nothing from the request is logged raw: no headers, no query string (a GET carries the
 * document and variables there), a path cut to 200 characters.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';
import { type RequestScope, runInRequestScope } from './request-scope.js';
import { traceIdFromTraceparent } from './trace-ids.js';

const MAX_LOGGED_PATH = 200;
/** A refusal's body is read for its error code only when it is this small (they are ~150 B). */
const MAX_SNIFFED_BODY_BYTES = 4_096;

export type AccessOutcome = 'ok' | 'error' | 'refused' | 'aborted';

/**
 * `probePaths` are logged at `debug`: the server hands its probes down (src/server/readiness.ts),
 * so that logging, below the HTTP layer, does not need to know them.
 */
export function withRequestLogging(
  logger: Logger,
  handle: RequestListener,
  probePaths: ReadonlySet<string>,
): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    const startedAt = performance.now();
    const scope: RequestScope = {
      requestId: requestIdFrom(request.headers[REQUEST_ID_HEADER]),
      incomingTraceId: traceIdFromTraceparent(request.headers['traceparent']),
      traceId: undefined,
      operations: [],
      caller: undefined,
      errorCodes: [],
      executed: false,
    };
    response.setHeader(REQUEST_ID_HEADER, scope.requestId);
    const body = countBody(response);
    response.once('close', () => {
      const path = (request.url ?? '/').split('?')[0]?.slice(0, MAX_LOGGED_PATH) ?? '/';
      const level = probePaths.has(path) ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const outcome = outcomeOf(response, scope);
      const errorCodes = outcome === 'refused' ? refusalCodes(body.sniffed) : scope.errorCodes;
      const traceId = scope.traceId ?? scope.incomingTraceId;
      const line = {
        access: true,
        requestId: scope.requestId,
        ...(traceId ? { traceId } : {}),
        method: request.method,
        path,
        status: response.statusCode,
        durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
        ...(scope.operations.length > 0 ? { operations: scope.operations } : {}),
        ...(scope.caller ? { caller: scope.caller } : {}),
        outcome,
        ...(errorCodes.length > 0 ? { errorCodes } : {}),
        bytes: body.bytes,
      };
      logger[level](line, 'access');
    });
    runInRequestScope(scope, () => handle(request, response));
  };
}

function outcomeOf(response: ServerResponse, scope: RequestScope): AccessOutcome {
  if (!response.writableFinished) return 'aborted';
  if (scope.errorCodes.length > 0) return 'error';
  if (response.statusCode >= 400) return scope.executed ? 'error' : 'refused';
  return 'ok';
}

/** The `extensions.code`s of a refusal's JSON body; none when it is not a GraphQL-style error. */
function refusalCodes(sniffed: string | undefined): string[] {
  if (sniffed === undefined) return [];
  try {
    const parsed = JSON.parse(sniffed) as { errors?: Array<{ extensions?: { code?: unknown } }> };
    const codes = (parsed.errors ?? [])
      .map((error) => error.extensions?.code)
      .filter((code): code is string => typeof code === 'string');
    return [...new Set(codes)];
  } catch {
    return [];
  }
}

/**
 * Counts the body bytes written, and keeps the text of a small error answer. Wraps `write` and
 * `end` of this one response: Node has no event that reports the body's size.
 */
function countBody(response: ServerResponse): { bytes: number; sniffed: string | undefined } {
  const state = { bytes: 0, sniffed: undefined as string | undefined };
  let tooLong = false;
  const see = (chunk: unknown, encoding: unknown) => {
    const charset = typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8';
    if (typeof chunk === 'string') state.bytes += Buffer.byteLength(chunk, charset);
    else if (chunk instanceof Uint8Array) state.bytes += chunk.byteLength;
    else return;
    if (response.statusCode < 400 || tooLong) return;
    const text =
      typeof chunk === 'string'
        ? chunk
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
    const seen = (state.sniffed ?? '') + text;
    tooLong = seen.length > MAX_SNIFFED_BODY_BYTES;
    state.sniffed = tooLong ? undefined : seen;
  };
  const write = response.write;
  const end = response.end;
  response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    see(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse['write'];
  response.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    see(chunk, rest[0]);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse['end'];
  return state;
}
