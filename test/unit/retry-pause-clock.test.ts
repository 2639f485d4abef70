/**
 * A retry's pause is measured on the clock the throttle gate measures its window with
 * (`Date.now()`), not on the timer's. Timers count on a truncated monotonic clock and can end up
 * to a millisecond early by `Date.now()`: a retry after a 429's `Retry-After` then found the
 * window it had opened still closed for that millisecond, waited again, and counted a second
 * throttle wait (test/integration/resilience.test.ts failed 1 run in 2 that way). Here the
 * timers are faked so that they fire while `Date.now()` has not moved: the worst case of that
 * disagreement, made certain.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { staticToken } from '../../packages/graph-client/src/credentials/credentials.js';
import { Deadline } from '../../packages/graph-client/src/deadline.js';
import { createGraphTransport } from '../../packages/graph-client/src/http/client.js';
import {
  DEFAULT_UPSTREAM_OPTIONS,
  Upstream,
} from '../../packages/graph-client/src/http/upstream.js';
import { FakeGraphHttp } from '../helpers/fake-graph-http.js';

function upstream(): Upstream {
  const transport = createGraphTransport({
    baseUrl: 'https://graph.example.test',
    auth: staticToken('t'),
    timeoutMs: 5_000,
    httpHandler: new FakeGraphHttp(() => ({ status: 204 })),
  });
  return new Upstream(transport, DEFAULT_UPSTREAM_OPTIONS);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Upstream.pause', () => {
  it('does not end before Date.now() has moved the whole pause, whatever the timer says', async () => {
    const graph = upstream();
    // The 429's Retry-After: the gate closes for a second, then the retry pauses as long.
    graph.gate.close(1);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let ended = false;
    const paused = graph.pause(1_000, new Deadline(60_000)).then(() => {
      ended = true;
    });

    await vi.advanceTimersByTimeAsync(1_000);

    expect(ended).toBe(false);
    expect(graph.gate.remainingMs()).toBeGreaterThan(0);
    // Let it go: a drain ends every wait at once.
    graph.drain();
    await paused;
    expect(ended).toBe(true);
  });
});
