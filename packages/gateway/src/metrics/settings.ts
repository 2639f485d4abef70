/**
 * Prometheus metrics' piece of the environment (docs/operations.md#metrics): where the metrics
 * listener binds, and how many operation names get series of their own. src/config.ts composes it.
 */
import { z } from 'zod';
import { type EnvOf, nonEmpty } from '../settings/env.js';
import { DEFAULT_MAX_OPERATION_NAMES } from './graphql-metrics.js';

/** Prometheus metrics (src/metrics/, docs/operations.md#metrics). */
export interface MetricsSettings {
  /** The metrics listener, without credentials; `null` when `METRICS_PORT=off`. */
  listen: { host: string; port: number } | null;
  /** Operation names with series of their own; later names are `other`. */
  maxOperationNames: number;
}

/** The port OpenTelemetry's Prometheus exporter uses by convention, and the manifests name. */
export const DEFAULT_METRICS_PORT = 9464;

export const METRICS_ENV = {
  METRICS_PORT: z
    .string()
    .trim()
    .default(String(DEFAULT_METRICS_PORT))
    .refine(
      (value) => value === 'off' || (/^\d{1,5}$/.test(value) && Number(value) <= 65_535),
      'must be a port number (0-65535) or off',
    )
    .transform((value) => (value === 'off' ? ('off' as const) : Number(value))),
  METRICS_HOST: nonEmpty,
  METRICS_MAX_OPERATION_NAMES: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000)
    .default(DEFAULT_MAX_OPERATION_NAMES),
};

/** @param gatewayHost where the gateway listens (HOST): the listener's host unless METRICS_HOST. */
export function metricsSettings(
  vars: EnvOf<typeof METRICS_ENV>,
  gatewayHost: string,
): MetricsSettings {
  return {
    listen:
      vars.METRICS_PORT === 'off'
        ? null
        : { host: vars.METRICS_HOST ?? gatewayHost, port: vars.METRICS_PORT },
    maxOperationNames: vars.METRICS_MAX_OPERATION_NAMES,
  };
}
