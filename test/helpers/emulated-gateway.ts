/**
 * The real app with the real Graph SDK, talking over loopback sockets to a real emulator.
 * One emulator per test file; each test starts from the seeded tenant and a fresh gateway (the
 * throttle window and counters are process-wide state).
 */

import { EMULATOR_TOKENS, type RunningEmulator } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { beforeEach } from 'vitest';
import { createTestGateway, type TestGateway } from './gateway.js';

export interface EmulatedGateway {
  readonly emulator: RunningEmulator;
  readonly gateway: TestGateway;
  /** Graph requests the emulator answered since the last reset, by how they arrived. */
  upstream(): { envelopes: number; items: number; direct: number };
}

export function useEmulatedGateway(options: { timeoutMs?: number } = {}): EmulatedGateway {
  const env = useEmulator();
  let gateway: TestGateway | undefined;
  beforeEach(() => {
    gateway = createTestGateway({
      baseUrl: env.emulator.url,
      token: EMULATOR_TOKENS.gatewayApp,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
  });
  return {
    get emulator() {
      return env.emulator;
    },
    get gateway() {
      if (!gateway) throw new Error('useEmulatedGateway() is ready inside tests only');
      return gateway;
    },
    upstream() {
      const entries = env.emulator.requests.entries();
      const count = (via: string) => entries.filter((entry) => entry.via === via).length;
      return {
        envelopes: count('batch-envelope'),
        items: count('batch-item'),
        direct: count('direct'),
      };
    },
  };
}
