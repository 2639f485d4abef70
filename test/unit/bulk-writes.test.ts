/** How a bulk field's items settle into values, typed errors, or an outcome-unknown item. */
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  GatewayFault,
  NotFoundError,
  UpstreamUnavailableError,
} from '../../packages/gateway/src/errors.js';
import { settleItems } from '../../packages/gateway/src/schema/bulk-writes.js';

describe('settleItems', () => {
  it('keeps input order and hands an item error of the union back as that item', async () => {
    const conflict = new ConflictError('already completed', 'req-1');
    const faults: unknown[] = [];

    const items = await settleItems(
      [Promise.resolve('a'), Promise.reject(conflict), Promise.resolve('c')],
      [NotFoundError, ConflictError],
      (fault) => faults.push(fault),
    );

    expect(items).toEqual(['a', conflict, 'c']);
    expect(faults).toEqual([]);
  });

  it('answers a fault in its item as outcome unknown, reports it, and keeps the other answers', async () => {
    const bug = new TypeError('a gateway bug');
    const fault = new GatewayFault('UPSTREAM_UNEXPECTED_STATUS', 'Graph answered 405', 'detail');
    const faults: unknown[] = [];

    const items = await settleItems(
      [Promise.reject(bug), Promise.resolve('written'), Promise.reject(fault)],
      [NotFoundError, UpstreamUnavailableError],
      (reported, index) => faults.push([reported, index]),
    );

    expect(faults).toEqual([
      [bug, 0],
      [fault, 2],
    ]);
    expect(items[1]).toBe('written');
    for (const index of [0, 2]) {
      expect(items[index]).toBeInstanceOf(UpstreamUnavailableError);
      expect(items[index]).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', outcomeUnknown: true });
    }
  });

  it("says nothing was applied when Graph refused the gateway's own credentials", async () => {
    const refused = new GatewayFault('UPSTREAM_AUTH_FAILED', 'refused', '401 for the PATCH');

    const [item] = await settleItems([Promise.reject(refused)], [NotFoundError], () => {});

    expect(item).toBeInstanceOf(UpstreamUnavailableError);
    expect(item).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', outcomeUnknown: false });
  });

  it('settles every item before it answers', async () => {
    let lastSettled = false;
    const slow = new Promise<string>((resolve) =>
      setTimeout(() => {
        lastSettled = true;
        resolve('late');
      }, 20),
    );

    await settleItems([Promise.reject(new TypeError('bug')), slow], [NotFoundError], () => {});
    expect(lastSettled).toBe(true);
  });
});
