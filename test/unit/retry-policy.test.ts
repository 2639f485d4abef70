import { describe, expect, it } from 'vitest';
import {
  type GraphCall,
  type GraphReply,
  GraphTransportError,
} from '../../packages/graph-client/src/call.js';
import {
  attemptLimit,
  backoffMs,
  DEFAULT_RETRY_OPTIONS,
  isRetryable,
} from '../../packages/graph-client/src/http/retry-policy.js';
import { InFlightLimit } from '../../packages/graph-client/src/http/throttle.js';

const read: GraphCall = { method: 'GET', url: '/print/printers/p' };
const write: GraphCall = { method: 'POST', url: '/print/printers/p/jobs/1/abort' };
const reply = (status: number): GraphReply => ({ status, headers: {}, body: null });

describe('isRetryable', () => {
  it.each([
    ['429', reply(429), true, true],
    ['503', reply(503), true, false],
    ['504', reply(504), true, false],
    ['500', reply(500), false, false],
    ['404', reply(404), false, false],
    ['a refused connection', new GraphTransportError('refused', ''), true, true],
    ['a timeout', new GraphTransportError('timeout', ''), true, false],
    ['a broken connection', new GraphTransportError('network', ''), true, false],
    [
      'a call that missed its deadline in the queue',
      new GraphTransportError('not-sent', ''),
      false,
      false,
    ],
    [
      'a call the shutting-down process did not send',
      new GraphTransportError('shutting-down', ''),
      false,
      false,
    ],
    [
      'a call addressed outside Graph, refused unsent',
      new GraphTransportError('foreign-origin', ''),
      false,
      false,
    ],
  ])('after %s: read %s, write %s', (_label, outcome, forRead, forWrite) => {
    expect(isRetryable(outcome, read)).toBe(forRead);
    expect(isRetryable(outcome, write)).toBe(forWrite);
  });
});

describe('backoffMs', () => {
  it('doubles its ceiling per attempt up to the maximum, with full jitter', () => {
    const top = () => 1;
    expect([1, 2, 3, 10].map((attempt) => backoffMs(attempt, DEFAULT_RETRY_OPTIONS, top))).toEqual([
      200, 400, 800, 5_000,
    ]);
    expect(backoffMs(3, DEFAULT_RETRY_OPTIONS, () => 0)).toBe(0);
  });
});

describe('InFlightLimit', () => {
  it('never runs more than its limit at once, and runs everything', async () => {
    const limit = new InFlightLimit(2);
    let running = 0;
    let peak = 0;
    const task = () =>
      limit.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return 'done';
      });

    const results = await Promise.all(Array.from({ length: 7 }, task));

    expect(results).toHaveLength(7);
    expect(peak).toBe(2);
    expect(limit.inFlight).toBe(0);
  });

  it('lets a waiter give up when its signal aborts', async () => {
    const limit = new InFlightLimit(1);
    let release = () => {};
    const holder = limit.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const waiter = limit.run(async () => 'never', controller.signal);

    controller.abort(new Error('deadline'));

    await expect(waiter).rejects.toThrow('deadline');
    release();
    await holder;
    expect(limit.inFlight).toBe(0);
  });
});

describe('attemptLimit', () => {
  it('gives throttled calls more attempts than failed ones', () => {
    const options = { ...DEFAULT_RETRY_OPTIONS, maxAttempts: 4, maxThrottledAttempts: 10 };
    expect(attemptLimit(reply(429), options)).toBe(10);
    expect(attemptLimit(reply(503), options)).toBe(4);
    expect(attemptLimit(new GraphTransportError('timeout', ''), options)).toBe(4);
  });
});
