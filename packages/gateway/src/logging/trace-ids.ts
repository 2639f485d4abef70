/**
 * The trace id a log line carries: the active OpenTelemetry span's when tracing is on, else the
 * one a caller sent in a W3C `traceparent`, so that logs still join a trace started upstream.
 */
import { isSpanContextValid, trace } from '@opentelemetry/api';

/** The active span's trace id; undefined when no SDK is installed or no span is active. */
export function activeTraceId(): string | undefined {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? context.traceId : undefined;
}

// version "-" trace-id "-" parent-id "-" flags (https://www.w3.org/TR/trace-context/#traceparent-header).
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZERO = /^0+$/;

/**
 * The trace id of a valid `traceparent`, else undefined. Version `ff` and all-zero ids are
 * invalid; a future version (not `00`) may append fields, version `00` may not.
 */
export function traceIdFromTraceparent(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string' || header.length > 512) return undefined;
  const match = TRACEPARENT.exec(header.trim());
  if (!match) return undefined;
  const [, version, traceId, parentId, , rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (!traceId || !parentId || ALL_ZERO.test(traceId) || ALL_ZERO.test(parentId)) return undefined;
  return traceId;
}
