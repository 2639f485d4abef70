/** How a bulk field's items settle into values, typed errors, or a failure of the whole field. */
import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../src/errors.js';
import { settleItems } from '../../src/schema/bulk-writes.js';

describe('settleItems', () => {
  it('keeps input order and hands an item error of the union back as that item', async () => {
    const conflict = new ConflictError('already completed', 'req-1');

    const items = await settleItems(
      [Promise.resolve('a'), Promise.reject(conflict), Promise.resolve('c')],
      [NotFoundError, ConflictError],
    );

    expect(items).toEqual(['a', conflict, 'c']);
  });

  it('fails the field on an error outside the union, but only once every item has settled', async () => {
    const bug = new TypeError('a gateway bug');
    let lastSettled = false;
    const slow = new Promise<string>((resolve) =>
      setTimeout(() => {
        lastSettled = true;
        resolve('late');
      }, 20),
    );

    await expect(settleItems([Promise.reject(bug), slow], [NotFoundError])).rejects.toBe(bug);
    expect(lastSettled).toBe(true);
  });
});
