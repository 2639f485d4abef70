/**
 * The OpenTelemetry SDK: a tracer provider with a batching OTLP/HTTP exporter, registered
 * globally (W3C trace context, AsyncLocalStorage context manager). main.ts imports this module
 * only when tracing is configured, so a process without an endpoint never loads the SDK.
 *
 * The SDK itself reads the standard variables config.ts does not: OTEL_TRACES_SAMPLER(_ARG),
 * OTEL_BSP_*, OTEL_EXPORTER_OTLP_(TRACES_)HEADERS / TIMEOUT / COMPRESSION, OTEL_RESOURCE_ATTRIBUTES.
 */
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TracingSettings } from './settings.js';

export interface Tracing {
  /** Exports what is still buffered, then stops; never rejects, gives up after `timeoutMs`. */
  shutdown(timeoutMs: number): Promise<void>;
}

export function startTracing(settings: TracingSettings): Tracing {
  const Exporter = settings.protocol === 'http/json' ? JsonExporter : ProtobufExporter;
  const resource = detectResources({ detectors: [envDetector] }).merge(
    resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName }),
  );
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new Exporter({ url: settings.tracesEndpoint }))],
  });
  provider.register();
  return {
    async shutdown(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        provider.shutdown().catch(() => {}),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
