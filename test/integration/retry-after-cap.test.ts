/**
 * Graph's `Retry-After` is capped (GRAPH_MAX_RETRY_AFTER_SECONDS): one 429 asking for a year
 * holds the process's Graph calls back for at most the cap, the throttle window gauge shows the
 * capped window while it is open, and the cap is logged and counted. Over real sockets against
 * the emulator, which answers the 429.
 */

import { EMULATOR_TOKENS } from '@universal-print-gateway/emulator';
import { useEmulator } from '@universal-print-gateway/emulator/vitest';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../helpers/memory-logger.js';
import { parseSamples } from '../helpers/prometheus-text.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const env = useEmulator();

const YEAR_SECONDS = 365 * 24 * 3_600;
const CAP_MS = 1_500;
/** One Graph call: `GET /print/taskDefinitions`. */
const ONE_CALL_QUERY = '{ printTaskDefinitions { displayName } }';

function cappedGateway() {
  const { logger, lines } = memoryLogger();
  const gateway = createTestGateway({
    baseUrl: env.emulator.url,
    token: EMULATOR_TOKENS.gatewayApp,
    logger,
    service: { maxRetryAfterMs: CAP_MS },
  });
  const read = async () => {
    const response = await gateway.app.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: ONE_CALL_QUERY }),
    });
    return (await response.json()) as { data?: unknown; errors?: unknown[] };
  };
  const sample = async (name: string) =>
    parseSamples(await gateway.metrics.registry.metrics()).find((s) => s.name === name)?.value;
  return { gateway, read, sample, lines };
}

/** Resolves once the emulator has answered a `/print/taskDefinitions` call, or throws. */
async function untilGraphAnswered(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!env.emulator.requests.entries().some((entry) => entry.path.endsWith('taskDefinitions'))) {
    if (Date.now() > deadline) throw new Error('Graph was never called');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("Graph's Retry-After", () => {
  it('holds calls back for at most the cap after a 429 asking for a year, and the gauge shows the window', async () => {
    const { gateway, read, sample, lines } = cappedGateway();
    env.emulator.requests.clear();
    env.emulator.faults.add({
      path: '^/print/taskDefinitions$',
      status: 429,
      retryAfterSeconds: YEAR_SECONDS,
      times: 1,
    });

    const started = performance.now();
    const first = read();
    await untilGraphAnswered();
    // The window the 429 opened, as a scrape shows it: open, and no longer than the cap.
    const window = await waitForWindow(sample);
    expect(window).toBeGreaterThan(0);
    expect(window).toBeLessThanOrEqual(CAP_MS / 1000);
    expect(gateway.service.upstream.gate.remainingMs()).toBeLessThanOrEqual(CAP_MS);

    // The read is retried once the capped window has passed, well within its deadline.
    const answer = await first;
    expect(answer.errors).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(CAP_MS + 5_000);

    // The window has passed: the next read goes straight out.
    expect(await sample('graph_throttle_window_remaining_seconds')).toBe(0);
    expect((await read()).errors).toBeUndefined();

    expect(await sample('graph_retry_after_capped_total')).toBe(1);
    expect(lines.filter((line) => line['code'] === 'GRAPH_RETRY_AFTER_CAPPED')).toEqual([
      expect.objectContaining({
        level: 'warn',
        retryAfterSeconds: YEAR_SECONDS,
        cappedToSeconds: CAP_MS / 1000,
        route: '/print/taskDefinitions',
      }),
    ]);
  });

  it('leaves a Retry-After within the cap as Graph sent it', async () => {
    const { read, sample, lines } = cappedGateway();
    env.emulator.faults.add({
      path: '^/print/taskDefinitions$',
      status: 429,
      retryAfterSeconds: 0.05,
      times: 1,
    });
    expect((await read()).errors).toBeUndefined();
    expect(await sample('graph_retry_after_capped_total')).toBe(0);
    expect(lines.filter((line) => line['code'] === 'GRAPH_RETRY_AFTER_CAPPED')).toEqual([]);
  });
});

/** The gauge once the window is open: the 429's answer closes it as the exchange returns. */
async function waitForWindow(sample: (name: string) => Promise<number | undefined>) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const seconds = (await sample('graph_throttle_window_remaining_seconds')) ?? 0;
    if (seconds > 0 || Date.now() > deadline) return seconds;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
