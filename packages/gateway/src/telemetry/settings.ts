/**
 * Tracing's settings: OpenTelemetry's standard variables that decide whether and where spans go
 * (the SDK reads the other standard OTEL_* itself). src/config.ts composes this piece.
 */
import { z } from 'zod';
import { ConfigError, type EnvOf, nonEmpty } from '../settings/env.js';

/** Where and how spans are exported, when tracing is on. */
export interface TracingSettings {
  /** Where spans are POSTed: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or the base + `/v1/traces`. */
  tracesEndpoint: string;
  protocol: 'http/protobuf' | 'http/json';
  serviceName: string;
}

export const DEFAULT_SERVICE_NAME = 'universal-print-gateway';

export const TRACING_ENV = {
  OTEL_SDK_DISABLED: z.string().optional(),
  OTEL_TRACES_EXPORTER: nonEmpty,
  OTEL_EXPORTER_OTLP_ENDPOINT: nonEmpty,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: nonEmpty,
  OTEL_EXPORTER_OTLP_PROTOCOL: nonEmpty,
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: nonEmpty,
  OTEL_SERVICE_NAME: nonEmpty,
};

type TracingEnv = EnvOf<typeof TRACING_ENV>;

/**
 * Tracing is on when an OTLP endpoint is configured and neither OTEL_SDK_DISABLED=true nor
 * OTEL_TRACES_EXPORTER=none says otherwise. Only the OTLP/HTTP exporters are installed, so
 * `grpc` (or another exporter) is refused rather than silently not exporting.
 */
export function tracingSettings(vars: TracingEnv): TracingSettings | null {
  const exporter = vars.OTEL_TRACES_EXPORTER?.toLowerCase() ?? 'otlp';
  if (exporter !== 'otlp' && exporter !== 'none') {
    throw new ConfigError(
      `OTEL_TRACES_EXPORTER must be otlp or none; "${vars.OTEL_TRACES_EXPORTER}" is not installed`,
    );
  }
  const disabled = vars.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true' || exporter === 'none';
  const signal = vars.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = vars.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (disabled || (!signal && !base)) return null;
  const tracesEndpoint = signal
    ? otlpUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', signal)
    : // The spec: the base endpoint gets the signal's path appended.
      `${otlpUrl('OTEL_EXPORTER_OTLP_ENDPOINT', base as string).replace(/\/+$/, '')}/v1/traces`;
  const [protocolName, protocol] = vars.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL
    ? ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', vars.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL]
    : ['OTEL_EXPORTER_OTLP_PROTOCOL', vars.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf'];
  if (protocol !== 'http/protobuf' && protocol !== 'http/json') {
    throw new ConfigError(
      `${protocolName} must be http/protobuf or http/json (the OTLP/HTTP exporters this gateway ` +
        `ships); "${protocol}" is not supported`,
    );
  }
  return { tracesEndpoint, protocol, serviceName: vars.OTEL_SERVICE_NAME ?? DEFAULT_SERVICE_NAME };
}

function otlpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must be an http or https URL: ${raw}`);
  }
  return url.href;
}
