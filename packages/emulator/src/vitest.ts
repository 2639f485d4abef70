/**
 * The test kit's vitest hook (`@universal-print-gateway/emulator/vitest`): one emulator per test
 * file on an ephemeral loopback port, reset to the seed before each test. vitest is an optional
 * peer dependency: only a suite that imports this needs it.
 */

import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from './server.js';

export function useEmulator(options: EmulatorOptions = {}): { emulator: RunningEmulator } {
  const env = {} as { emulator: RunningEmulator };
  beforeAll(async () => {
    env.emulator = await startEmulator(options);
  });
  beforeEach(() => env.emulator.reset());
  afterAll(() => env.emulator?.close());
  return env;
}
