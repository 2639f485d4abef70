/**
 * The Graph client's pieces of the environment: names, bounds and defaults. The gateway's
 * config.ts spreads them into the one schema it parses the environment with, then hands the
 * parsed values to graph-settings.ts; every variable is in the README's configuration table.
 */
import { z } from 'zod';
import { DEFAULT_MAX_CALLS_PER_REQUEST } from '../call-budget.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../http/bounded-body.js';
import {
  DEFAULT_MAX_RETRY_AFTER_MS,
  MAX_RETRY_AFTER_CAP_SECONDS,
} from '../http/retry-after-cap.js';
import { nonEmpty } from './env.js';

/** Which Graph, how the client signs in to it, and how it calls it. */
export const GRAPH_ENV = {
  GRAPH_BASE_URL: nonEmpty,
  GRAPH_ACCESS_TOKEN: nonEmpty,
  GRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  GRAPH_MAX_RESPONSE_BYTES: z.coerce
    .number()
    .int()
    .min(65_536)
    .max(268_435_456)
    .default(DEFAULT_MAX_RESPONSE_BYTES),
  GRAPH_DEADLINE_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  GRAPH_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  GRAPH_MAX_THROTTLED_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(10),
  GRAPH_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(256).default(16),
  GRAPH_MAX_CALLS_PER_REQUEST: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(DEFAULT_MAX_CALLS_PER_REQUEST),
  GRAPH_SHARED_THROTTLE: z.enum(['true', 'false']).default('true'),
  GRAPH_MAX_RETRY_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_RETRY_AFTER_CAP_SECONDS)
    .default(DEFAULT_MAX_RETRY_AFTER_MS / 1000),
  GRAPH_BATCHING: z.enum(['true', 'false']).default('true'),
  AZURE_TENANT_ID: nonEmpty,
  AZURE_CLIENT_ID: nonEmpty,
  AZURE_CLIENT_SECRET: nonEmpty,
  AZURE_CLIENT_CERTIFICATE_PATH: nonEmpty,
  AZURE_AUTHORITY_HOST: nonEmpty,
};

/** The background check of the Graph token behind the gateway's /ready (credentials/token-check.ts). */
export const TOKEN_CHECK_ENV = {
  READINESS_TOKEN_CHECK_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(3_600_000)
    .default(60_000),
  READINESS_TOKEN_RETRY_MAX_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
};

/** The parsed values of a piece above, as its settings function takes them. */
export type GraphEnv = z.infer<z.ZodObject<typeof GRAPH_ENV>>;
export type TokenCheckEnv = z.infer<z.ZodObject<typeof TOKEN_CHECK_ENV>>;
