/**
 * A gateway app over the emulator with per-caller limits (src/rate-limit/), as main.ts builds
 * it: the tests of the operation and Graph-call buckets serve it on a loopback port.
 */

import { EMULATOR_TOKENS } from '@universal-print-gateway/emulator';
import type { Logger } from 'pino';
import { type App, createApp } from '../../packages/gateway/src/app.js';
import type { AuthenticationOptions } from '../../packages/gateway/src/auth/authenticate.js';
import { silentLogger } from '../../packages/gateway/src/logging/logger.js';
import {
  createObservedGraphTransport,
  ObservedGraphService,
} from '../../packages/gateway/src/observed-graph.js';
import type { TokenBucketStore } from '../../packages/gateway/src/rate-limit/bucket-store.js';
import type { RateLimitPolicy } from '../../packages/gateway/src/rate-limit/policy.js';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';

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
