/**
 * One SERVER span per GraphQL HTTP request, continuing the caller's W3C `traceparent`, and made
 * the active context around the whole app call: operation spans, Graph spans and log lines
 * (which read `trace.getActiveSpan()`) all hang under it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { tracer } from './tracer.js';

/** Only GraphQL requests are traced: probes and /metrics scrapes would drown the traces. */
const TRACED_PATH = '/graphql';

export function inRequestSpan(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  handle: () => void,
): void {
  if (path !== TRACED_PATH) {
    handle();
    return;
  }
  // ROOT_CONTEXT: nothing of the process's own context leaks into a caller's trace.
  const parent = propagation.extract(ROOT_CONTEXT, request.headers);
  const method = request.method ?? 'GET';
  const span = tracer.startSpan(
    `${method} ${TRACED_PATH}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': method,
        'url.path': TRACED_PATH,
        'http.route': TRACED_PATH,
      },
    },
    parent,
  );
  // 'close' comes whether the answer was written or the client went away first.
  response.once('close', () => {
    span.setAttribute('http.response.status_code', response.statusCode);
    if (!response.writableFinished) span.setAttribute('http.response.aborted', true);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), handle);
}
