/**
 * A live stream ended at its credential's expiry (src/live-events/stream-deadline.ts): the
 * source is ended and its subscriber slot given back, the last value is sent once, and the timer
 * is cleared however the stream ends and never keeps the process alive.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobEvent } from '../../packages/gateway/src/live-events/job-event.js';
import { LiveEvents } from '../../packages/gateway/src/live-events/live-events.js';
import { endStreamAt } from '../../packages/gateway/src/live-events/stream-deadline.js';

const LAST = 'expired';
const everything = () => true;

afterEach(() => {
  vi.useRealTimers();
});

function openStream(inMs: number) {
  const liveEvents = new LiveEvents();
  const stream = endStreamAt(
    liveEvents.subscribe('person:t/o', everything),
    Date.now() + inMs,
    LAST,
  );
  return { liveEvents, stream };
}

describe('a stream that ends at a deadline', () => {
  it('sends the last value at the deadline, once, frees its slot, then completes', async () => {
    vi.useFakeTimers();
    const { liveEvents, stream } = openStream(1_000);
    const waiting = stream.next();
    expect(liveEvents.subscribers.open).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(liveEvents.subscribers.open).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await waiting).toEqual({ done: false, value: LAST });
    expect(liveEvents.subscribers.open).toBe(0);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends events before the deadline', async () => {
    vi.useFakeTimers();
    const { liveEvents, stream } = openStream(1_000);
    const waiting = stream.next();
    const event: JobEvent = {
      kind: 'WAITING',
      printerId: 'p',
      printJobId: 'j',
      ownerId: 'o',
      job: null,
      task: null,
      redirectedTo: null,
      occurredAt: new Date().toISOString(),
    };
    liveEvents.publish(event);
    expect(await waiting).toEqual({ done: false, value: event });
  });

  it('clears its timer when the client goes first, or the server ends the stream', async () => {
    vi.useFakeTimers();
    const left = openStream(60_000);
    expect(vi.getTimerCount()).toBe(1);
    await left.stream.return?.();
    expect(vi.getTimerCount()).toBe(0);
    expect(left.liveEvents.subscribers.open).toBe(0);

    const closed = openStream(60_000);
    const waiting = closed.stream.next();
    closed.liveEvents.close();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("waits past setTimeout's longest delay instead of firing at once", async () => {
    vi.useFakeTimers();
    const longest = 2 ** 31 - 1;
    const { liveEvents, stream } = openStream(longest + 60_000);
    const waiting = stream.next();
    await vi.advanceTimersByTimeAsync(longest);
    expect(liveEvents.subscribers.open).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await waiting).toEqual({ done: false, value: LAST });
  });

  it('ends at once when the deadline has already passed', async () => {
    const { liveEvents, stream } = openStream(-1);
    expect(await stream.next()).toEqual({ done: false, value: LAST });
    expect(liveEvents.subscribers.open).toBe(0);
  });

  it('holds no timer that keeps the process alive', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const { stream } = openStream(3_600_000);
    expect(timers()).toBe(before);
    await stream.return?.();
  });
});
