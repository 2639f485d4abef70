/**
 * The single place where a Graph failure becomes a domain error. The table is documented in
 * docs/errors.md and pinned by test/unit/graph-errors.test.ts; change all three together.
 */

import {
  type GraphCall,
  type GraphReply,
  GraphTransportError,
  isWrite,
  neverSent,
} from './call.js';
import {
  ConflictError,
  GatewayFault,
  InvalidInputError,
  NotFoundError,
  PermissionDeniedError,
  ThrottledError,
  UpstreamUnavailableError,
} from './typed-errors.js';

/** Used when Graph throttles without a usable `Retry-After`; Graph's own examples use 10 s. */
export const DEFAULT_RETRY_AFTER_SECONDS = 10;

interface GraphErrorBody {
  error?: { code?: unknown; innerError?: { 'request-id'?: unknown } };
}

/**
 * Graph's codes are identifiers (`invalidRequest`, `ErrorItemNotFound`). The body is upstream
 * text, though, and a code goes into messages clients see: anything else (a token, a path,
 * markup) is replaced, never echoed.
 */
const PLAIN_GRAPH_CODE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Shown instead of a Graph code that is not a plain identifier. */
export const UNRECOGNIZED_GRAPH_CODE = 'unrecognizedCode';

/** Graph's error code as it may be shown to clients; null when Graph sent none. */
export function graphErrorCode(reply: GraphReply): string | null {
  const code = (reply.body as GraphErrorBody | null)?.error?.code;
  if (typeof code !== 'string' || code === '') return null;
  return PLAIN_GRAPH_CODE.test(code) ? code : UNRECOGNIZED_GRAPH_CODE;
}

export function graphRequestId(reply: GraphReply): string | null {
  const fromBody = (reply.body as GraphErrorBody | null)?.error?.innerError?.['request-id'];
  if (typeof fromBody === 'string' && fromBody !== '') return fromBody;
  return reply.headers['request-id'] ?? null;
}

/** `Retry-After` in ms: seconds (Graph has sent fractions) or an HTTP date; null when absent or junk. */
export function retryAfterMs(reply: GraphReply, now = Date.now()): number | null {
  const header = reply.headers['retry-after']?.trim();
  if (!header) return null;
  if (/^\d+(\.\d+)?$/.test(header)) return Math.round(Number(header) * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** `Retry-After` in whole seconds, rounded up, for clients. */
export function retryAfterSeconds(reply: GraphReply, now = Date.now()): number | null {
  const ms = retryAfterMs(reply, now);
  return ms === null ? null : Math.ceil(ms / 1000);
}

/** Maps a failed call to the error its resolver throws: a domain error or a `GatewayFault`. */
export function toGatewayError(failure: GraphReply | GraphTransportError, call: GraphCall): Error {
  if (failure instanceof GraphTransportError) return fromTransportFailure(failure, call);

  const requestId = graphRequestId(failure);
  const graphCode = graphErrorCode(failure) ?? 'none';
  const target = describe(call);
  switch (failure.status) {
    case 400:
    case 422:
      return new InvalidInputError(
        [{ path: [], message: `Microsoft Graph rejected ${target} as invalid (${graphCode})` }],
        requestId,
      );
    case 401:
      return new GatewayFault(
        'UPSTREAM_AUTH_FAILED',
        "Microsoft Graph rejected the gateway's own credentials",
        `401 ${graphCode} for ${target}; check AZURE_* or GRAPH_ACCESS_TOKEN (request-id ${requestId})`,
      );
    case 403:
      return new PermissionDeniedError(
        `Microsoft Graph denied ${target} (${graphCode})`,
        requestId,
      );
    case 404:
    case 410:
      return new NotFoundError(`Microsoft Graph found nothing at ${target}`, requestId);
    case 409:
    case 412:
    case 423:
      return new ConflictError(
        `The current state does not allow ${target} (${graphCode})`,
        requestId,
      );
    case 429:
      return new ThrottledError(
        `Microsoft Graph throttled ${target}`,
        requestId,
        retryAfterSeconds(failure) ?? DEFAULT_RETRY_AFTER_SECONDS,
      );
    case 500:
    case 502:
    case 503:
    case 504:
      return new UpstreamUnavailableError(
        `Microsoft Graph failed ${target} with ${failure.status}${outcomeNote(call)}`,
        requestId,
        failure.status === 504 ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE',
        isWrite(call),
        retryAfterSeconds(failure),
      );
    default:
      return new GatewayFault(
        'UPSTREAM_UNEXPECTED_STATUS',
        'Microsoft Graph gave an answer the gateway does not understand',
        `${failure.status} ${graphCode} for ${target} (request-id ${requestId})`,
      );
  }
}

function fromTransportFailure(failure: GraphTransportError, call: GraphCall): Error {
  // A refused connection or a call still queued never carried the request; anything else may
  // have delivered it.
  const outcomeUnknown = isWrite(call) && !neverSent(failure);
  return new UpstreamUnavailableError(
    `${failure.message} (${describe(call)})${outcomeUnknown ? outcomeNote(call) : ''}`,
    null,
    transportFailureCode(failure),
    outcomeUnknown,
  );
}

function transportFailureCode(failure: GraphTransportError): UpstreamUnavailableError['code'] {
  switch (failure.kind) {
    case 'timeout':
    case 'not-sent':
      return 'UPSTREAM_TIMEOUT';
    // The same code as the 503 the edge answers during a drain: retry on another instance.
    case 'shutting-down':
      return 'SHUTTING_DOWN';
    case 'oversized':
      return 'UPSTREAM_RESPONSE_TOO_LARGE';
    default:
      return 'UPSTREAM_UNAVAILABLE';
  }
}

function describe(call: GraphCall): string {
  return `${call.method} ${call.url.split('?')[0]}`;
}

function outcomeNote(call: GraphCall): string {
  return isWrite(call)
    ? '; the change may or may not have been applied: read it back before retrying'
    : '';
}
