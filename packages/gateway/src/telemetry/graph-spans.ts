/**
 * One CLIENT span per Graph exchange (a direct call, or a `$batch` envelope) around
 * `Upstream.exchange` (attached as `graphSpans`, an observer of the graph client), and inside an envelope one child span per logical call. The SDK link
 * (graph-http-link.ts) adds what only the HTTP layer knows: the `client-request-id` we sent,
 * Graph's `request-id`, the status. Nothing is propagated to Graph: no `traceparent` is sent.
 */
import {
  type Attributes,
  type Context,
  context,
  createContextKey,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import {
  type ExchangeAttempt,
  type GraphCall,
  type GraphReply,
  GraphTransportError,
  graphErrorCode,
  graphRequestId,
  routeTemplate,
  type UpstreamObserver,
} from '@universal-print-gateway/graph-client';
import { tracer } from './tracer.js';

type Outcome = GraphReply | GraphTransportError;

/** What the SDK link saw of the one HTTP request of the exchange. */
export interface ExchangeRecord {
  clientRequestId?: string | undefined;
  requestId?: string | undefined;
  /** When the request left (after any throttle wait or queue), ms since the epoch. */
  sentAt?: number | undefined;
}

const EXCHANGE = createContextKey('universal-print-gateway.graph-exchange');

/** The exchange being traced in `active`, for the SDK link; undefined outside one. */
export function exchangeRecordIn(active: Context): ExchangeRecord | undefined {
  return active.getValue(EXCHANGE) as ExchangeRecord | undefined;
}

/** Graph's ids are GUIDs; anything else from upstream is not copied into traces. */
const PLAIN_ID = /^[A-Za-z0-9-]{1,64}$/;
export const plainId = (value: string | null | undefined): string | undefined =>
  value && PLAIN_ID.test(value) ? value : undefined;

/** The open throttle window this exchange waited out first. */
export function noteThrottleWait(ms: number): void {
  trace.getActiveSpan()?.setAttribute('graph.throttle_wait_ms', ms);
}

const callAttributes = (call: GraphCall): Attributes => ({
  'http.request.method': call.method,
  'graph.route': routeTemplate(call.url),
});

function outcomeAttributes(outcome: Outcome | undefined, fallbackRequestId?: string): Attributes {
  if (outcome === undefined) return {};
  if (outcome instanceof GraphTransportError) return { 'error.type': outcome.kind };
  const requestId = plainId(graphRequestId(outcome)) ?? fallbackRequestId;
  const code = outcome.status >= 400 ? graphErrorCode(outcome) : null;
  return {
    'http.response.status_code': outcome.status,
    ...(requestId ? { 'graph.request_id': requestId } : {}),
    ...(code ? { 'graph.error.code': code } : {}),
  };
}

const failed = (outcome: Outcome | undefined): boolean =>
  outcome instanceof GraphTransportError || (outcome !== undefined && outcome.status >= 400);

function endWith(span: Span, attributes: Attributes, isFailure: boolean, endTime?: number): void {
  span.setAttributes(attributes);
  if (isFailure) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end(endTime);
}

/** The logical calls of an envelope, each a child span with its own status and ids. */
function traceItems(
  exchange: Span,
  calls: readonly GraphCall[],
  outcomes: readonly Outcome[],
  record: ExchangeRecord,
  attempt: ExchangeAttempt,
): void {
  const parent = trace.setSpan(context.active(), exchange);
  const endTime = Date.now();
  calls.forEach((call, index) => {
    const attributes = callAttributes(call);
    const span = tracer.startSpan(
      `graph ${attributes['http.request.method']} ${attributes['graph.route']}`,
      {
        kind: SpanKind.INTERNAL,
        startTime: record.sentAt ?? endTime,
        attributes: {
          ...attributes,
          'graph.batch.item_id': String(index + 1),
          'graph.attempt': attempt.attempt,
          // Graph sees the envelope's client-request-id for every item in it.
          ...(record.clientRequestId ? { 'graph.client_request_id': record.clientRequestId } : {}),
        },
      },
      parent,
    );
    const outcome = outcomes[index];
    endWith(span, outcomeAttributes(outcome, record.requestId), failed(outcome), endTime);
  });
}

/** Runs one exchange inside its span; `run` is the exchange itself and never sees the span. */
export async function traceExchange(
  calls: readonly GraphCall[],
  attempt: ExchangeAttempt,
  run: () => Promise<Outcome[]>,
): Promise<Outcome[]> {
  const envelope = calls.length > 1;
  // Started bare, and named and described only when recorded: with tracing off (or the trace
  // not sampled) an exchange costs no route template and no attribute objects.
  const span = tracer.startSpan('graph POST /$batch', { kind: SpanKind.CLIENT });
  if (!span.isRecording()) return run();
  const own = envelope ? {} : callAttributes(calls[0] as GraphCall);
  if (!envelope) span.updateName(`graph ${own['http.request.method']} ${own['graph.route']}`);
  span.setAttributes({
    ...own,
    'graph.batch.size': calls.length,
    'graph.attempt': attempt.attempt,
    'graph.retries': attempt.attempt - 1,
    ...(attempt.retryWaitMs > 0 ? { 'graph.retry_wait_ms': attempt.retryWaitMs } : {}),
  });
  const record: ExchangeRecord = {};
  const active = trace.setSpan(context.active(), span).setValue(EXCHANGE, record);
  try {
    const outcomes = await context.with(active, run);
    if (envelope) {
      span.setAttribute(
        'graph.batch.item_statuses',
        outcomes.map((outcome) => (outcome instanceof GraphTransportError ? 0 : outcome.status)),
      );
      traceItems(span, calls, outcomes, record, attempt);
      endWith(span, {}, outcomes.some(failed));
    } else {
      endWith(span, outcomeAttributes(outcomes[0], record.requestId), failed(outcomes[0]));
    }
    return outcomes;
  } catch (error) {
    span.recordException(error as Error);
    endWith(span, {}, true);
    throw error;
  }
}

/** The spans as an observer of the graph client's upstream (attached in src/observed-graph.ts). */
export const graphSpans: UpstreamObserver = {
  aroundExchange: traceExchange,
  waitedForThrottle: noteThrottleWait,
};
