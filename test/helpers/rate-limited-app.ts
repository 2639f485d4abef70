/**
 * A gateway app over the emulator with per-caller limits (src/rate-limit/), as main.ts builds
 * it: the tests of the operation and Graph-call buckets serve it on a loopback port.
 */
import type { Logger } from 'pino';
import { type App, createApp } from '../../src/app.js';
import type { AuthenticationOptions } from '../../src/auth/authenticate.js';
import { EMULATOR_TOKENS } from '../../src/emulator/seed.js';
import { staticToken } from '../../src/graph/credentials/credentials.js';
import { silentLogger } from '../../src/logging/logger.js';
import { createObservedGraphTransport, ObservedGraphService } from '../../src/observed-graph.js';
import type { TokenBucketStore } from '../../src/rate-limit/bucket-store.js';
import type { RateLimitPolicy } from '../../src/rate-limit/policy.js';

export interface RateLimitedAppOptions {
  emulatorUrl: string;
  authentication: AuthenticationOptions;
  policy: RateLimitPolicy;
  /** @default this process's memory */
  store?: TokenBucketStore;
  logger?: Logger;
}

export function rateLimitedApp({
  emulatorUrl,
  authentication,
  policy,
  store,
  logger = silentLogger,
}: RateLimitedAppOptions): App {
  const graph = new ObservedGraphService(
    createObservedGraphTransport({
      baseUrl: emulatorUrl,
      auth: staticToken(EMULATOR_TOKENS.gatewayApp),
      timeoutMs: 10_000,
    }),
  );
  return createApp({
    graph,
    logger,
    graphiql: false,
    authentication,
    rateLimits: { policy, ...(store ? { store } : {}) },
  });
}
