/** InFlightLimit.resize: how a replica takes a new share of the budget with calls queued. */
import { describe, expect, it } from 'vitest';
import { InFlightLimit } from '../../packages/graph-client/src/http/throttle.js';

/** Work that ends when told to, so the test decides who holds a slot. */
function holder() {
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { work: () => done, finish };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('InFlightLimit.resize', () => {
  it('lets queued waiters in at once when the cap is raised', async () => {
    const limit = new InFlightLimit(1);
    const holders = [holder(), holder(), holder()];
    const started: number[] = [];
    const runs = holders.map((h, i) =>
      limit.run(async () => {
        started.push(i);
        await h.work();
      }),
    );
    await tick();
    expect(started).toEqual([0]);
    limit.resize(3);
    await tick();
    expect(started).toEqual([0, 1, 2]);
    expect(limit.inFlight).toBe(3);
    for (const h of holders) h.finish();
    await Promise.all(runs);
    expect(limit.inFlight).toBe(0);
  });

  it('lowers the cap without cutting anything short, and hands on slots only below it', async () => {
    const limit = new InFlightLimit(3);
    const holders = [holder(), holder(), holder(), holder()];
    const started: number[] = [];
    const runs = holders.map((h, i) =>
      limit.run(async () => {
        started.push(i);
        await h.work();
      }),
    );
    await tick();
    expect(started).toEqual([0, 1, 2]);
    limit.resize(1);
    holders[0]?.finish();
    holders[1]?.finish();
    await tick();
    // Two left, one still held: the cap is 1, so the fourth still waits.
    expect(started).toEqual([0, 1, 2]);
    expect(limit.inFlight).toBe(1);
    holders[2]?.finish();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(limit.inFlight).toBe(1);
    holders[3]?.finish();
    await Promise.all(runs);
    expect(limit.inFlight).toBe(0);
  });

  it('never goes below one slot', () => {
    const limit = new InFlightLimit(4);
    limit.resize(0);
    expect(limit.capacity).toBe(1);
  });
});
