/**
 * A link in the Graph SDK's middleware chain (after the one that sets `client-request-id`):
 * puts on the exchange's span the id we send and what Graph answered: the status and Graph's
 * `request-id`, the two ids a Microsoft support ticket asks for. It only reads; outside a traced
 * exchange it does nothing.
 */

import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { context, trace } from '@opentelemetry/api';
import { exchangeRecordIn, plainId } from './graph-spans.js';

function requestHeader(sdkContext: Context, name: string): string | undefined {
  if (typeof sdkContext.request !== 'string') {
    return sdkContext.request.headers.get(name) ?? undefined;
  }
  const headers = sdkContext.options?.headers;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  return (headers as Record<string, string> | undefined)?.[name];
}

export class TracingLink implements Middleware {
  private next: Middleware | undefined;

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(sdkContext: Context): Promise<void> {
    if (!this.next) throw new Error('TracingLink must not be the last link');
    const active = context.active();
    const record = exchangeRecordIn(active);
    const span = trace.getSpan(active);
    if (!record || !span) return this.next.execute(sdkContext);
    record.sentAt = Date.now();
    record.clientRequestId = requestHeader(sdkContext, 'client-request-id');
    if (record.clientRequestId)
      span.setAttribute('graph.client_request_id', record.clientRequestId);
    try {
      await this.next.execute(sdkContext);
    } finally {
      const response = sdkContext.response;
      if (response) {
        record.requestId = plainId(response.headers.get('request-id'));
        span.setAttribute('http.response.status_code', response.status);
        if (record.requestId) span.setAttribute('graph.request_id', record.requestId);
      }
    }
  }
}
