/**
 * The gateway's tracer, taken from the global OpenTelemetry API. Until main.ts registers the SDK
 * (only when an OTLP endpoint is configured) it is the API's no-op tracer: spans cost nothing and
 * record nothing, so the code below calls it unconditionally.
 */
import { trace } from '@opentelemetry/api';

export const TRACER_NAME = 'universal-print-gateway';

/** A proxy: it delegates to whichever provider is registered when a span starts. */
export const tracer = trace.getTracer(TRACER_NAME);
