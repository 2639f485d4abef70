/**
 * What every scenario needs: an emulator with injected round-trip latency, gateways built on it
 * with given settings, a direct SDK client on the same emulator, and load loops that measure.
 */

import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@microsoft/microsoft-graph-client';
import {
  EMULATOR_TOKENS,
  emulatedEntraSettings,
  type RunningEmulator,
  startEmulator,
} from '@universal-print-gateway/emulator';
import { createApp } from '../packages/gateway/src/app.js';
import { createEntraTokenValidator } from '../packages/gateway/src/auth/entra-token.js';
import { silentLogger } from '../packages/gateway/src/logging/logger.js';
import { ObservedGraphService } from '../packages/gateway/src/observed-graph.js';
import { TracingLink } from '../packages/gateway/src/telemetry/graph-http-link.js';
import { staticToken } from '../packages/graph-client/src/credentials/credentials.js';
import type { PersonTokenSource } from '../packages/graph-client/src/credentials/person-tokens.js';
import { createGraphClient, versionRootOf } from '../packages/graph-client/src/http/client.js';
import { SdkGraphTransport } from '../packages/graph-client/src/http/transport.js';
import {
  DEFAULT_GRAPH_SERVICE_OPTIONS,
  type GraphServiceOptions,
} from '../packages/graph-client/src/service.js';

export async function emulatorWithLatency(latencyMs: number): Promise<RunningEmulator> {
  const emulator = await startEmulator();
  addLatency(emulator, latencyMs);
  return emulator;
}

/** A network round trip: on each direct request and each envelope, never per item. */
export function addLatency(emulator: RunningEmulator, latencyMs: number): void {
  if (latencyMs <= 0) return;
  emulator.faults.add({ path: '.*', scope: 'direct', latencyMs });
  emulator.faults.add({ path: '.*', scope: 'batch-envelope', latencyMs });
}

/**
 * One upstream round trip as a scenario measures it: the median of `times` direct reads of a
 * printer with the gateway app's token, latency included. Wall times divided by it read as
 * round trips.
 */
export async function upstreamRoundTripMs(
  emulator: RunningEmulator,
  printerId: string,
  times = 10,
): Promise<number> {
  const trips: number[] = [];
  for (let rep = 0; rep < times; rep++) {
    const started = performance.now();
    await fetch(`${emulator.url}/v1.0/print/printers/${printerId}`, {
      headers: { authorization: `Bearer ${EMULATOR_TOKENS.gatewayApp}` },
    });
    trips.push(performance.now() - started);
  }
  return round(median(trips), 1);
}

export function directClient(emulator: RunningEmulator): Client {
  return createGraphClient({
    baseUrl: emulator.url,
    auth: staticToken(EMULATOR_TOKENS.gatewayApp),
    timeoutMs: 30_000,
    // The chain the gateway runs (src/observed-graph.ts): the tracing link costs what it costs.
    watchingLinks: [new TracingLink()],
  });
}

export interface BenchGateway {
  service: ObservedGraphService;
  /** The GraphQL endpoint, on a real socket. */
  url: string;
  /** A service key with Print.Release.All; a person's token from the emulator's Entra works too. */
  key: string;
  /** POSTs one GraphQL request, as the key's holder unless a credential is given. */
  post(body: unknown, credential?: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function gateway(
  emulator: RunningEmulator,
  options: Partial<GraphServiceOptions> = {},
  /** People's Graph tokens (on-behalf-of), for the operations Graph allows people only. */
  personTokens?: PersonTokenSource,
): Promise<BenchGateway> {
  const client = directClient(emulator);
  const service = new ObservedGraphService(
    new SdkGraphTransport(client, versionRootOf(emulator.url)),
    {
      ...DEFAULT_GRAPH_SERVICE_OPTIONS,
      ...options,
    },
    silentLogger,
    personTokens,
  );
  // Callers authenticate as in production, with a service key or the emulator's Entra tokens:
  // anonymous access is no default.
  const key = `bench-${randomBytes(16).toString('hex')}`;
  const app = createApp({
    graph: service,
    logger: silentLogger,
    graphiql: false,
    authentication: {
      serviceKeys: [{ name: 'bench', roles: ['Print.Release.All'], key }],
      entra: createEntraTokenValidator(emulatedEntraSettings(emulator.url)),
      allowAnonymous: false,
    },
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    service,
    url,
    key,
    async post(body, credential = key) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
        body: JSON.stringify(body),
      });
      return response.json();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface LoadResult {
  operations: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** What a closed loop measured, every latency kept (for percentiles pooled over rounds). */
export interface ClosedLoopResult {
  operations: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
}

/**
 * A closed loop of `concurrency` clients running `operation` `total` times: each starts its next
 * operation when its last one has ended.
 */
export async function closedLoop(
  total: number,
  concurrency: number,
  operation: (index: number) => Promise<void>,
): Promise<ClosedLoopResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < total) {
      const index = next++;
      const begun = performance.now();
      await operation(index);
      latenciesMs.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  return { operations: total, seconds, perSecond: total / seconds, latenciesMs };
}

/** `closedLoop`, summed up: rate and latency percentiles, rounded for a report. */
export async function load(
  total: number,
  concurrency: number,
  operation: (index: number) => Promise<void>,
): Promise<LoadResult> {
  const run = await closedLoop(total, concurrency, operation);
  return {
    operations: total,
    seconds: round(run.seconds, 2),
    perSecond: round(run.perSecond, 1),
    p50Ms: round(percentile(run.latenciesMs, 0.5), 1),
    p99Ms: round(percentile(run.latenciesMs, 0.99), 1),
  };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

export const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The median over rounds of `a ÷ b` within each round (both measured minutes apart at most). */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((value, i) => value / (b[i] ?? Number.NaN)));
}

export function must<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`nothing for ${String(key)}`);
  return value;
}

/** Fails the run loudly: a benchmark of failing operations measures nothing. */
export function expectNoErrors(body: unknown, what: string): void {
  const errors = (body as { errors?: unknown }).errors;
  if (errors) throw new Error(`${what} failed: ${JSON.stringify(errors)}`);
}
